import { isLoopId } from './checks';
import { f } from './fields';
import { MAX_LABEL_CHARS, MAX_NOTES_CHARS } from './limits';
import { ROOT } from './names';
import type { RootSpec } from './types';

export const LOOPS_SPEC: RootSpec = {
  name: ROOT.loops,
  scope: 'document',
  shape: 'records',
  entry: 'loop',
  key: { describe: 'loop id', check: isLoopId },
  about: 'What a workshop says about a feedback loop; loops themselves are computed, never stored.',
  fields: {
    name: f.text(MAX_LABEL_CHARS, 'refused', 'named loops get R1/B1… markers, numbered per kind in loop-list order'),
    key: f.boolean('present only when `true`: marked a key dynamic', { onlyTrue: true }),
    notes: f.text(MAX_NOTES_CHARS, 'allowed'),
  },
  undoable: true,
  json: 'section',
  malformed: 'An entry whose key is no canonical loop id, or that is not a map, is skipped with a warning; a bad field is dropped; an entry with nothing valid left is not shown.',
  migrations: [],
};
