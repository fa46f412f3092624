import { isFactorOrLoop } from './checks';
import { f } from './fields';
import { ACTION_STATUSES, MAX_ACTION_CHARS, MAX_LABEL_CHARS, MAX_NOTES_CHARS } from './limits';
import { ROOT } from './names';
import type { Fields, RootSpec } from './types';

export const ACTION_FIELDS: Fields = {
  text: f.text(MAX_ACTION_CHARS, 'placeholder', 'what the group commits to', { required: true }),
  owner: f.text(MAX_LABEL_CHARS, 'allowed', '', { ifBad: 'default', default: '', long: 'truncated' }),
  status: f.oneOf(ACTION_STATUSES, '', { required: true }),
  due: f.date(true, '`yyyy-mm-dd` or empty', { default: '' }),
  createdAt: f.finite('actions are listed oldest first', { ifBad: 'default', default: 0 }),
};

export const GROUPS_SPEC: RootSpec = {
  name: ROOT.groups,
  scope: 'document',
  shape: 'records',
  entry: 'group',
  key: { describe: 'group id' },
  about: 'Action groups (GRA): people who take on a loop or a factor and the actions they commit to.',
  fields: {
    name: f.text(MAX_LABEL_CHARS, 'placeholder', 'refused blank by writers', { required: true }),
    members: f.text(MAX_NOTES_CHARS, 'allowed', 'free text', { required: true, ifBad: 'default', default: '', long: 'truncated' }),
    origin: f.object("`{ kind: 'loop' | 'factor', id }`", isFactorOrLoop, 'kept when the factor is removed: the group\'s work goes on'),
    createdAt: f.finite('groups and actions are listed oldest first', { required: true, ifBad: 'default', default: 0 }),
    actions: f.records('action', ACTION_FIELDS, 'created with the group', { required: true }),
  },
  undoable: true,
  json: 'section',
  malformed: 'An entry that is not a map, or whose name is bad, is skipped with a warning; an action that is not a map or whose text or status is bad is skipped; a bad origin or due date is dropped.',
  migrations: [],
};
