import type * as Y from 'yjs';
import { networkView, POLARITY_COLOURS, textOn } from './network-export';

/**
 * Graphviz DOT: a digraph laid out left to right by `dot`, factors filled with their theme's
 * colour, links coloured by polarity with their sign as label (dashed when not decided),
 * thicker when stronger, "∥" marking a delay. Each node also carries the canvas position as
 * `pos`, so `neato -n2` draws the map as it is on the canvas instead of laying it out.
 */
export const DOT_CONTENT_TYPE = 'text/vnd.graphviz';

/** A DOT double-quoted string: quotes and backslashes escaped, line breaks as Graphviz's \n. */
export function dotString(v: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = v.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');
  return `"${clean.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n')}"`;
}

const SIGN = { '+': '+', '-': '\u2212', '?': '?' } as const;

export function exportDot(doc: Y.Doc): string {
  const v = networkView(doc);
  const { snap } = v;
  const title = snap.meta.title.trim();
  const out = [
    `digraph ${dotString(title || 'Trame')} {`,
    `  graph [rankdir=LR, fontname="Helvetica", overlap=false, splines=true${title ? `, label=${dotString(title)}, labelloc=t` : ''}];`,
    '  node [shape=box, style="rounded,filled", fontname="Helvetica", penwidth=1];',
    '  edge [fontname="Helvetica", arrowsize=0.8];',
  ];
  for (const f of snap.factors) {
    const fill = v.colour(f);
    const theme = v.themeName(f);
    out.push(`  ${dotString(f.id)} [label=${dotString(f.label)}, fillcolor="${fill}", fontcolor="${textOn(fill)}"`
      + `${theme ? `, group=${dotString(theme)}` : ''}${f.notes ? `, tooltip=${dotString(f.notes.slice(0, 500))}` : ''}`
      + `, pos="${f.x},${-f.y}"];`);
  }
  for (const l of snap.links) {
    const colour = POLARITY_COLOURS[l.polarity];
    const label = `${SIGN[l.polarity]}${l.delay ? ' \u2225' : ''}`;
    out.push(`  ${dotString(l.source)} -> ${dotString(l.target)} [color="${colour}", fontcolor="${colour}", label=${dotString(label)}`
      + `, penwidth=${l.strength ?? 1}${l.polarity === '?' ? ', style=dashed' : ''}${l.notes ? `, tooltip=${dotString(l.notes.slice(0, 500))}` : ''}];`);
  }
  out.push('}', '');
  return out.join('\n');
}
