import { zipSync, type Zippable } from 'fflate';
import { xmlEscape } from '../graphml-write';
import { cellRef } from './cells';

/**
 * A plain .xlsx writer: text, numbers and booleans in sheets with a bold, frozen header row.
 * It writes the parts Excel itself writes for such a file (content types, relationships,
 * workbook, styles, shared strings, worksheets), so Excel, LibreOffice and Google Sheets open
 * it without asking to repair it. Texts are shared strings, never formulas: a label that
 * starts with "=" stays a label.
 */
export type CellValue = string | number | boolean | null | undefined;

export interface SheetSpec {
  /** At most 31 characters, none of []:*?/\ (Excel's rules for sheet names). */
  readonly name: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly CellValue[])[];
  /** Column widths in characters; long texts wrap in their column. */
  readonly widths?: readonly number[];
  /** Columns whose texts wrap (notes). */
  readonly wrap?: readonly number[];
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Excel refuses a cell of more than 32,767 characters. */
const MAX_CELL_CHARS = 32_767;

/** Style indexes in styles.xml: 0 plain, 1 bold header, 2 wrapped text. */
const STYLE_HEADER = 1;
const STYLE_WRAP = 2;

const STYLES = `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">`
  + '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
  + '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
  + '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
  + '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
  + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
  + '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
  + '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
  + '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>'
  + '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
  + '<dxfs count="0"/><tableStyles count="0"/></styleSheet>';

class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly list: string[] = [];
  count = 0;

  of(text: string): number {
    this.count++;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(text);
      this.index.set(text, i);
    }
    return i;
  }

  xml(): string {
    const items = this.list.map((t) => {
      const space = /^\s|\s$|\n/.test(t) ? ' xml:space="preserve"' : '';
      return `<si><t${space}>${xmlEscape(t)}</t></si>`;
    });
    return `${XML_HEAD}<sst xmlns="${MAIN_NS}" count="${this.count}" uniqueCount="${this.list.length}">${items.join('')}</sst>`;
  }
}

function cellXml(value: CellValue, col: number, row: number, style: number, strings: SharedStrings): string {
  if (value === null || value === undefined || value === '') return '';
  const r = cellRef(col, row);
  const s = style ? ` s="${style}"` : '';
  if (typeof value === 'number') return Number.isFinite(value) ? `<c r="${r}"${s}><v>${value}</v></c>` : '';
  if (typeof value === 'boolean') return `<c r="${r}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
  return `<c r="${r}"${s} t="s"><v>${strings.of(value.slice(0, MAX_CELL_CHARS))}</v></c>`;
}

function sheetXml(spec: SheetSpec, strings: SharedStrings): string {
  const wrap = new Set(spec.wrap ?? []);
  const rows: string[] = [];
  rows.push(`<row r="1">${spec.header.map((h, c) => cellXml(h, c, 1, STYLE_HEADER, strings)).join('')}</row>`);
  spec.rows.forEach((cells, i) => {
    const r = i + 2;
    rows.push(`<row r="${r}">${cells.map((v, c) => cellXml(v, c, r, wrap.has(c) ? STYLE_WRAP : 0, strings)).join('')}</row>`);
  });
  const widths = spec.widths ?? [];
  const cols = widths.length === 0 ? '' : `<cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`;
  const last = cellRef(Math.max(0, spec.header.length - 1), spec.rows.length + 1);
  return `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><dimension ref="A1:${last}"/>`
    + '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
    + '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
    + `<sheetFormatPr defaultRowHeight="15"/>${cols}<sheetData>${rows.join('')}</sheetData>`
    + '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';
}

const BAD_SHEET_NAME = /[[\]:*?/\\]/g;

export function writeWorkbook(sheets: readonly SheetSpec[], meta: { title?: string; creator?: string } = {}): Uint8Array {
  const strings = new SharedStrings();
  const names = sheets.map((s) => s.name.replace(BAD_SHEET_NAME, ' ').slice(0, 31));
  const enc = new TextEncoder();
  // The sheets fill the shared strings, so they are written first; the archive lists
  // [Content_Types].xml first all the same, as Excel does and some readers expect.
  const sheetParts = sheets.map((s) => enc.encode(sheetXml(s, strings)));
  const files: Zippable = {};
  const sheetOverrides = sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('');
  files['[Content_Types].xml'] = enc.encode(`${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`
    + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    + '<Default Extension="xml" ContentType="application/xml"/>'
    + '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    + sheetOverrides
    + '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    + '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    + '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    + '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
    + '</Types>');
  files['_rels/.rels'] = enc.encode(`${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">`
    + '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    + '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
    + '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>'
    + '</Relationships>');
  files['docProps/core.xml'] = enc.encode(`${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"`
    + ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    + `${meta.title ? `<dc:title>${xmlEscape(meta.title)}</dc:title>` : ''}<dc:creator>${xmlEscape(meta.creator ?? 'Trame')}</dc:creator>`
    + '</cp:coreProperties>');
  files['docProps/app.xml'] = enc.encode(`${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Trame</Application></Properties>`);
  files['xl/workbook.xml'] = enc.encode(`${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView/></bookViews><sheets>`
    + names.map((n, i) => `<sheet name="${xmlEscape(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')
    + '</sheets></workbook>');
  const n = sheets.length;
  files['xl/_rels/workbook.xml.rels'] = enc.encode(`${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">`
    + sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')
    + `<Relationship Id="rId${n + 1}" Type="${REL_NS}/styles" Target="styles.xml"/>`
    + `<Relationship Id="rId${n + 2}" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>`
    + '</Relationships>');
  files['xl/styles.xml'] = enc.encode(STYLES);
  sheetParts.forEach((part, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = part;
  });
  files['xl/sharedStrings.xml'] = enc.encode(strings.xml());
  return zipSync(files, { level: 6, mtime: new Date('2000-01-01T00:00:00Z') });
}
