import { isOle, isZip } from './magic';
import { readZipIndex, type ZipIndex } from './zip';

/**
 * What a binary file dropped as a spreadsheet really is. Old Excel files (.xls) and
 * password-protected workbooks are both OLE compound files; a protected workbook holds an
 * `EncryptedPackage` stream, which names it. OpenDocument spreadsheets are ZIPs that say so
 * in their `mimetype` part.
 */
export type Container =
  | { kind: 'xlsx'; index: Extract<ZipIndex, { ok: true }> }
  | { kind: 'xls' }
  | { kind: 'encrypted' }
  | { kind: 'ods' }
  | { kind: 'zip'; index: ZipIndex }
  | { kind: 'unknown' };

/** `EncryptedPackage` as the UTF-16LE directory name the compound file stores it under. */
const ENCRYPTED_NAME = new Uint8Array([...'EncryptedPackage'].flatMap((c) => [c.charCodeAt(0), 0]));

function contains(bytes: Uint8Array, needle: Uint8Array): boolean {
  const first = needle[0]!;
  for (let i = bytes.indexOf(first); i >= 0 && i <= bytes.length - needle.length; i = bytes.indexOf(first, i + 1)) {
    let j = 1;
    while (j < needle.length && bytes[i + j] === needle[j]) j++;
    if (j === needle.length) return true;
  }
  return false;
}

export function sniffContainer(bytes: Uint8Array): Container {
  if (isOle(bytes)) return contains(bytes, ENCRYPTED_NAME) ? { kind: 'encrypted' } : { kind: 'xls' };
  if (!isZip(bytes)) return { kind: 'unknown' };
  const index = readZipIndex(bytes);
  if (!index.ok) return { kind: 'zip', index };
  if (index.entries.has('xl/workbook.xml')) return { kind: 'xlsx', index };
  // The mimetype part is stored uncompressed and first, by the OpenDocument rules.
  if (index.entries.has('mimetype') && index.entries.has('content.xml')) return { kind: 'ods' };
  return { kind: 'zip', index };
}
