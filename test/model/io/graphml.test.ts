import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addFactor, createMapDoc, readSnapshot, readThemes } from '../../../src/model';
import { exportGraphml, importIntoDoc, parseGraphml, xmlEscape } from '../../../src/model/io';
import { parseXml } from '../../../src/model/io/xml';
import { contentOf, errorsOf, parsedOrThrow, sampleDoc, stateOf } from './helpers';

function reimport(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  const r = importIntoDoc(copy, parsedOrThrow(parseGraphml(exportGraphml(doc))), { mode: 'new' });
  expect(r.ok).toBe(true);
  return copy;
}

describe('GraphML export', () => {
  it('declares every attribute with its type', () => {
    const xml = exportGraphml(sampleDoc());
    for (const [name, type] of [['label', 'string'], ['x', 'double'], ['strength', 'int'], ['delay', 'boolean'], ['note', 'string']]) {
      expect(xml).toMatch(new RegExp(`<key id="\\w+" for="(node|edge)" attr.name="${name}" attr.type="${type}"/>`));
    }
    expect(xml).toContain('edgedefault="directed"');
  });

  it('escapes a label that looks like HTML', () => {
    const doc = createMapDoc();
    addFactor(doc, { label: '<img src=x onerror=alert(1)>', x: 0, y: 0, notes: 'a & b "c" \'d\'' });
    const xml = exportGraphml(doc);
    expect(xml).not.toContain('<img');
    expect(xml).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(xml).toContain('a &amp; b &quot;c&quot; &apos;d&apos;');
    const back = parsedOrThrow(parseGraphml(xml));
    expect(back.factors[0]!.label).toBe('<img src=x onerror=alert(1)>');
  });

  it('drops characters XML cannot hold and keeps carriage returns', () => {
    expect(xmlEscape('a\u0001b\r\nc')).toBe('ab&#13;\nc');
  });
});

describe('GraphML round trip', () => {
  it('a map written to GraphML and read back is the same map, ids included', () => {
    const doc = sampleDoc();
    const copy = reimport(doc);
    expect(contentOf(copy)).toEqual(contentOf(doc));
    const ids = (d: Y.Doc) => {
      const snap = readSnapshot(d);
      return [...snap.factors.map((f) => f.id), ...snap.links.map((l) => `${l.id}:${l.source}>${l.target}`)];
    };
    expect(ids(copy)).toEqual(ids(doc));
    expect(readSnapshot(copy).meta).toEqual(readSnapshot(doc).meta);
  });

  it('themes go out by name and come back as themes of the map', () => {
    const doc = sampleDoc();
    const themes = readThemes(reimport(doc)).map((t) => t.name);
    expect(themes).toEqual(['Conflits', 'Environnement']);
  });

  it('keeps line breaks, carriage returns and spaces in notes', () => {
    const doc = createMapDoc();
    addFactor(doc, { label: 'A', x: 0, y: 0, notes: '  line one\r\nline two  ' });
    expect(readSnapshot(reimport(doc)).factors[0]!.notes).toBe('  line one\r\nline two  ');
  });
});

describe('reading GraphML from other tools', () => {
  it('reads a networkx-style file with defaults and a numeric sign', () => {
    const xml = `<?xml version='1.0' encoding='utf-8'?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="node" attr.name="Label" attr.type="string"/>
  <key id="d1" for="edge" attr.name="sign" attr.type="long"><default>1</default></key>
  <graph edgedefault="directed">
    <node id="a"><data key="d0">Pluie</data></node>
    <node id="b"/>
    <edge source="a" target="b"/>
    <edge source="b" target="a"><data key="d1">-1</data></edge>
  </graph>
</graphml>`;
    const map = parsedOrThrow(parseGraphml(xml));
    expect(map.factors.map((f) => f.label)).toEqual(['Pluie', 'b']);
    expect(map.links.map((l) => l.polarity)).toEqual(['+', '-']);
  });

  it("reads a yEd file's drawn labels and geometry", () => {
    const xml = `<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">
  <key for="node" id="d6" yfiles.type="nodegraphics"/>
  <graph id="G" edgedefault="directed">
    <node id="n0"><data key="d6"><y:ShapeNode><y:Geometry height="30" width="90" x="120.5" y="-40"/><y:NodeLabel>Sécheresse &amp; chaleur</y:NodeLabel></y:ShapeNode></data></node>
    <node id="n1"><data key="d6"><y:ShapeNode><y:NodeLabel><![CDATA[Récoltes <faibles>]]></y:NodeLabel></y:ShapeNode></data></node>
    <edge id="e0" source="n0" target="n1"/>
  </graph>
</graphml>`;
    const map = parsedOrThrow(parseGraphml(xml));
    expect(map.factors).toEqual([
      { key: 'n0', label: 'Sécheresse & chaleur', x: 120.5, y: -40 },
      { key: 'n1', label: 'Récoltes <faibles>' },
    ]);
    expect(map.links).toEqual([{ key: 'e0', source: 'n0', target: 'n1', polarity: '?' }]);
  });

  it('an undirected graph is read as directed, with a warning', () => {
    const map = parsedOrThrow(parseGraphml('<graphml><graph edgedefault="undirected"><node id="a"/><node id="b"/><edge source="a" target="b"/></graph></graphml>'));
    expect(map.warnings.map((w) => w.code)).toEqual(['graphml.undirected']);
    expect(map.links).toHaveLength(1);
  });
});

