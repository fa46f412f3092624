import { ioIssue, type IoIssue } from '../issues';
import { childrenNamed, localName, parseXml, type XmlElement } from '../xml';
import { local, ScanError, scanXml, type ScanHandler } from './scan';
import { cellRef, parseRef } from './cells';
import { sniffContainer } from './container';
import { inflateEntry, InflateBudget, type ZipEntry, type ZipProblem } from './zip';

/**
 * An .xlsx workbook as plain grids of text, one per sheet: what the layouts need and nothing
 * more. Cells hold what Excel shows as stored: a formula gives its cached result, never a
 * computed one (nothing here evaluates anything); a formula saved without a result reads as
 * empty, with a warning. A merged range gives its value to every row it spans, in its first
 * column, so a theme merged over five rows applies to the five and a header merged over two
 * rows names its column.
 */
export interface GridRow {
  /** 1-based, as Excel numbers rows. */
  readonly row: number;
  /** By 0-based column; a missing or blank cell is ''. */
  readonly cells: readonly string[];
}

export interface SheetGrid {
  readonly name: string;
  readonly rows: readonly GridRow[];
}

export type WorkbookResult =
  | { ok: true; sheets: SheetGrid[]; warnings: IoIssue[] }
  | { ok: false; errors: IoIssue[] };

/**
 * The most a workbook may unpack to, counting every part read (sheets, shared strings,
 * workbook). 20,000 links with long notes take a few MB of sheet XML; 64 MB leaves room for
 * generous files while refusing a "zip bomb" (a few KB that unpack to gigabytes) long before
 * it fills the tab's or the relay's memory. Checked against the sizes the archive declares
 * before anything is inflated, then against the bytes actually inflated.
 */
export const MAX_XLSX_UNPACKED_BYTES = 64 * 1024 * 1024;

const MB = 1024 * 1024;

const REL_NS_SUFFIX = {
  sharedStrings: '/sharedStrings',
  worksheet: '/worksheet',
} as const;

function problemIssue(name: string, p: ZipProblem, limit: number): IoIssue {
  switch (p.kind) {
    case 'encrypted': return ioIssue('xlsx.encrypted', { name });
    case 'tooLarge': return ioIssue('xlsx.tooLarge', { name, limit: Math.round(limit / MB), part: p.part });
    case 'notZip': return ioIssue('xlsx.damaged', { name, detail: p.detail });
  }
}

class WorkbookError extends Error {
  constructor(readonly issue: IoIssue) {
    super(issue.message);
  }
}

/** Resolves a relationship target against the folder of the part that names it. */
function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

interface SheetRef {
  readonly name: string;
  readonly path: string;
}


/** Shared strings: each <si>'s <t> texts, plain or in rich-text runs, without phonetic runs (<rPh>). */
class StringsReader implements ScanHandler {
  readonly strings: string[] = [];
  private current = '';
  private inText = false;
  private phonetic = 0;

  open(name: string, _attrs: ReadonlyMap<string, string>, self: boolean): void {
    const n = local(name);
    if (n === 'si') this.current = '';
    else if (n === 'rPh' && !self) this.phonetic++;
    else if (n === 't' && !self && this.phonetic === 0) this.inText = true;
  }

  close(name: string): void {
    const n = local(name);
    if (n === 't') this.inText = false;
    else if (n === 'rPh') this.phonetic = Math.max(0, this.phonetic - 1);
    else if (n === 'si') this.strings.push(this.current);
  }

  text(text: string): void {
    if (this.inText) this.current += text;
  }
}

/** One worksheet's cells by row, and its merged ranges. */
class SheetReader implements ScanHandler {
  private readonly byRow = new Map<number, string[]>();
  private readonly merges: string[] = [];
  /** The first cell holding a formula saved without its result. */
  noValue: string | null = null;
  private rowNo = 0;
  private cells: string[] = [];
  private col = -1;
  private type = 'n';
  private value = '';
  private inline = '';
  private formula = false;
  private inValue = false;
  private inInline = false;
  private inText = false;
  private phonetic = 0;

  constructor(private readonly strings: readonly string[]) {}

