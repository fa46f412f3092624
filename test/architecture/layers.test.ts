import { ESLint } from 'eslint';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error a plain JS module of the lint config, with no types
import { ALLOWED, layerOf } from '../../eslint/layers.js';
import { importGraph, ROOT } from './imports';

const eslint = new ESLint({ cwd: ROOT });

/** The messages of the lint rules named, for code placed (not written) at a path. */
async function errors(file: string, code: string, rule = 'trame/layers'): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === rule).map((m) => m.message);
}

const allowed = ALLOWED as Record<string, string[]>;
const layer = (file: string) => layerOf(join(ROOT, file)) as string | null;

describe('layers point down only (eslint trame/layers)', () => {
  it('refuses an upward import, whatever the depth or the extension', async () => {
    const canvas = await errors('src/canvas/Wrong.tsx', "import { useWorkshop } from '../features/workshop/store';\nexport const x = useWorkshop;\n");
    expect(canvas).toHaveLength(1);
    expect(canvas[0]).toContain('src/canvas may not import src/features');
    const presence = await errors('src/presence/Wrong.tsx', "import { VotesPanel } from '../features/workshop/voting/VotesPanel';\nexport const x = VotesPanel;\n");
    expect(presence[0]).toContain('src/presence may not import src/features');
    const deep = await errors('src/features/workshop/voting/wrong.ts', "export { App } from '../../../app/App';\n");
    expect(deep[0]).toContain('src/features may not import src/app');
    const lazy = await errors('src/session/wrong.ts', "export const load = () => import('../canvas/Canvas');\n");
    expect(lazy[0]).toContain('src/session may not import src/canvas');
    const server = await errors('server/upstream/wrong.ts', "import { mapLink } from '../../src/sync/location';\nexport const x = mapLink;\n");
    expect(server[0]).toContain('server/ may not import src/sync');
    const model = await errors('src/model/wrong.ts', "import type { MapSession } from '../session';\nexport type X = MapSession;\n");
    expect(model[0]).toContain('src/model may not import src/session');
  }, 60_000);

  it('refuses React in the model and browser libraries in the relay', async () => {
    const model = await errors('src/model/wrong.ts', "import { useState } from 'react';\nexport const x = useState;\n", 'no-restricted-imports');
    expect(model[0]).toContain('src/model is plain TypeScript');
    const server = await errors('server/http/wrong.ts', "import { ReactFlow } from '@xyflow/react';\nexport const x = ReactFlow;\n", 'no-restricted-imports');
    expect(server[0]).toContain('server/ runs in node');
  }, 60_000);

  it('refuses a file in a new folder of src/ until the folder is given a layer', async () => {
    const found = await errors('src/widgets/Thing.tsx', 'export const x = 1;\n');
    expect(found[0]).toContain('src/widgets is a folder with no layer');
  }, 60_000);

  it('fails `eslint` on a real file with a wrong import, as `npm run lint` would', async () => {
    const file = join(ROOT, 'src/canvas/__layers-probe__.tsx');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, "import { themes } from '../features/themes';\nexport const probe = themes;\n");
    try {
      const [result] = await eslint.lintFiles([file]);
      expect(result!.errorCount).toBeGreaterThan(0);
      expect(result!.messages.map((m) => m.ruleId)).toContain('trame/layers');
    } finally {
      rmSync(file, { force: true });
    }
  }, 60_000);

  it('lets a layer import below it and within itself', async () => {
    expect(await errors('src/features/themes/Ok.tsx',
      "import { useSnapshot } from '../../session';\nimport { addTheme } from '../../model';\nimport { x } from './store';\nexport const y = [useSnapshot, addTheme, x];\n")).toEqual([]);
    expect(await errors('src/app/Ok.tsx', "import { Canvas } from '../canvas/Canvas';\nexport const y = Canvas;\n")).toEqual([]);
  }, 60_000);
});

describe('the rule covers the whole tree', () => {
  const graph = importGraph(['src', 'server']);

  it('every file of src/ and server/, .ts and .tsx, has a layer and is linted by the rule', async () => {
    const files = [...graph.keys()];
    expect(files.some((f) => f.endsWith('.tsx'))).toBe(true);
    expect(files.filter((f) => !layer(f))).toEqual([]);
    // One file per folder is enough to show the config reaches it (the config is by glob).
    const perFolder = new Map(files.map((f) => [dirname(f) + (f.endsWith('.tsx') ? ':tsx' : ':ts'), f]));
    const unchecked: string[] = [];
    for (const f of perFolder.values()) {
      const config = await eslint.calculateConfigForFile(join(ROOT, f));
      const level = (config?.rules?.['trame/layers'] as unknown[] | undefined)?.[0];
      if (level !== 2 && level !== 'error') unchecked.push(f);
    }
    expect(unchecked).toEqual([]);
  }, 120_000);

  it('every import between files of src/ and server/ points down (read by TypeScript, not by ESLint)', () => {
    const upward: string[] = [];
    for (const [from, targets] of graph) {
      for (const to of targets) {
        const a = layer(from)!;
        const b = layer(to);
        if (b && a !== b && !allowed[a]!.includes(b)) upward.push(`${from} → ${relative(ROOT, join(ROOT, to))}`);
      }
    }
    expect(upward).toEqual([]);
    // Canvas and presence reach features only through the registries app/ wires.
    expect([...graph].filter(([f, ts]) => /^src\/(canvas|presence)\//.test(f) && ts.some((t) => t.startsWith('src/features/')))).toEqual([]);
    expect([...graph].filter(([f, ts]) => f.startsWith('server/') && ts.some((t) => t.startsWith('src/') && !t.startsWith('src/model/')))).toEqual([]);
  });
});
