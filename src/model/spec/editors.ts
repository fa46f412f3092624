import { ROOT } from './names';
import type { RootSpec } from './types';

export const EDITORS_SPEC: RootSpec = {
  name: ROOT.editors,
  scope: 'document',
  shape: 'signature',
  entry: 'signature',
  key: { describe: '`last`' },
  about: 'A signature, not content (src/model/history/sign.ts): a local transaction that only deletes also sets `last` to 0, and the struct\'s Yjs client id tells peers who removed what.',
  fields: {},
  undoable: false,
  json: 'none',
  malformed: 'Never read as content: only the Yjs client id of its structs is used.',
  migrations: [],
};
