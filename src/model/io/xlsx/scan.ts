/**
 * A streaming XML scanner for the two big parts of a workbook (worksheets and shared strings),
 * which can hold hundreds of thousands of elements: it calls back per tag and per text without
 * building a tree, several times faster than the tree reader in ../xml.ts that the small parts
 * use. It is as strict about entities: only the five predefined ones and character references
 * are decoded (anything else stays as written, so nothing expands), and a DOCTYPE, which no
 * workbook has, is refused.
 */
export interface ScanHandler {
  open(name: string, attrs: ReadonlyMap<string, string>, selfClosing: boolean): void;
  close(name: string): void;
  text(text: string): void;
}

export class ScanError extends Error {}

const ENTITY = /&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|lt|gt|amp|quot|apos);/g;
const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(raw: string): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(ENTITY, (all, name: string) => {
    if (name[0] !== '#') return PREDEFINED[name] ?? all;
    const n = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return n >= 1 && n <= 0x10ffff ? String.fromCodePoint(n) : all;
  });
}

const ATTR = /([^\s=/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const NO_ATTRS: ReadonlyMap<string, string> = new Map();

function attributes(raw: string): ReadonlyMap<string, string> {
  if (raw.trim() === '') return NO_ATTRS;
  const out = new Map<string, string>();
  for (const m of raw.matchAll(ATTR)) out.set(m[1]!, decodeEntities(m[2] ?? m[3] ?? ''));
  return out;
}

/** The end of a tag starting at `from`: the first '>' outside quoted attribute values. */
function tagEnd(s: string, from: number): number {
  let quote = 0;
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 62) return i;
  }
  return -1;
}

export function scanXml(s: string, h: ScanHandler): void {
  let i = 0;
  const n = s.length;
  while (i < n) {
    const lt = s.indexOf('<', i);
    if (lt < 0) {
      h.text(decodeEntities(s.slice(i)));
      return;
    }
    if (lt > i) h.text(decodeEntities(s.slice(i, lt)));
    if (s.startsWith('<!--', lt)) {
      const end = s.indexOf('-->', lt + 4);
      if (end < 0) throw new ScanError('a comment is not closed');
      i = end + 3;
    } else if (s.startsWith('<![CDATA[', lt)) {
      const end = s.indexOf(']]>', lt + 9);
      if (end < 0) throw new ScanError('a CDATA section is not closed');
      h.text(s.slice(lt + 9, end));
      i = end + 3;
    } else if (s.startsWith('<?', lt)) {
      const end = s.indexOf('?>', lt + 2);
      if (end < 0) throw new ScanError('a processing instruction is not closed');
      i = end + 2;
    } else if (s.startsWith('<!', lt)) {
      throw new ScanError('a DOCTYPE or declaration, which a workbook never has');
    } else {
      const end = tagEnd(s, lt + 1);
      if (end < 0) throw new ScanError('a tag is not closed');
      const closing = s.charCodeAt(lt + 1) === 47;
      const self = !closing && s.charCodeAt(end - 1) === 47;
      const body = s.slice(closing ? lt + 2 : lt + 1, self ? end - 1 : end);
      const space = body.search(/\s/);
      const name = space < 0 ? body : body.slice(0, space);
      if (name === '') throw new ScanError('a tag has no name');
      if (closing) h.close(name);
      else h.open(name, space < 0 ? NO_ATTRS : attributes(body.slice(space)), self);
      i = end + 1;
    }
  }
}

/** The local part of a prefixed name (`x:c` → `c`). */
export function local(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}
