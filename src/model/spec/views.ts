import { isViewport } from './checks';
import { f } from './fields';
import { MAX_LABEL_CHARS, MAX_LOOP_ID_CHARS } from './limits';
import { ROOT } from './names';
import type { RootSpec } from './types';

export const VIEWS_SPEC: RootSpec = {
  name: ROOT.views,
  scope: 'document',
  shape: 'records',
  entry: 'view',
  key: { describe: 'view id' },
  about: 'The steps of a step-by-step reveal, in order of `position`, ties by id.',
  fields: {
    title: f.text(MAX_LABEL_CHARS, 'allowed', 'may be empty', { required: true }),
    position: f.finite('', { required: true }),
    factors: f.set('factor id',
      'the factors shown; absent shows all; removing a factor removes it here in the same transaction'),
    viewport: f.object('`{ x, y, zoom }` (plain object, finite, zoom > 0)', isViewport,
      'replaced whole; absent: fit the shown factors'),
    loop: f.text(MAX_LOOP_ID_CHARS, 'refused', 'a loop id: the loop to highlight'),
  },
  undoable: true,
  json: 'section',
  malformed: 'An entry that is not a map, or whose title or position is bad, is skipped with a warning; a bad viewport or loop is dropped; factors that are not a map show all.',
  migrations: [],
};
