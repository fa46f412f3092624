import { f } from './fields';
import { MAX_LABEL_CHARS, MAX_LANGUAGE_CHARS, SCHEMA_VERSION } from './limits';
import { ROOT } from './names';
import type { RootSpec } from './types';

export const META_SPEC: RootSpec = {
  name: ROOT.meta,
  scope: 'document',
  shape: 'fields',
  entry: 'meta',
  key: { describe: 'field name' },
  about: 'What the map is: its title, its language, the version of this layout.',
  fields: {
    schemaVersion: f.integer(1, Number.MAX_SAFE_INTEGER, 'the layout version the map was written with (migrations lead from it to this one)',
      { ifBad: 'default', default: SCHEMA_VERSION }),
    title: f.text(MAX_LABEL_CHARS, 'allowed', '', { ifBad: 'default', default: '' }),
    language: f.text(MAX_LANGUAGE_CHARS, 'allowed', "BCP 47 tag of the map's content", { ifBad: 'default', default: 'fr' }),
  },
  undoable: true,
  json: 'core',
  malformed: 'A missing or bad field reads as its default; other keys are kept and exported as they are (strings, numbers, booleans).',
  migrations: [],
};
