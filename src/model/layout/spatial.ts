/**
 * Uniform grids over boxes and links, so the refinement asks only about what is near a move
 * instead of scanning the whole map: a box is filed under the cell of its centre (a cell is at
 * least as big as any box, so every box that can touch another is in the 3 × 3 cells around
 * it); a link under every cell its bounding box covers, or, when that is too many, in a short
 * list of long links that every query also reads.
 */
const LONG_CELLS = 48;
/** Below these sizes scanning everything is quicker than asking the grid. */
const SMALL_BOXES = 80;
const SMALL_EDGES = 160;
/** Cells of room around the starting map, and the most cells a side may have. */
const MARGIN = 8;
const MAX_SIDE = 1024;

export class SpatialIndex {
  /** Dense grids over the map as it was at the start, plus a margin; beyond, the rim cells. */
  private readonly boxCells: (number[] | undefined)[];
  private readonly boxCell: Int32Array;
  private readonly edgeCells: (number[] | undefined)[];
  /** The cells an edge is filed under, or null for a long edge. */
  private readonly edgeKeys: (number[] | null)[];
  /** Long edges, in a list with each one's place in it (removal swaps the last one in). */
  private readonly long: number[] = [];
  private readonly longAt: Int32Array;
  private readonly gx0: number;
  private readonly gy0: number;
  private readonly gw: number;
  private readonly gh: number;
  private readonly stamp: Int32Array;
  private readonly boxStamp: Int32Array;
  private epoch = 0;
  /** Small maps: every query answers everything, with no grid at all. */
  private readonly small: boolean;
  /**
   * Answers of the last edgesNear and boxesNear, in buffers reused by every query (a fresh
   * array per query was most of what the refinement allocated): read them before the next one.
   */
  readonly edgeHits: Int32Array;
  readonly boxHits: Int32Array;

  constructor(
    readonly cell: number,
    private readonly x: Float64Array,
    private readonly y: Float64Array,
    private readonly edgeA: Int32Array,
    private readonly edgeB: Int32Array,
  ) {
    const n = x.length;
    const m = edgeA.length;
    this.boxCell = new Int32Array(n);
    this.edgeKeys = new Array<number[] | null>(m).fill(null);
    this.stamp = new Int32Array(m);
    this.boxStamp = new Int32Array(n);
    this.longAt = new Int32Array(m).fill(-1);
    const small = n <= SMALL_BOXES && m <= SMALL_EDGES;
    this.small = small;
    this.edgeHits = Int32Array.from({ length: m }, (_, i) => i);
    this.boxHits = Int32Array.from({ length: n }, (_, i) => i);
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    for (let v = 0; v < n; v++) {
      x0 = Math.min(x0, x[v]!);
      x1 = Math.max(x1, x[v]!);
      y0 = Math.min(y0, y[v]!);
      y1 = Math.max(y1, y[v]!);
    }
    if (small || n === 0) {
      this.gx0 = this.gy0 = 0;
      this.gw = this.gh = 1;
      this.boxCells = [];
      this.edgeCells = [];
      return;
    }
    const span = (a: number, b: number) => Math.min(MAX_SIDE, Math.floor(b / cell) - Math.floor(a / cell) + 1 + 2 * MARGIN);
    this.gw = span(x0, x1);
    this.gh = span(y0, y1);
    this.gx0 = Math.floor(x0 / cell) - MARGIN;
    this.gy0 = Math.floor(y0 / cell) - MARGIN;
    this.boxCells = new Array<number[] | undefined>(this.gw * this.gh);
    this.edgeCells = new Array<number[] | undefined>(this.gw * this.gh);
    for (let v = 0; v < n; v++) this.addBox(v);
    for (let e = 0; e < m; e++) this.addEdge(e);
  }

  /** Grid coordinates are clamped, so far-out cells share the rim. */
  private key(cx: number, cy: number): number {
    return (cx - this.gx0) * this.gh + (cy - this.gy0);
  }

  private cellX(p: number): number {
    return Math.max(this.gx0, Math.min(this.gx0 + this.gw - 1, Math.floor(p / this.cell)));
  }

  private cellY(p: number): number {
    return Math.max(this.gy0, Math.min(this.gy0 + this.gh - 1, Math.floor(p / this.cell)));
  }

  private addBox(v: number): void {
    const k = this.key(this.cellX(this.x[v]!), this.cellY(this.y[v]!));
    this.boxCell[v] = k;
    let list = this.boxCells[k];
    if (!list) this.boxCells[k] = list = [];
    list.push(v);
  }

