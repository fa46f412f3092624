import { f } from './fields';
import { MAX_LABEL_CHARS } from './limits';
import { ROOT } from './names';
import type { RootSpec } from './types';

/** A source key, a normalised label and a factor id, joined by U+001F. */
const MAX_MATCH_KEY_CHARS = 1_200;
export const MATCH_ANSWERS = ['same', 'different'] as const;

export const MATCHES_SPEC: RootSpec = {
  name: ROOT.matches,
  scope: 'document',
  shape: 'records',
  entry: 'match answer',
  key: {
    describe: '`<source key>␟<normalised label>␟<factor id>` (joined by U+001F): one answer per pair, so two people answering the same pair write the same entry',
    check: (key) => key.length <= MAX_MATCH_KEY_CHARS && key.split('\u001f').length === 3,
  },
  about: 'What a person answered to a near match (issue 18): a label of a mini-map, or of a map compared with this one, is (or is not) one of this map\'s factors. Merging the same mini-map again, or comparing with the same map, does not ask again.',
  fields: {
    source: f.text(MAX_LABEL_CHARS, 'refused', 'the mini-map\'s key, as in a factor\'s `sources` (its title without case, accents or extra spaces)', { required: true }),
    map: f.text(MAX_LABEL_CHARS, 'refused', 'the mini-map\'s (or the compared map\'s) title, as given', { required: true }),
    label: f.text(MAX_LABEL_CHARS, 'refused', 'the label there, as the group wrote it; matched again after normalisation', { required: true }),
    factor: f.text(MAX_LABEL_CHARS, 'refused', 'this map\'s factor id; an answer about a factor the map no longer shows is ignored', { required: true }),
    answer: f.oneOf(MATCH_ANSWERS, '`same`: a person confirmed the near match; `different`: a person refused it', { required: true }),
  },
  undoable: true,
  json: 'none',
  malformed: 'An entry that is not a map, whose key does not have its three parts, or whose fields are missing or bad, is skipped with a warning.',
  migrations: [],
};
