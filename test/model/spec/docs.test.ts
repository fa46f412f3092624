import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  fillSpecBlocks, PRESENCE_SPEC, presenceTable, ROOT_SPECS, rootsTable, rootTables,
} from '../../../src/model/spec';

const PATH = new URL('../../../docs/schema.md', import.meta.url);

function blocks(): Map<string, string> {
  const out = new Map<string, string>([['roots', rootsTable(ROOT_SPECS)]]);
  for (const spec of ROOT_SPECS) if (Object.keys(spec.fields).length > 0) out.set(spec.name, rootTables(spec));
  out.set('presence', presenceTable(PRESENCE_SPEC));
  return out;
}

describe('docs/schema.md', () => {
  it('has the tables the spec writes, for every root with fields and for presence', () => {
    const doc = readFileSync(PATH, 'utf8');
    const { text, missing } = fillSpecBlocks(doc, blocks());
    expect(missing).toEqual([]);
    // UPDATE_SCHEMA_DOC=1 rewrites the tables after a change to the spec.
    if (process.env.UPDATE_SCHEMA_DOC === '1' && text !== doc) writeFileSync(PATH, text);
    else expect(doc, 'docs/schema.md disagrees with src/model/spec: run with UPDATE_SCHEMA_DOC=1').toBe(text);
  });

  it('would fail on a limit changed in the spec and not in the doc', () => {
    const doc = readFileSync(PATH, 'utf8');
    const changed = blocks();
    changed.set('factors', changed.get('factors')!.replace('≤ 500 chars', '≤ 501 chars'));
    expect(fillSpecBlocks(doc, changed).text).not.toBe(doc);
  });
});
