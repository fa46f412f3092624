import { formatIoMessage, IO_MESSAGES_EN, type IoCode, type IoParams } from './messages';

/**
 * A problem found in an imported file: `code` and `params` let the app translate it (see
 * messages.ts), `message` is the English text, `where` points at the line or field.
 */
export interface IoIssue {
  readonly code: IoCode;
  readonly params: IoParams;
  readonly message: string;
  readonly where?: string;
  /** The file it is in, when several files are imported together. */
  readonly file?: string;
}

export function ioIssue(code: IoCode, params: IoParams = {}, where?: string): IoIssue {
  const message = formatIoMessage(IO_MESSAGES_EN[code], params);
  return where === undefined ? { code, params, message } : { code, params, message, where };
}

/** Enough to fix a file; a thousand copies of the same mistake would only bury the first. */
export const MAX_REPORTED_ISSUES = 50;

/** Collects errors up to the cap, then counts the rest into one last "and N more". */
export class IssueList {
  private readonly list: IoIssue[] = [];
  private extra = 0;

  add(code: IoCode, params: IoParams = {}, where?: string): void {
    if (this.list.length < MAX_REPORTED_ISSUES) this.list.push(ioIssue(code, params, where));
    else this.extra++;
  }

  push(issue: IoIssue): void {
    if (this.list.length < MAX_REPORTED_ISSUES) this.list.push(issue);
    else this.extra++;
  }

  get empty(): boolean {
    return this.list.length === 0;
  }

  toArray(): IoIssue[] {
    return this.extra > 0 ? [...this.list, ioIssue('import.moreErrors', { count: this.extra })] : [...this.list];
  }
}
