/**
 * The first bytes of the binary spreadsheet containers, apart from the readers so that telling
 * a workbook from a text file costs nothing: the reader (and fflate) load only for a workbook.
 */
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && ZIP_MAGIC.every((b, i) => bytes[i] === b);
}

/** An OLE compound file: an old .xls, or a password-protected workbook. */
export function isOle(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && OLE_MAGIC.every((b, i) => bytes[i] === b);
}

/** A file that starts like a spreadsheet container of some kind (the text formats never do). */
export function looksBinarySpreadsheet(bytes: Uint8Array): boolean {
  return isZip(bytes) || isOle(bytes);
}
