import { f } from './fields';
import { MAX_NOTES_CHARS, MAX_STRENGTH, MIN_STRENGTH, POLARITIES } from './limits';
import { ROOT } from './names';
import type { RootSpec } from './types';

/** Factor ids as other tools write them are not bounded by us; a link's ends are ids of `factors`. */
const MAX_FACTOR_ID_CHARS = 200;

export const LINKS_SPEC: RootSpec = {
  name: ROOT.links,
  scope: 'document',
  shape: 'records',
  entry: 'link',
  key: { describe: 'link id' },
  about: 'The causal links between factors.',
  fields: {
    source: f.text(MAX_FACTOR_ID_CHARS, 'refused', 'a factor id', { required: true }),
    target: f.text(MAX_FACTOR_ID_CHARS, 'refused', 'a factor id, never the source', { required: true }),
    polarity: f.oneOf(POLARITIES, '`+` same direction, `-` opposite, `?` not decided', { required: true }),
    strength: f.integer(MIN_STRENGTH, MAX_STRENGTH, ''),
    delay: f.boolean('present only when `true`', { onlyTrue: true }),
    notes: f.text(MAX_NOTES_CHARS, 'allowed'),
    sources: f.map('mini-map key → `{ map, polarity, added? }`',
      'provenance (issue 18), as on factors, with the polarity each group drew. In the JSON file: `sources: [{ map, polarity, added? }]`'),
  },
  rules: [{ rule: 'source ≠ target', holds: (l) => l.source !== l.target }],
  undoable: true,
  json: 'core',
  malformed: 'An entry that is not a map, or whose ends or polarity are bad, is skipped with a warning; a bad optional field is dropped. A link whose source or target is not a shown factor is hidden; of two links with the same ends every reader shows the one with the smallest id.',
  migrations: [],
};