describe('bad GraphML files', () => {
  const wrap = (body: string) => `<graphml>\n<key id="s" for="edge" attr.name="strength" attr.type="int"/>\n<graph edgedefault="directed">\n${body}\n</graph>\n</graphml>`;

  it('names the line of broken XML', () => {
    expect(errorsOf(parseGraphml('<graphml>\n<graph>\n<node id="a">\n</graph>\n</graphml>'))).toEqual(['line 4: </graph> closes <node>']);
    expect(errorsOf(parseGraphml('<graphml>\n<graph>\n<node id="a"/>\n'))).toEqual(['line 2: <graph> is never closed']);
    expect(errorsOf(parseGraphml('<graphml>\n<graph><node id="a&nbsp;"/></graph></graphml>'))).toEqual(["line 2: unknown entity '&nbsp;'"]);
    expect(errorsOf(parseGraphml('<graphml><graph><node id=a/></graph></graphml>'))).toEqual(['line 1: broken XML (the value of id must be quoted)']);
  });

  it('refuses entity declarations rather than expanding them', () => {
    const bomb = '<?xml version="1.0"?><!DOCTYPE g [<!ENTITY a "aaaa">]><graphml><graph/></graphml>';
    expect(errorsOf(parseGraphml(bomb))[0]).toMatch(/DOCTYPE with declarations is not supported/);
  });

  it('refuses XML that is not GraphML', () => {
    expect(errorsOf(parseGraphml('<svg><g/></svg>'))).toEqual(['not a GraphML file (no <graphml> element)']);
    expect(errorsOf(parseGraphml('<graphml></graphml>'))).toEqual(['the GraphML file has no <graph>']);
  });

  it('names the edge or node at fault', () => {
    expect(errorsOf(parseGraphml(wrap('<node id="a"/><node id="a"/>')))).toEqual(["node[a]: the node id 'a' is used twice"]);
    expect(errorsOf(parseGraphml(wrap('<node id="a"/><edge id="e1" source="a" target="z"/>')))).toEqual(["edge[e1]: no node has the id 'z'"]);
    expect(errorsOf(parseGraphml(wrap('<node id="a"/><node id="b"/><edge source="a" target="b"><data key="s">9</data></edge>'))))
      .toEqual(["edge[#1]: strength must be 1, 2 or 3, not '9'"]);
    expect(errorsOf(parseGraphml(wrap('<node id="a"/><node id="b"/><edge source="a" target="b"><data key="s">two</data></edge>'))))
      .toEqual(["edge[#1]: 'two' is not a valid int for strength"]);
  });

  it('a refused GraphML leaves the map byte for byte as it was', () => {
    const doc = sampleDoc();
    const before = stateOf(doc);
    const r = parseGraphml(wrap('<node id="a"/><edge source="a" target="q"/>'));
    if (r.ok) importIntoDoc(doc, r.map, { mode: 'merge' });
    expect(r.ok).toBe(false);
    expect(stateOf(doc)).toEqual(before);
  });
});

describe('the XML reader', () => {
  it('decodes character references and the five entities in text and attributes', () => {
    const r = parseXml('<a t="&#233;&#xE9;&lt;&quot;">x &amp; y &apos;z&apos; &gt;</a>');
    if (!r.ok) throw new Error('parse failed');
    expect(r.root.attrs.get('t')).toBe('éé<"');
    expect(r.root.children).toEqual(["x & y 'z' >"]);
  });

  it('refuses a bare ampersand and a second root', () => {
    expect(parseXml('<a>fish & chips</a>').ok).toBe(false);
    expect(parseXml('<a/><b/>').ok).toBe(false);
  });
});
