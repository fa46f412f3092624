import { Inflate } from 'fflate';

/**
 * The part of ZIP an .xlsx needs, read defensively: the central directory is parsed here
 * (entry names, methods, declared sizes) so that nothing is inflated before we know what the
 * archive claims to hold, and entries are inflated through fflate's streaming Inflate with a
 * byte budget, so an archive that lies about its sizes is stopped as soon as it passes the
 * budget instead of after it has filled the memory.
 */
export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  /** As the archive declares it: not trusted, only used to refuse early. */
  readonly declaredSize: number;
  readonly localOffset: number;
  readonly encrypted: boolean;
}

export type ZipProblem =
  | { kind: 'notZip'; detail: string }
  | { kind: 'encrypted' }
  | { kind: 'tooLarge'; part: string };

export type ZipIndex = { ok: true; entries: Map<string, ZipEntry> } | { ok: false; problem: ZipProblem };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** The end record is 22 bytes plus a comment of at most 65,535. */
const EOCD_SEARCH = 22 + 0xffff;
/** More entries than any workbook has: an archive of millions of empty names is not a workbook. */
const MAX_ENTRIES = 10_000;

function u16(b: Uint8Array, i: number): number {
  return b[i]! | (b[i + 1]! << 8);
}
function u32(b: Uint8Array, i: number): number {
  return (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;
}

const utf8 = new TextDecoder('utf-8');
const cp437ish = new TextDecoder('windows-1252');

export function readZipIndex(bytes: Uint8Array): ZipIndex {
  const notZip = (detail: string): ZipIndex => ({ ok: false, problem: { kind: 'notZip', detail } });
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - EOCD_SEARCH); i--) {
    if (u32(bytes, i) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) return notZip('the archive is truncated (no end record)');
  const count = u16(bytes, end + 10);
  const dirSize = u32(bytes, end + 12);
  const dirOffset = u32(bytes, end + 16);
  if (count === 0xffff || dirOffset === 0xffffffff) return notZip('ZIP64 archives are not read');
  if (count > MAX_ENTRIES) return notZip(`more than ${MAX_ENTRIES} parts`);
  if (dirOffset + dirSize > end) return notZip('the directory lies outside the archive');
  const entries = new Map<string, ZipEntry>();
  let p = dirOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > end || u32(bytes, p) !== CENTRAL) return notZip('a damaged directory');
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    const compressedSize = u32(bytes, p + 20);
    const declaredSize = u32(bytes, p + 24);
    const nameLength = u16(bytes, p + 28);
    const extraLength = u16(bytes, p + 30);
    const commentLength = u16(bytes, p + 32);
    const localOffset = u32(bytes, p + 42);
    const rawName = bytes.subarray(p + 46, p + 46 + nameLength);
    // Bit 11: the name is UTF-8; otherwise code page 437, which matches ASCII for part names.
    const name = (flags & 0x800 ? utf8 : cp437ish).decode(rawName);
    if (compressedSize === 0xffffffff || declaredSize === 0xffffffff) return notZip('ZIP64 archives are not read');
    entries.set(name, { name, method, compressedSize, declaredSize, localOffset, encrypted: (flags & 1) !== 0 });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return { ok: true, entries };
}

/** Output counted across every entry of one workbook, so many small bombs add up. */
export class InflateBudget {
  used = 0;
  constructor(readonly limit: number) {}
}

class OverBudget extends Error {}

/** Compressed bytes handed to the inflater at a time: deflate expands at most ~1032:1, so one step overshoots the budget by 16 MB at worst. */
const STEP_BYTES = 16 * 1024;

export type Inflated = { ok: true; data: Uint8Array } | { ok: false; problem: ZipProblem };

export function inflateEntry(bytes: Uint8Array, entry: ZipEntry, budget: InflateBudget): Inflated {
  if (entry.encrypted) return { ok: false, problem: { kind: 'encrypted' } };
  const at = entry.localOffset;
  if (at + 30 > bytes.length || u32(bytes, at) !== LOCAL) {
    return { ok: false, problem: { kind: 'notZip', detail: `the part ${entry.name} is damaged` } };
  }
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  const stop = start + entry.compressedSize;
  if (stop > bytes.length) return { ok: false, problem: { kind: 'notZip', detail: `the part ${entry.name} is truncated` } };
  const raw = bytes.subarray(start, stop);
  if (entry.method === 0) {
    budget.used += raw.length;
    if (budget.used > budget.limit) return { ok: false, problem: { kind: 'tooLarge', part: entry.name } };
    return { ok: true, data: raw };
  }
  if (entry.method !== 8) {
    return { ok: false, problem: { kind: 'notZip', detail: `the part ${entry.name} uses an unknown compression (${entry.method})` } };
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const inflater = new Inflate((chunk) => {
    size += chunk.length;
    budget.used += chunk.length;
    if (budget.used > budget.limit) throw new OverBudget();
    chunks.push(chunk);
  });
  try {
    for (let i = 0; i < raw.length; i += STEP_BYTES) {
      inflater.push(raw.subarray(i, Math.min(raw.length, i + STEP_BYTES)), i + STEP_BYTES >= raw.length);
    }
    if (raw.length === 0) inflater.push(raw, true);
  } catch (err) {
    if (err instanceof OverBudget) return { ok: false, problem: { kind: 'tooLarge', part: entry.name } };
    return { ok: false, problem: { kind: 'notZip', detail: `the part ${entry.name} is damaged` } };
  }
  const out = new Uint8Array(size);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return { ok: true, data: out };
}
