import { ROOT } from './names';
import type { RootSpec } from './types';

export const CITATIONS_SPEC: RootSpec = {
  name: ROOT.citations,
  scope: 'document',
  shape: 'set',
  entry: 'citation',
  key: { describe: '`kind:elementId:storyId` (`kind` is `factor` or `link`; the story id follows the last `:`)' },
  about: 'A story cited on a factor or a link; the key says everything and the value is `true`.',
  fields: {},
  undoable: true,
  json: 'section',
  malformed: 'A key that does not parse or a value other than `true` is skipped with a warning; a citation whose story or element is not shown is not shown.',
  migrations: [],
};
