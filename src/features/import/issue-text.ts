import type { TFunction } from 'i18next';
import type { Issue } from './store';

/**
 * An io problem in the user's language. The message tables (model/io/messages.ts) are
 * registered as the `io` namespace when the importer loads; their keys hold dots, hence no
 * key separator. The English message stands in for a code the tables lack (a newer relay).
 */
export function issueText(issue: Issue, t: TFunction): string {
  const text = t(issue.code, { ns: 'io', keySeparator: false, defaultValue: issue.message, ...issue.params });
  return issue.file ? `${issue.file} — ${text}` : text;
}
