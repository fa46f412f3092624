import { describe, expect, it } from 'vitest';
import { createMapDoc } from '../../../src/model';
import { exportJson, exportJsonText, importIntoDoc, parseJsonMap } from '../../../src/model/io';
import { silent } from '../../../src/model/log';
import { mergeUnattended } from '../../../src/model/merge';
import { readElementSources } from '../../../src/model/merge/provenance';
import { counts, factorSources, linkSources, maliDoc, miniMap } from './helpers';

function merged() {
  const doc = maliDoc();
  for (const [file, title] of [['groupe-femmes.csv', 'Femmes'], ['groupe-jeunes.csv', 'Jeunes']] as const) {
    const r = mergeUnattended(doc, miniMap(file), { title });
    if (!r.ok) throw new Error(r.errors[0]!.message);
  }
  return doc;
}

describe('provenance in the JSON file', () => {
  it('writes sources on each factor and link: mini-map title and original label or polarity', () => {
    const data = exportJson(merged());
    const insecurite = data.factors.find((f) => f.label === 'Insécurité') as unknown as { sources: unknown };
    expect(insecurite.sources).toContainEqual({ map: 'Femmes', label: 'insecurite' });
    const chomage = data.factors.find((f) => f.label === 'Chômage des jeunes') as unknown as { sources: unknown };
    expect(chomage.sources).toContainEqual({ map: 'Jeunes', label: 'Chomage des jeunes' });
    const withSources = data.links.filter((l) => 'sources' in l) as unknown as { sources: { map: string; polarity: string }[] }[];
    expect(withSources.length).toBeGreaterThan(0);
    expect(withSources[0]!.sources[0]).toEqual({ map: expect.any(String), polarity: expect.stringMatching(/^[-+?]$/) });
    // A factor no mini-map drew has no key at all.
    expect(data.factors.some((f) => !('sources' in f))).toBe(true);
  });

  it('keeps sources through export and import, and a re-merge after import still updates instead of duplicating', () => {
    const doc = merged();
    const text = exportJsonText(doc);
    const parsed = parseJsonMap(text);
    if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
    const copy = createMapDoc();
    expect(importIntoDoc(copy, parsed.map, { mode: 'new' }).ok).toBe(true);
    expect(exportJsonText(copy)).toBe(text);
    expect(factorSources(copy, 'Insécurité')).toEqual(factorSources(doc, 'Insécurité'));
    const ends = (l: { source: string; target: string }, d: typeof doc) => {
      const label = (id: string) => exportJson(d).factors.find((f) => f.id === id)!.label;
      return [label(l.source), label(l.target)] as const;
    };
    const drawn = exportJson(doc).links.find((l) => 'sources' in l)!;
    const [cause, effect] = ends(drawn, doc);
    expect(linkSources(copy, cause, effect)).toEqual(linkSources(doc, cause, effect));
    expect(linkSources(copy, cause, effect).length).toBeGreaterThan(0);
    const before = counts(copy);
    const again = mergeUnattended(copy, miniMap('groupe-femmes.csv'), { title: 'Femmes' });
    expect(again).toMatchObject({ ok: true, answer: { added: 0, linksAdded: 0, removedFactors: 0 } });
    expect(counts(copy)).toEqual(before);
  });

  it('refuses malformed sources with where they are', () => {
    const file = (sources: unknown) => JSON.stringify({
      format: 'trame', schemaVersion: 1, factors: [{ id: 'a', label: 'A', sources }], links: [],
    });
    expect(parseJsonMap(file('Femmes'))).toMatchObject({ ok: false, errors: [{ code: 'json.notArray', params: { where: 'factors[0].sources' } }] });
    expect(parseJsonMap(file([{ map: 'Femmes', label: 'a' }, { map: '', label: 'b' }])))
      .toMatchObject({ ok: false, errors: [{ code: 'json.notObject', params: { where: 'factors[0].sources[1]' } }] });
    expect(parseJsonMap(file([{ map: 'Femmes', label: 'a' }])).ok).toBe(true);
  });
});

describe('the sources of one element, as the inspector reads them', () => {
  it('gives a merged factor and link their sources in order, nothing for an unmerged or unknown one', () => {
    const doc = merged();
    const data = exportJson(doc);
    const insecurite = data.factors.find((f) => f.label === 'Insécurité')!;
    expect(readElementSources(doc, 'factor', insecurite.id, silent)).toEqual(factorSources(doc, 'Insécurité'));
    expect(readElementSources(doc, 'factor', insecurite.id, silent).map((s) => s.map)).toEqual(['Femmes', 'Jeunes']);
    const drawn = data.links.find((l) => 'sources' in l)!;
    expect(readElementSources(doc, 'link', drawn.id, silent).length).toBeGreaterThan(0);
    const untouched = data.factors.find((f) => !('sources' in f))!;
    expect(readElementSources(doc, 'factor', untouched.id, silent)).toEqual([]);
    expect(readElementSources(doc, 'link', 'no-such-link', silent)).toEqual([]);
  });
});
