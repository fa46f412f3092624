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

export class SpatialIndex {
  private readonly boxCells = new Map<number, number[]>();
  private readonly boxCell: Int32Array;
  private readonly edgeCells = new Map<number, number[]>();
  /** The cells an edge is filed under, or null for a long edge. */
  private readonly edgeKeys: (number[] | null)[];
  private readonly long = new Set<number>();
  private readonly stamp: Int32Array;
  private readonly boxStamp: Int32Array;
  private epoch = 0;
  /** Small maps: every query answers everything, with no grid at all. */
  private readonly allBoxes: number[] | null;
  private readonly allEdges: number[] | null;

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
    const small = n <= SMALL_BOXES && m <= SMALL_EDGES;
    this.allBoxes = small ? Array.from({ length: n }, (_, i) => i) : null;
    this.allEdges = small ? Array.from({ length: m }, (_, i) => i) : null;
    if (small) return;
    for (let v = 0; v < n; v++) this.addBox(v);
    for (let e = 0; e < m; e++) this.addEdge(e);
  }

  /** Keys stay small integers (no boxed numbers in the maps): far-out cells share the rim. */
  private key(cx: number, cy: number): number {
    return (cx + 1024) * 2048 + (cy + 1024);
  }

  private cellOf(p: number): number {
    return Math.max(-1000, Math.min(1000, Math.floor(p / this.cell)));
  }

  private addBox(v: number): void {
    const k = this.key(this.cellOf(this.x[v]!), this.cellOf(this.y[v]!));
    this.boxCell[v] = k;
    let list = this.boxCells.get(k);
    if (!list) this.boxCells.set(k, (list = []));
    list.push(v);
  }

  private removeBox(v: number): void {
    const list = this.boxCells.get(this.boxCell[v]!)!;
    list.splice(list.indexOf(v), 1);
  }

  private addEdge(e: number): void {
    const a = this.edgeA[e]!;
    const b = this.edgeB[e]!;
    const x0 = this.cellOf(Math.min(this.x[a]!, this.x[b]!));
    const x1 = this.cellOf(Math.max(this.x[a]!, this.x[b]!));
    const y0 = this.cellOf(Math.min(this.y[a]!, this.y[b]!));
    const y1 = this.cellOf(Math.max(this.y[a]!, this.y[b]!));
    if ((x1 - x0 + 1) * (y1 - y0 + 1) > LONG_CELLS) {
      this.long.add(e);
      this.edgeKeys[e] = null;
      return;
    }
    const keys: number[] = [];
    for (let cx = x0; cx <= x1; cx++) {
      for (let cy = y0; cy <= y1; cy++) {
        const k = this.key(cx, cy);
        keys.push(k);
        let list = this.edgeCells.get(k);
        if (!list) this.edgeCells.set(k, (list = []));
        list.push(e);
      }
    }
    this.edgeKeys[e] = keys;
  }

  private removeEdge(e: number): void {
    const keys = this.edgeKeys[e];
    if (!keys) {
      this.long.delete(e);
      return;
    }
    for (const k of keys) {
      const list = this.edgeCells.get(k)!;
      list.splice(list.indexOf(e), 1);
    }
  }

  /** Files v and its links again after v moved (its new position already in x, y). */
  moved(v: number, incident: Iterable<number>): void {
    if (this.allBoxes) return;
    this.removeBox(v);
    this.addBox(v);
    for (const e of incident) {
      this.removeEdge(e);
      this.addEdge(e);
    }
  }

  /** Every link whose cells meet the rectangle, each once. */
  edgesNear(x0: number, y0: number, x1: number, y1: number, out: number[]): readonly number[] {
    if (this.allEdges) return this.allEdges;
    out.length = 0;
    const epoch = ++this.epoch;
    const cx0 = this.cellOf(x0);
    const cx1 = this.cellOf(x1);
    const cy0 = this.cellOf(y0);
    const cy1 = this.cellOf(y1);
    if ((cx1 - cx0 + 1) * (cy1 - cy0 + 1) > 4 * LONG_CELLS) {
      for (let e = 0; e < this.edgeA.length; e++) out.push(e);
      return out;
    }
    for (let cx = cx0; cx <= cx1; cx++) {
      for (let cy = cy0; cy <= cy1; cy++) {
        const list = this.edgeCells.get(this.key(cx, cy));
        if (!list) continue;
        for (const e of list) {
          if (this.stamp[e] === epoch) continue;
          this.stamp[e] = epoch;
          out.push(e);
        }
      }
    }
    for (const e of this.long) {
      if (this.stamp[e] === epoch) continue;
      this.stamp[e] = epoch;
      out.push(e);
    }
    return out;
  }

  /** Every box whose centre lies within one cell of the rectangle. */
  boxesNear(x0: number, y0: number, x1: number, y1: number, out: number[]): readonly number[] {
    if (this.allBoxes) return this.allBoxes;
    out.length = 0;
    const cx0 = this.cellOf(x0) - 1;
    const cx1 = this.cellOf(x1) + 1;
    const cy0 = this.cellOf(y0) - 1;
    const cy1 = this.cellOf(y1) + 1;
    if ((cx1 - cx0 + 1) * (cy1 - cy0 + 1) > 4 * LONG_CELLS) {
      for (let v = 0; v < this.x.length; v++) out.push(v);
      return out;
    }
    const epoch = ++this.epoch;
    for (let cx = cx0; cx <= cx1; cx++) {
      for (let cy = cy0; cy <= cy1; cy++) {
        const list = this.boxCells.get(this.key(cx, cy));
        if (!list) continue;
        for (const v of list) {
          if (this.boxStamp[v] === epoch) continue;
          this.boxStamp[v] = epoch;
          out.push(v);
        }
      }
    }
    return out;
  }
}