  open(name: string, attrs: ReadonlyMap<string, string>, self: boolean): void {
    switch (local(name)) {
      case 'row': {
        const declared = Number(attrs.get('r'));
        this.rowNo = Number.isInteger(declared) && declared > this.rowNo ? declared : this.rowNo + 1;
        this.cells = [];
        this.col = -1;
        if (self) this.close(name);
        return;
      }
      case 'c': {
        const ref = parseRef(attrs.get('r') ?? '');
        this.col = ref && ref.column > this.col ? ref.column : this.col + 1;
        this.type = attrs.get('t') ?? 'n';
        this.value = '';
        this.inline = '';
        this.formula = false;
        if (self) this.close(name);
        return;
      }
      case 'v':
        this.inValue = !self;
        return;
      case 'f':
        this.formula = true;
        return;
      case 'is':
        this.inInline = !self;
        return;
      case 'rPh':
        if (!self) this.phonetic++;
        return;
      case 't':
        this.inText = !self && this.inInline && this.phonetic === 0;
        return;
      case 'mergeCell': {
        const ref = attrs.get('ref');
        if (ref) this.merges.push(ref);
        return;
      }
    }
  }

  close(name: string): void {
    switch (local(name)) {
      case 'v': this.inValue = false; return;
      case 't': this.inText = false; return;
      case 'is': this.inInline = false; return;
      case 'rPh': this.phonetic = Math.max(0, this.phonetic - 1); return;
      case 'c': this.endCell(); return;
      case 'row':
        if (this.cells.length > 0) this.byRow.set(this.rowNo, this.cells);
        return;
    }
  }

  text(text: string): void {
    if (this.inValue) this.value += text;
    else if (this.inText) this.inline += text;
  }

  private endCell(): void {
    const v = this.value;
    let value: string;
    if (this.type === 'inlineStr') value = this.inline;
    else if (v === '') value = '';
    else if (this.type === 's') value = this.strings[Number(v)] ?? '';
    else if (this.type === 'b') value = v.trim() === '1' ? 'TRUE' : 'FALSE';
    else value = v;
    if (this.formula && value === '') this.noValue ??= cellRef(this.col, this.rowNo);
    if (value !== '') this.cells[this.col] = value;
  }

  /** Rows in order; each row a merged range spans gets its top-left value, in its first column. */
  rows(): GridRow[] {
    for (const m of this.merges) {
      const [from, to] = m.split(':').map(parseRef);
      if (!from || !to || to.row <= from.row) continue;
      const value = this.byRow.get(from.row)?.[from.column];
      if (value === undefined || value === '') continue;
      // Bounded by the sheet's own rows: a range over a million empty rows adds nothing.
      for (const [row, cells] of this.byRow) {
        if (row > from.row && row <= to.row && (cells[from.column] ?? '') === '') cells[from.column] = value;
      }
    }
    return [...this.byRow.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([row, cells]) => ({ row, cells: Array.from(cells, (c) => c ?? '') }));
  }
}

class WorkbookReader {
  private readonly budget: InflateBudget;
  private readonly decoder = new TextDecoder('utf-8');
  readonly warnings: IoIssue[] = [];

  constructor(
    private readonly fileName: string,
    private readonly bytes: Uint8Array,
    private readonly entries: Map<string, ZipEntry>,
    private readonly limit: number,
  ) {
    this.budget = new InflateBudget(limit);
  }

  private entry(path: string): ZipEntry | undefined {
    return this.entries.get(path);
  }

  private text(entry: ZipEntry): string {
    const r = inflateEntry(this.bytes, entry, this.budget);
    if (!r.ok) throw new WorkbookError(problemIssue(this.fileName, r.problem, this.limit));
    return this.decoder.decode(r.data);
  }

  private xml(entry: ZipEntry, sheet: string): XmlElement {
    const parsed = parseXml(this.text(entry));
    if (!parsed.ok) throw new WorkbookError(ioIssue('xlsx.xml', { sheet, detail: parsed.errors[0]!.message }));
    return parsed.root;
  }

