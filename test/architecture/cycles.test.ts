import { describe, expect, it } from 'vitest';
import { cycles, importGraph } from './imports';

describe('no import cycle between files', () => {
  it('finds a cycle when there is one, however long, and none in a tree', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']], ['b.ts', ['c.ts']], ['c.ts', ['a.ts', 'd.ts']], ['d.ts', []], ['e.ts', ['e.ts']],
    ]);
    expect(cycles(graph)).toEqual([['a.ts', 'b.ts', 'c.ts'], ['e.ts']]);
    expect(cycles(new Map([['a.ts', ['b.ts', 'c.ts']], ['b.ts', ['c.ts']], ['c.ts', []]]))).toEqual([]);
  });

  it('reads the real graph: the app reaches the canvas, the canvas reaches the model', () => {
    const graph = importGraph(['src']);
    expect(graph.get('src/app/MapPage.tsx')).toContain('src/canvas/Canvas.tsx');
    expect(graph.get('src/canvas/Canvas.tsx')).toContain('src/model/index.ts');
    expect(graph.size).toBeGreaterThan(200);
  });

  it('src/ and server/ have none, dynamic import() and import type included', () => {
    expect(cycles(importGraph(['src', 'server']))).toEqual([]);
  });
});
