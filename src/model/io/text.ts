import { ioIssue, type IoIssue } from './issues';
import { MAX_IMPORT_BYTES } from './parsed';

export type TextResult = { ok: true; text: string; warnings: IoIssue[] } | { ok: false; errors: IoIssue[] };

const MB = 1024 * 1024;

function megabytes(bytes: number): number {
  const mb = bytes / MB;
  return mb >= 10 ? Math.round(mb) : Math.round(mb * 10) / 10;
}

export function tooLarge(bytes: number): IoIssue | null {
  return bytes > MAX_IMPORT_BYTES
    ? ioIssue('text.tooLarge', { size: megabytes(bytes), limit: megabytes(MAX_IMPORT_BYTES) })
    : null;
}

/**
 * Control characters never found in a text file. Tab, line feed and carriage return are
 * text; C1 controls (U+0080–U+009F) show up when bytes that are not text are read as Windows-1252.
 */
// eslint-disable-next-line no-control-regex
const BINARY_CHARS = /[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F]/;

function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Checks a text already decoded (pasted, or given by the server as a string). */
export function checkText(text: string): TextResult {
  const big = tooLarge(text.length);
  if (big) return { ok: false, errors: [big] };
  const clean = withoutBom(text);
  if (BINARY_CHARS.test(clean)) return { ok: false, errors: [ioIssue('text.binary')] };
  if (clean.trim() === '') return { ok: false, errors: [ioIssue('text.empty')] };
  return { ok: true, text: clean, warnings: [] };
}

/**
 * Bytes to text: UTF-8 with or without BOM, UTF-16 with a BOM (Excel's "Unicode text").
 * A file that is not valid UTF-8 but reads as clean Windows-1252 is what French Excel saves
 * as "CSV (séparateur: point-virgule)": it is read as such, with a warning, rather than refused.
 */
export function decodeText(bytes: Uint8Array): TextResult {
  const big = tooLarge(bytes.length);
  if (big) return { ok: false, errors: [big] };
  const b0 = bytes[0];
  const b1 = bytes[1];
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    const text = new TextDecoder(b0 === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes);
    return checkText(text);
  }
  if (bytes.includes(0)) return { ok: false, errors: [ioIssue('text.binary')] };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const legacy = checkText(new TextDecoder('windows-1252').decode(bytes));
    return legacy.ok ? { ...legacy, warnings: [ioIssue('text.windows1252')] } : legacy;
  }
  return checkText(text);
}
