import { zipSync, type Zippable } from 'fflate';
import { deflateRawSync } from 'node:zlib';

/**
 * Workbooks made by hand for the tests, part by part, as Excel, Kumu and PRSM write them:
 * shared and inline strings, rich text with phonetic runs, formulas with and without a
 * cached result, merged cells, empty rows. Independent of Trame's own writer, so the reader
 * is not only tested against what Trame writes.
 */
export type CellSpec =
  | string
  | number
  | boolean
  | null
  | { formula: string; cached?: string | number; type?: 'str' | 'n' }
  | { inline: string }
  | { rich: string[]; phonetic?: string };

export interface SheetBuild {
  readonly name: string;
  /** Rows from row 1; a row given as null is left out of the XML (an empty row). */
  readonly rows: readonly (readonly CellSpec[] | null)[];
  readonly merges?: readonly string[];
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function col(i: number): string {
  let n = i + 1;
  let out = '';
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function buildXlsx(sheets: readonly SheetBuild[], extra: Zippable = {}): Uint8Array {
  const strings: string[] = [];
  const stringXml: string[] = [];
  const shared = (s: string, xml = `<t xml:space="preserve">${esc(s)}</t>`) => {
    strings.push(s);
    stringXml.push(`<si>${xml}</si>`);
    return strings.length - 1;
  };
  const enc = new TextEncoder();
  const files: Zippable = {};
  files['[Content_Types].xml'] = enc.encode('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>');
  files['_rels/.rels'] = enc.encode('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>');
  const sheetParts = sheets.map((s) => {
    const rows = s.rows.map((cells, r) => {
      if (cells === null) return '';
      const xml = cells.map((c, i) => {
        const ref = `${col(i)}${r + 1}`;
        if (c === null) return '';
        if (typeof c === 'number') return `<c r="${ref}"><v>${c}</v></c>`;
        if (typeof c === 'boolean') return `<c r="${ref}" t="b"><v>${c ? 1 : 0}</v></c>`;
        if (typeof c === 'string') return `<c r="${ref}" t="s"><v>${shared(c)}</v></c>`;
        if ('inline' in c) return `<c r="${ref}" t="inlineStr"><is><t>${esc(c.inline)}</t></is></c>`;
        if ('rich' in c) {
          const runs = c.rich.map((t) => `<r><rPr><b/></rPr><t>${esc(t)}</t></r>`).join('');
          const ph = c.phonetic ? `<rPh sb="0" eb="1"><t>${esc(c.phonetic)}</t></rPh>` : '';
          return `<c r="${ref}" t="s"><v>${shared(c.rich.join(''), runs + ph)}</v></c>`;
        }
        const t = c.type === 'str' ? ' t="str"' : '';
        const v = c.cached === undefined ? '' : `<v>${esc(String(c.cached))}</v>`;
        return `<c r="${ref}"${t}><f>${esc(c.formula)}</f>${v}</c>`;
      }).join('');
      return `<row r="${r + 1}">${xml}</row>`;
    }).join('');
    const merges = s.merges?.length ? `<mergeCells count="${s.merges.length}">${s.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '';
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData>${merges}</worksheet>`;
  });
  files['xl/workbook.xml'] = enc.encode('<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
    + sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') + '</sheets></workbook>');
  files['xl/_rels/workbook.xml.rels'] = enc.encode('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    + sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')
    + `<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`);
  sheetParts.forEach((xml, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = enc.encode(xml);
  });
  files['xl/sharedStrings.xml'] = enc.encode(`<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${stringXml.join('')}</sst>`);
  Object.assign(files, extra);
  return zipSync(files);
}

/**
 * A ZIP of parts deflated by Node's zlib (native, so the tests can make a 128 MB bomb in a
 * blink), with the sizes given as the archive will declare them: `declared` lets a part lie.
 * CRCs are left at zero: the reader does not check them.
 */
export function zipDeflated(parts: readonly { name: string; data: Uint8Array; declared?: number }[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  const enc = new TextEncoder();
  for (const p of parts) {
    const raw = deflateRawSync(p.data, { level: 9 });
    const name = enc.encode(p.name);
    const declared = p.declared ?? p.data.length;
    const local = Buffer.alloc(30 + name.length);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(raw.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    local.set(name, 30);
    const central = Buffer.alloc(46 + name.length);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(raw.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    central.set(name, 46);
    locals.push(local, raw);
    centrals.push(central);
    offset += local.length + raw.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, dir, end]));
}