  private removeBox(v: number): void {
    const list = this.boxCells[this.boxCell[v]!]!;
    const at = list.indexOf(v);
    list[at] = list[list.length - 1]!;
    list.pop();
  }

  private addEdge(e: number): void {
    const a = this.edgeA[e]!;
    const b = this.edgeB[e]!;
    const x0 = this.cellX(Math.min(this.x[a]!, this.x[b]!));
    const x1 = this.cellX(Math.max(this.x[a]!, this.x[b]!));
    const y0 = this.cellY(Math.min(this.y[a]!, this.y[b]!));
    const y1 = this.cellY(Math.max(this.y[a]!, this.y[b]!));
    if ((x1 - x0 + 1) * (y1 - y0 + 1) > LONG_CELLS) {
      this.longAt[e] = this.long.length;
      this.long.push(e);
      this.edgeKeys[e] = null;
      return;
    }
    const keys: number[] = [];
    for (let cx = x0; cx <= x1; cx++) {
      for (let cy = y0; cy <= y1; cy++) {
        const k = this.key(cx, cy);
        keys.push(k);
        let list = this.edgeCells[k];
        if (!list) this.edgeCells[k] = list = [];
        list.push(e);
      }
    }
    this.edgeKeys[e] = keys;
  }

  private removeEdge(e: number): void {
    const keys = this.edgeKeys[e];
    if (!keys) {
      const at = this.longAt[e]!;
      const last = this.long.pop()!;
      if (last !== e) {
        this.long[at] = last;
        this.longAt[last] = at;
      }
      this.longAt[e] = -1;
      return;
    }
    for (const k of keys) {
      const list = this.edgeCells[k]!;
      const at = list.indexOf(e);
      list[at] = list[list.length - 1]!;
      list.pop();
    }
  }

  /** Files v and its links again after v moved (its new position already in x, y). */
  moved(v: number, incident: Iterable<number>): void {
    if (this.small) return;
    this.removeBox(v);
    this.addBox(v);
    for (const e of incident) {
      this.removeEdge(e);
      this.addEdge(e);
    }
  }

  /** Every link whose cells meet the rectangle, each once: how many, in edgeHits. */
  edgesNear(x0: number, y0: number, x1: number, y1: number): number {
    const m = this.edgeA.length;
    if (this.small) return m;
    const out = this.edgeHits;
    let count = 0;
    const epoch = ++this.epoch;
    const cx0 = this.cellX(x0);
    const cx1 = this.cellX(x1);
    const cy0 = this.cellY(y0);
    const cy1 = this.cellY(y1);
    if ((cx1 - cx0 + 1) * (cy1 - cy0 + 1) > 4 * LONG_CELLS) {
      for (let e = 0; e < m; e++) out[e] = e;
      return m;
    }
    for (let cx = cx0; cx <= cx1; cx++) {
      for (let cy = cy0; cy <= cy1; cy++) {
        const list = this.edgeCells[this.key(cx, cy)];
        if (!list) continue;
        for (let k = 0; k < list.length; k++) {
          const e = list[k]!;
          if (this.stamp[e] === epoch) continue;
          this.stamp[e] = epoch;
          out[count++] = e;
        }
      }
    }
    const long = this.long;
    for (let k = 0; k < long.length; k++) {
      const e = long[k]!;
      if (this.stamp[e] === epoch) continue;
      this.stamp[e] = epoch;
      out[count++] = e;
    }
    return count;
  }

  /** Every box whose centre lies within one cell of the rectangle: how many, in boxHits. */
  boxesNear(x0: number, y0: number, x1: number, y1: number): number {
    const n = this.x.length;
    if (this.small) return n;
    const out = this.boxHits;
    let count = 0;
    const cx0 = this.cellX(x0 - this.cell);
    const cx1 = this.cellX(x1 + this.cell);
    const cy0 = this.cellY(y0 - this.cell);
    const cy1 = this.cellY(y1 + this.cell);
    if ((cx1 - cx0 + 1) * (cy1 - cy0 + 1) > 4 * LONG_CELLS) {
      for (let v = 0; v < n; v++) out[v] = v;
      return n;
    }
    const epoch = ++this.epoch;
    for (let cx = cx0; cx <= cx1; cx++) {
      for (let cy = cy0; cy <= cy1; cy++) {
        const list = this.boxCells[this.key(cx, cy)];
        if (!list) continue;
        for (let k = 0; k < list.length; k++) {
          const v = list[k]!;
          if (this.boxStamp[v] === epoch) continue;
          this.boxStamp[v] = epoch;
          out[count++] = v;
        }
      }
    }
    return count;
  }
}
