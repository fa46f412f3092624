import { snapshotOf, themeNamer, type ExportSource } from './source';

/**
 * GraphML for Gephi, yEd, networkx and igraph. Every attribute is a declared `<key>` with its
 * type, so the tools read numbers as numbers and `delay` as a boolean. Besides Trame's own
 * fields, edges carry `sign` (+1, −1, 0 for `?`) and `weight` (the strength, 1 when unset)
 * because that is what network tools compute with.
 */
export const GRAPHML_KEYS = [
  { id: 'label', for: 'node', type: 'string' },
  { id: 'theme', for: 'node', type: 'string' },
  { id: 'notes', for: 'node', type: 'string' },
  { id: 'icon', for: 'node', type: 'string' },
  { id: 'x', for: 'node', type: 'double' },
  { id: 'y', for: 'node', type: 'double' },
  { id: 'polarity', for: 'edge', type: 'string' },
  { id: 'sign', for: 'edge', type: 'int' },
  { id: 'strength', for: 'edge', type: 'int' },
  { id: 'weight', for: 'edge', type: 'double' },
  { id: 'delay', for: 'edge', type: 'boolean' },
  { id: 'note', for: 'edge', type: 'string' },
  { id: 'title', for: 'graph', type: 'string' },
  { id: 'language', for: 'graph', type: 'string' },
] as const;

/** Characters XML 1.0 cannot hold at all, even escaped. */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Escapes text and attribute values alike; `\r` is kept as a reference so parsers do not fold it. */
export function xmlEscape(v: string): string {
  return v.replace(NOT_XML, '').replace(/[&<>"'\r]/g, (c) => {
    switch (c) {
      case '&': return '&amp;';
      case '<': return '&lt;';
      case '>': return '&gt;';
      case '"': return '&quot;';
      case "'": return '&apos;';
      default: return '&#13;';
    }
  });
}

function data(key: string, value: string | number | boolean | undefined): string {
  if (value === undefined || value === '') return '';
  return `<data key="${key}">${xmlEscape(String(value))}</data>`;
}

const SIGN = { '+': 1, '-': -1, '?': 0 } as const;

export function exportGraphml(source: ExportSource): string {
  const snap = snapshotOf(source);
  const themeName = themeNamer(source);
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"'
      + ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
      + ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  for (const k of GRAPHML_KEYS) {
    out.push(`  <key id="${k.id}" for="${k.for}" attr.name="${k.id}" attr.type="${k.type}"/>`);
  }
  out.push('  <graph id="G" edgedefault="directed">');
  out.push(`    ${data('title', snap.meta.title)}${data('language', snap.meta.language)}`.trimEnd());
  for (const f of snap.factors) {
    out.push(`    <node id="${xmlEscape(f.id)}">${data('label', f.label)}${data('theme', themeName(f))}`
      + `${data('notes', f.notes)}${data('icon', f.icon)}${data('x', f.x)}${data('y', f.y)}</node>`);
  }
  for (const l of snap.links) {
    out.push(`    <edge id="${xmlEscape(l.id)}" source="${xmlEscape(l.source)}" target="${xmlEscape(l.target)}">`
      + `${data('polarity', l.polarity)}${data('sign', SIGN[l.polarity])}${data('strength', l.strength)}`
      + `${data('weight', l.strength ?? 1)}${data('delay', l.delay === true)}${data('note', l.notes)}</edge>`);
  }
  out.push('  </graph>', '</graphml>', '');
  return out.filter((line) => line.trim() !== '').join('\n') + '\n';
}