  private rels(path: string): Map<string, { type: string; target: string }> {
    const folder = path.split('/').slice(0, -1).join('/');
    const file = path.split('/').pop()!;
    const relsPath = `${folder ? `${folder}/` : ''}_rels/${file}.rels`;
    const e = this.entry(relsPath);
    const out = new Map<string, { type: string; target: string }>();
    if (!e) return out;
    for (const r of childrenNamed(this.xml(e, relsPath), 'Relationship')) {
      const id = r.attrs.get('Id');
      const target = r.attrs.get('Target');
      if (id && target && r.attrs.get('TargetMode') !== 'External') {
        out.set(id, { type: r.attrs.get('Type') ?? '', target: resolveTarget(path, target) });
      }
    }
    return out;
  }

  read(): SheetGrid[] {
    const workbookPath = 'xl/workbook.xml';
    const rels = this.rels(workbookPath);
    const workbook = this.xml(this.entry(workbookPath)!, 'workbook');
    const sheets: SheetRef[] = [];
    for (const s of childrenNamed(childrenNamed(workbook, 'sheets')[0] ?? workbook, 'sheet')) {
      const relId = [...s.attrs].find(([k]) => localName(k) === 'id' && k !== 'sheetId')?.[1];
      const rel = relId === undefined ? undefined : rels.get(relId);
      if (rel && rel.type.endsWith(REL_NS_SUFFIX.worksheet)) sheets.push({ name: s.attrs.get('name') ?? rel.target, path: rel.target });
    }
    const stringsPath = [...rels.values()].find((r) => r.type.endsWith(REL_NS_SUFFIX.sharedStrings))?.target
      ?? 'xl/sharedStrings.xml';
    // Refuse on the declared sizes first, before inflating a single part.
    const parts = [stringsPath, ...sheets.map((s) => s.path)].map((p) => this.entry(p)).filter((e) => e !== undefined);
    let declared = 0;
    for (const e of parts) {
      declared += e.declaredSize;
      if (declared > this.limit) throw new WorkbookError(problemIssue(this.fileName, { kind: 'tooLarge', part: e.name }, this.limit));
    }
    const stringsEntry = this.entry(stringsPath);
    const strings = stringsEntry ? this.scan(stringsEntry, 'sharedStrings', new StringsReader()).strings : [];
    return sheets.flatMap((s) => {
      const e = this.entry(s.path);
      if (!e) return [];
      const sheet = this.scan(e, s.name, new SheetReader(strings));
      if (sheet.noValue !== null) {
        const ref = parseRef(sheet.noValue)!;
        this.warnings.push(ioIssue('xlsx.formulaNoValue', {
          sheet: s.name, row: ref.row, column: sheet.noValue.replace(/\d+$/, ''),
        }, `${s.name}!${sheet.noValue}`));
      }
      return [{ name: s.name, rows: sheet.rows() }];
    });
  }

  private scan<H extends ScanHandler>(entry: ZipEntry, sheet: string, handler: H): H {
    try {
      scanXml(this.text(entry), handler);
    } catch (err) {
      if (err instanceof ScanError) throw new WorkbookError(ioIssue('xlsx.xml', { sheet, detail: err.message }));
      throw err;
    }
    return handler;
  }
}

export function readWorkbook(fileName: string, bytes: Uint8Array, limit = MAX_XLSX_UNPACKED_BYTES): WorkbookResult {
  const container = sniffContainer(bytes);
  switch (container.kind) {
    case 'xls': return { ok: false, errors: [ioIssue('xlsx.xls', { name: fileName })] };
    case 'encrypted': return { ok: false, errors: [ioIssue('xlsx.encrypted', { name: fileName })] };
    case 'ods': return { ok: false, errors: [ioIssue('xlsx.ods', { name: fileName })] };
    case 'unknown': return { ok: false, errors: [ioIssue('xlsx.damaged', { name: fileName, detail: 'not a ZIP archive' })] };
    case 'zip':
      return {
        ok: false,
        errors: [container.index.ok
          ? ioIssue('xlsx.damaged', { name: fileName, detail: 'no xl/workbook.xml' })
          : problemIssue(fileName, container.index.problem, limit)],
      };
    case 'xlsx': break;
  }
  const reader = new WorkbookReader(fileName, bytes, container.index.entries, limit);
  try {
    const sheets = reader.read();
    return { ok: true, sheets, warnings: reader.warnings };
  } catch (err) {
    if (err instanceof WorkbookError) return { ok: false, errors: [err.issue] };
    throw err;
  }
}
