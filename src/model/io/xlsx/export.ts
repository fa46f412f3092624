import type * as Y from 'yjs';
import { findLoops, type Loop } from '../../analysis/loops';
import { readCitations, storyCount } from '../../citations';
import { LOOP_LETTERS_EN, loopLabels, readLoopNotes } from '../../loops';
import { silent } from '../../log';
import { readSnapshot } from '../../reader';
import { readStories } from '../../stories';
import { themeNamer, uniqueLabels } from '../source';
import { writeWorkbook, type CellValue, type SheetSpec } from './write';

/**
 * Trame's workbook: Factors, Links, Loops and Stories sheets, headers in the map's language.
 * The Factors and Links sheets read back through the Excel import with nothing lost but ids
 * and theme colours (a factor is known by its label, as in the CSV files); the Loops sheet
 * gives loop names back too. Stories carry codes and metadata only, unless the person asks
 * for their texts: a summary may quote someone, and a workbook travels by e-mail.
 */
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface XlsxExportOptions {
  /** Headers' language; the map's own by default. */
  readonly language?: string;
  /** Write the stories' summaries too. */
  readonly storyTexts?: boolean;
}

interface Words {
  sheets: { factors: string; links: string; loops: string; stories: string };
  factors: string[];
  links: string[];
  loops: string[];
  stories: string[];
  summary: string;
  yes: string;
  no: string;
  truncated: string;
}

const FR: Words = {
  sheets: { factors: 'Facteurs', links: 'Liens', loops: 'Boucles', stories: 'Récits' },
  factors: ['Libellé', 'Thème', 'Notes', 'Liens entrants', 'Liens sortants', 'Boucles', 'Récits', 'x', 'y', 'Icône'],
  links: ['Cause', 'Effet', 'Polarité', 'Force', 'Délai', 'Note', 'Récits'],
  loops: ['Repère', 'Nom', 'Type (R/B)', 'Longueur', 'Facteurs', 'Boucle clé', 'Notes'],
  stories: ['Code', 'Lieu', 'Date', 'Groupe', 'Langue', 'Étiquettes', 'Facteurs cités', 'Liens cités'],
  summary: 'Résumé',
  yes: 'oui',
  no: 'non',
  truncated: 'liste tronquée : des boucles plus longues ne sont pas listées',
};

const EN: Words = {
  sheets: { factors: 'Factors', links: 'Links', loops: 'Loops', stories: 'Stories' },
  factors: ['Label', 'Theme', 'Notes', 'Links in', 'Links out', 'Loops', 'Stories', 'x', 'y', 'Icon'],
  links: ['Cause', 'Effect', 'Polarity', 'Strength', 'Delay', 'Note', 'Stories'],
  loops: ['Marker', 'Name', 'Type (R/B)', 'Length', 'Factors', 'Key loop', 'Notes'],
  stories: ['Code', 'Place', 'Date', 'Group', 'Language', 'Tags', 'Cited factors', 'Cited links'],
  summary: 'Summary',
  yes: 'yes',
  no: 'no',
  truncated: 'list truncated: longer loops are not listed',
};

const KIND_LETTER = { reinforcing: 'R', balancing: 'B', unknown: '?' } as const;

export function exportXlsx(doc: Y.Doc, options: XlsxExportOptions = {}): Uint8Array {
  const snap = readSnapshot(doc, silent);
  const w = (options.language ?? snap.meta.language) === 'en' ? EN : FR;
  const labels = uniqueLabels(snap.factors);
  const label = (id: string) => labels.get(id) ?? '';
  const themeName = themeNamer(doc);
  const stories = readStories(doc, silent);
  const cites = readCitations(doc, snap, stories, silent);
  const found = findLoops(snap);
  const notes = readLoopNotes(doc, silent);
  const markers = loopLabels(found.loops, notes, LOOP_LETTERS_EN);

  const inCount = new Map<string, number>();
  const outCount = new Map<string, number>();
  for (const l of snap.links) {
    outCount.set(l.source, (outCount.get(l.source) ?? 0) + 1);
    inCount.set(l.target, (inCount.get(l.target) ?? 0) + 1);
  }
  const loopCount = new Map<string, number>();
  for (const loop of found.loops) for (const f of loop.factors) loopCount.set(f, (loopCount.get(f) ?? 0) + 1);

  const factors: SheetSpec = {
    name: w.sheets.factors,
    header: w.factors,
    widths: [36, 20, 60, 10, 10, 10, 10, 9, 9, 10],
    wrap: [2],
    rows: snap.factors.map((f) => [
      label(f.id), themeName(f), f.notes, inCount.get(f.id) ?? 0, outCount.get(f.id) ?? 0,
      loopCount.get(f.id) ?? 0, storyCount(cites, { kind: 'factor', id: f.id }), f.x, f.y, f.icon,
    ]),
  };
  const links: SheetSpec = {
    name: w.sheets.links,
    header: w.links,
    widths: [36, 36, 10, 8, 8, 50, 10],
    wrap: [5],
    rows: snap.links.map((l) => [
      label(l.source), label(l.target), l.polarity, l.strength, l.delay ? w.yes : w.no, l.notes,
      storyCount(cites, { kind: 'link', id: l.id }),
    ]),
  };
  // Named loops first, in the order of their markers (R1, R2…, B1…), then the others.
  const ordered: Loop[] = [
    ...found.loops.filter((l) => markers.has(l.id)),
    ...found.loops.filter((l) => !markers.has(l.id)),
  ];
  const loopRows: CellValue[][] = ordered.map((loop) => {
    const note = notes.get(loop.id);
    return [
      markers.get(loop.id), note?.name, KIND_LETTER[loop.kind], loop.factors.length,
      loop.factors.map(label).join(' \u2192 '), note?.key ? w.yes : undefined, note?.notes,
    ];
  });
  if (found.truncated) loopRows.push([undefined, w.truncated]);
  const loops: SheetSpec = { name: w.sheets.loops, header: w.loops, widths: [8, 30, 10, 9, 80, 10, 50], wrap: [4, 6], rows: loopRows };

  const texts = options.storyTexts === true;
  const linkById = new Map(snap.links.map((l) => [l.id, l]));
  const storySheet: SheetSpec = {
    name: w.sheets.stories,
    header: texts ? [...w.stories, w.summary] : w.stories,
    widths: [12, 20, 12, 14, 8, 24, 40, 40, 60],
    wrap: [6, 7, 8],
    rows: stories.map((s) => {
      const on = cites.byStory.get(s.id) ?? { factors: [], links: [] };
      const row: CellValue[] = [
        s.code, s.place, s.date, s.group, s.language, s.tags.join(' | '),
        on.factors.map(label).join(' | '),
        on.links.map((id) => linkById.get(id)).filter((l) => l !== undefined)
          .map((l) => `${label(l.source)} \u2192 ${label(l.target)}`).join(' | '),
      ];
      if (texts) row.push(s.summary);
      return row;
    }),
  };
  return writeWorkbook([factors, links, loops, storySheet], { title: snap.meta.title });
}
