import type * as Y from 'yjs';
import { xmlEscape } from './graphml-write';
import { networkView, POLARITY_COLOURS, POLARITY_SIGN, rgb } from './network-export';

/**
 * GEXF 1.3 for Gephi (and networkx, igraph…): a directed static graph whose nodes carry
 * theme, notes and story count as typed attributes, with `viz:color` from their theme and
 * `viz:position` from the canvas, and whose edges carry polarity, sign, strength, delay, note
 * and story count, coloured by polarity, weighted by strength (1 when unset). The canvas's y
 * axis points down and Gephi's up, so y is negated: the map looks the same in Gephi.
 */
export const GEXF_CONTENT_TYPE = 'application/gexf+xml';

const NODE_ATTRIBUTES = [
  { id: 'theme', type: 'string' },
  { id: 'notes', type: 'string' },
  { id: 'stories', type: 'integer' },
] as const;

const EDGE_ATTRIBUTES = [
  { id: 'polarity', type: 'string' },
  { id: 'sign', type: 'integer' },
  { id: 'strength', type: 'integer' },
  { id: 'delay', type: 'boolean' },
  { id: 'note', type: 'string' },
  { id: 'stories', type: 'integer' },
] as const;

type Value = string | number | boolean | undefined;

/** An attribute value: XML folds raw line breaks and tabs in attributes to spaces, so they go as references. */
function attr(v: string): string {
  return xmlEscape(v).replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

function attvalues(values: Readonly<Record<string, Value>>): string {
  const out = Object.entries(values)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `<attvalue for="${k}" value="${attr(String(v))}"/>`);
  return out.length === 0 ? '' : `<attvalues>${out.join('')}</attvalues>`;
}

function colour(hex: string): string {
  const { r, g, b } = rgb(hex);
  return `<viz:color r="${r}" g="${g}" b="${b}"/>`;
}

function declare(cls: 'node' | 'edge', attrs: readonly { id: string; type: string }[]): string {
  return `    <attributes class="${cls}" mode="static">\n`
    + attrs.map((a) => `      <attribute id="${a.id}" title="${a.id}" type="${a.type}"/>\n`).join('')
    + '    </attributes>';
}

export function exportGexf(doc: Y.Doc): string {
  const v = networkView(doc);
  const { snap } = v;
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz"'
      + ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
      + ' xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    `  <meta><creator>Trame</creator>${snap.meta.title ? `<title>${xmlEscape(snap.meta.title)}</title>` : ''}</meta>`,
    '  <graph defaultedgetype="directed" mode="static">',
    declare('node', NODE_ATTRIBUTES),
    declare('edge', EDGE_ATTRIBUTES),
    '    <nodes>',
  ];
  for (const f of snap.factors) {
    out.push(`      <node id="${attr(f.id)}" label="${attr(f.label)}">`
      + attvalues({ theme: v.themeName(f), notes: f.notes, stories: v.factorStories(f.id) })
      + `${colour(v.colour(f))}<viz:position x="${f.x}" y="${-f.y}" z="0"/></node>`);
  }
  out.push('    </nodes>', '    <edges>');
  for (const l of snap.links) {
    out.push(`      <edge id="${attr(l.id)}" source="${attr(l.source)}" target="${attr(l.target)}" weight="${l.strength ?? 1}">`
      + attvalues({
        polarity: l.polarity, sign: POLARITY_SIGN[l.polarity], strength: l.strength, delay: l.delay === true,
        note: l.notes, stories: v.linkStories(l.id),
      })
      + `${colour(POLARITY_COLOURS[l.polarity])}</edge>`);
  }
  out.push('    </edges>', '  </graph>', '</gexf>', '');
  return out.join('\n');
}
