/**
 * A factor's place (top-left corner of its box), in the map's coordinates or in layout units.
 * A leaf of its own so that the layout's parts (wrap.ts, tidy-plan.ts) can name it without
 * importing layout.ts, which imports them: no import cycle between files (test/architecture).
 */
export interface Position {
  readonly x: number;
  readonly y: number;
}
