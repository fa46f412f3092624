/** A1-style references: column letters to a 0-based index and back. */
export const MAX_COLUMNS = 16_384;

export function columnLetters(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** "C12" → { column: 2, row: 12 }; null for anything that is not a cell reference. */
export function parseRef(ref: string): { column: number; row: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(ref.trim().toUpperCase());
  if (!m) return null;
  let column = 0;
  for (const ch of m[1]!) column = column * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  if (column > MAX_COLUMNS || row < 1) return null;
  return { column: column - 1, row };
}

export function cellRef(column: number, row: number): string {
  return `${columnLetters(column)}${row}`;
}
