import { f } from './fields';
import { MAX_LABEL_CHARS } from './limits';
import { ROOT } from './names';
import type { RootSpec } from './types';

export const THEMES_SPEC: RootSpec = {
  name: ROOT.themes,
  scope: 'document',
  shape: 'records',
  entry: 'theme',
  key: { describe: 'theme id' },
  about: 'Themes group factors (environment, security, livelihoods…) and colour them.',
  fields: {
    name: f.text(MAX_LABEL_CHARS, 'refused', 'unique without regard to case (`ensureTheme` finds by name)', { required: true }),
    color: f.color('new themes take the palette colour fewest themes use (Okabe–Ito, then Tol); themes sharing a colour are drawn with a pattern each, by name (themeLooks)', { required: true }),
  },
  undoable: true,
  json: 'section',
  malformed: 'An entry that is not a map, or whose name or colour is bad, is skipped with a warning.',
  migrations: [],
};
