import * as Y from 'yjs';
import { factorsOf, linksOf, metaOf } from '../doc';
import { factorSourcesForFile, linkSourcesForFile } from '../merge/provenance-json';
import { modelRegistry } from '../registry';
import { SCHEMA_VERSION, type Factor, type Link } from '../schema';
import type { MetaValue } from './parsed';
import { snapshotOf, type ExportSource } from './source';

/** Trame's own file: everything in the map, ids included, so that re-importing loses nothing. */
export interface TrameJson {
  format: 'trame';
  schemaVersion: number;
  meta: Record<string, MetaValue>;
  factors: Factor[];
  links: Link[];
  [section: string]: unknown;
}

function metaRecord(source: ExportSource): Record<string, MetaValue> {
  if (!(source instanceof Y.Doc)) {
    const { title, language } = source.meta;
    return { title, language };
  }
  const out: Record<string, MetaValue> = {};
  metaOf(source).forEach((v, k) => {
    if (k === 'schemaVersion') return;
    if (typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))) out[k] = v;
  });
  return out;
}

/** `delay: false` and no delay mean the same; the file writes only `delay: true`. */
function linkRecord(l: Link): Link {
  if (l.delay !== false) return { ...l };
  const { delay: _delay, ...rest } = l;
  return rest;
}

/**
 * The map as a plain object. Given a snapshot only factors, links, title and language are
 * written; given the document, every registered section and every meta field too.
 */
export function exportJson(source: ExportSource): TrameJson {
  const snap = snapshotOf(source);
  const out: TrameJson = {
    format: 'trame',
    schemaVersion: SCHEMA_VERSION,
    meta: metaRecord(source),
    factors: snap.factors.map((f) => ({ ...f })),
    links: snap.links.map(linkRecord),
  };
  if (source instanceof Y.Doc) {
    // Provenance (issue 18) rides on each factor and link, as the file format says.
    for (const f of out.factors) {
      const sources = factorSourcesForFile(factorsOf(source).get(f.id));
      if (sources) Object.assign(f, { sources });
    }
    for (const l of out.links) {
      const sources = linkSourcesForFile(linksOf(source).get(l.id));
      if (sources) Object.assign(l, { sources });
    }
    for (const [name, section] of modelRegistry.jsonSections()) {
      const data = section.export(source);
      if (data !== undefined) out[name] = data;
    }
  }
  return out;
}

export function exportJsonText(source: ExportSource): string {
  return `${JSON.stringify(exportJson(source), null, 2)}\n`;
}
