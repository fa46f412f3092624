import { f } from './fields';
import { MAX_DOTS_PER_PERSON, MAX_LABEL_CHARS, ROUND_STATUSES } from './limits';
import { ROOT } from './names';
import type { RootSpec } from './types';

export const VOTES_SPEC: RootSpec = {
  name: ROOT.votes,
  scope: 'document',
  shape: 'records',
  entry: 'vote',
  key: { describe: 'round id' },
  about: 'Dot-voting rounds: each participant has N dots per round to put on factors or loops.',
  fields: {
    title: f.text(MAX_LABEL_CHARS, 'allowed', '', { required: true }),
    dotsPerPerson: f.integer(1, MAX_DOTS_PER_PERSON, 'N', { required: true }),
    status: f.oneOf(ROUND_STATUSES, '', { required: true }),
    openedBy: f.text(MAX_LABEL_CHARS, 'allowed', 'voter id (or name) of who opened it', { required: true, ifBad: 'default', default: '', long: 'truncated' }),
    createdAt: f.finite('ms since 1970; rounds are listed oldest first', { required: true }),
    dots: f.map('`voterId:slot` → `{ kind: \'factor\' | \'loop\', id }`', 'created with the round', { required: true }),
    result: f.map('`{ counts: [{ kind, id, count }], voters, dots, closedAt, closedBy }`', 'the counts at closing', { required: 'when closed' }),
  },
  undoable: false,
  json: 'section',
  malformed: 'An entry that is not a map, or whose title, dots per person, status or date is bad, is skipped with a warning; a dot whose key is malformed, whose slot is ≥ N or whose target is bad is skipped with a warning; a closed round whose result is malformed is counted from its dots, with a warning.',
  migrations: [],
};
