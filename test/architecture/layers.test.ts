import { ESLint } from 'eslint';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './imports';

/** The layering rule of eslint.config.js, run on code placed (not written) at a path. */
async function layerErrors(file: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: ROOT });
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'trame/layers').map((m) => m.message);
}

describe('layers point down only (eslint trame/layers)', () => {
  it('refuses an upward import, whatever the depth or the extension', async () => {
    const canvas = await layerErrors('src/canvas/Wrong.tsx', "import { useWorkshop } from '../features/workshop/store';\nexport const x = useWorkshop;\n");
    expect(canvas).toHaveLength(1);
    expect(canvas[0]).toContain('src/canvas may not import src/features');
    const deep = await layerErrors('src/features/workshop/voting/wrong.ts', "export { App } from '../../../app/App';\n");
    expect(deep[0]).toContain('src/features may not import src/app');
    const lazy = await layerErrors('src/session/wrong.ts', "export const load = () => import('../canvas/Canvas');\n");
    expect(lazy[0]).toContain('src/session may not import src/canvas');
    const server = await layerErrors('server/upstream/wrong.ts', "import { mapLink } from '../../src/sync/location';\nexport const x = mapLink;\n");
    expect(server[0]).toContain('server/ may not import src/sync');
    const model = await layerErrors('src/model/wrong.ts', "import type { MapSession } from '../session';\nexport type X = MapSession;\n");
    expect(model[0]).toContain('src/model may not import src/session');
  }, 60_000);

  it('lets a layer import below it and within itself', async () => {
    expect(await layerErrors('src/features/themes/Ok.tsx',
      "import { useSnapshot } from '../../session';\nimport { addTheme } from '../../model';\nimport { x } from './store';\nexport const y = [useSnapshot, addTheme, x];\n")).toEqual([]);
    expect(await layerErrors('src/app/Ok.tsx', "import { Canvas } from '../canvas/Canvas';\nexport const y = Canvas;\n")).toEqual([]);
  }, 60_000);
});
