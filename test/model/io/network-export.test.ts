import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { addStory, citeStory, ensureTheme, readSnapshot, setThemeColor } from '../../../src/model';
import { exportDot } from '../../../src/model/io/dot-write';
import { exportGexf } from '../../../src/model/io/gexf-write';
import { quiet, sampleDoc } from './helpers';

/** Readers that are not ours: networkx (shipped with the machine's Python) and Graphviz. */
const python = spawnSync('python3', ['-c', 'import networkx'], { encoding: 'utf8' });
const hasNetworkx = python.status === 0;
const hasDot = spawnSync('dot', ['-V'], { encoding: 'utf8' }).status === 0;

function docWithStory() {
  const doc = sampleDoc();
  const snap = readSnapshot(doc, quiet);
  setThemeColor(doc, ensureTheme(doc, 'Environnement'), '#009E73');
  const story = addStory(doc, { code: 'R-1' });
  citeStory(doc, story, { kind: 'factor', id: snap.factors[0]!.id });
  citeStory(doc, story, { kind: 'link', id: snap.links[0]!.id });
  return doc;
}

const READ_GEXF = `
import json, sys, networkx as nx
import xml.etree.ElementTree as ET
g = nx.read_gexf(sys.argv[1])
ns = {"g": "http://gexf.net/1.3", "viz": "http://gexf.net/1.3/viz"}
edge_colours = {e.get("id"): e.find("viz:color", ns).attrib for e in ET.parse(sys.argv[1]).getroot().iter("{http://gexf.net/1.3}edge")}
print(json.dumps({
  "directed": g.is_directed(),
  "edgeColours": edge_colours,
  "nodes": {n: d for n, d in g.nodes(data=True)},
  "edges": [[u, v, d] for u, v, d in g.edges(data=True)],
}, ensure_ascii=False, default=str))
`;

describe('GEXF export', () => {
  it.skipIf(!hasNetworkx)('is read by networkx with its attributes, colours and positions', async () => {
    const doc = docWithStory();
    const snap = readSnapshot(doc, quiet);
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const file = join(mkdtempSync(join(tmpdir(), 'trame-gexf-')), 'map.gexf');
    writeFileSync(file, exportGexf(doc));
    const run = spawnSync('python3', ['-c', READ_GEXF, file], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const g = JSON.parse(run.stdout) as {
      directed: boolean;
      edgeColours: Record<string, Record<string, string>>;
      nodes: Record<string, Record<string, unknown>>;
      edges: [string, string, Record<string, unknown>][];
    };
    expect(g.directed).toBe(true);
    expect(Object.keys(g.nodes).sort()).toEqual(snap.factors.map((f) => f.id).sort());
    expect(g.edges).toHaveLength(3);
    const [a] = snap.factors;
    expect(g.nodes[a!.id]).toMatchObject({
      label: 'Sécheresse', theme: 'Environnement', notes: 'Pluies, irrégulières\n"depuis 2012"', stories: 1,
      viz: { color: { r: 0, g: 158, b: 115, a: 1 }, position: { x: 10.5, y: 20, z: 0 } },
    });
    const first = g.edges.find(([u, v]) => u === snap.links[0]!.source && v === snap.links[0]!.target)![2];
    expect(first).toMatchObject({ polarity: '-', sign: -1, strength: 3, delay: true, note: 'note, avec virgule', stories: 1, weight: 3 });
    // networkx keeps no edge colours: Python's own XML parser reads them.
    expect(g.edgeColours[snap.links[0]!.id]).toEqual({ r: '198', g: '40', b: '40' });
    const unknown = g.edges.find(([, , d]) => d.polarity === '?')![2];
    expect(unknown).toMatchObject({ sign: 0, delay: false, stories: 0, weight: 1 });
    expect(unknown.strength).toBeUndefined();
  });
});

describe('DOT export', () => {
  it('escapes labels and colours links by polarity', () => {
    const doc = sampleDoc();
    const dot = exportDot(doc);
    expect(dot).toMatch(/^digraph "Mali centre — atelier de Mopti" \{/);
    expect(dot).toContain('label="Sécheresse"');
    expect(dot).toContain('color="#c62828", fontcolor="#c62828", label="− ∥", penwidth=3');
    expect(dot).toContain('style=dashed');
    expect(dot).toContain('tooltip="Pluies, irrégulières\\n\\"depuis 2012\\""');
  });

  it.skipIf(!hasDot)('is laid out by Graphviz, every factor and link drawn', () => {
    const doc = sampleDoc();
    const run = spawnSync('dot', ['-Tjson'], { input: exportDot(doc), encoding: 'utf8' });
    expect(run.status).toBe(0);
    const g = JSON.parse(run.stdout) as { objects: { label: string; fillcolor?: string }[]; edges: { color: string }[] };
    expect(g.objects.map((o) => o.label).sort()).toEqual(["Accès à l'eau", 'Conflits', 'Sécheresse']);
    expect(g.edges.map((e) => e.color).sort()).toEqual(['#1565c0', '#757575', '#c62828']);
  });
});
