import { f } from './fields';
import { MAX_ICON_CHARS, MAX_LABEL_CHARS, MAX_NOTES_CHARS } from './limits';
import { ROOT } from './names';
import type { RootSpec } from './types';

export const FACTORS_SPEC: RootSpec = {
  name: ROOT.factors,
  scope: 'document',
  shape: 'records',
  entry: 'factor',
  key: { describe: 'factor id' },
  about: 'The factors of the map: what changes, and what the group says drives it.',
  fields: {
    label: f.text(MAX_LABEL_CHARS, 'placeholder',
      'refused blank by every writer and importer; a blank label written by a peer is shown as `…`, so an export still re-imports',
      { required: true }),
    x: f.finite('canvas position of the top-left corner; written when a drag ends, never per frame', { required: true }),
    y: f.finite('', { required: true }),
    theme: f.text(MAX_LABEL_CHARS, 'allowed', 'a theme id from `themes` (or, in maps made before themes, a theme name)'),
    notes: f.text(MAX_NOTES_CHARS, 'allowed'),
    icon: f.text(MAX_ICON_CHARS, 'allowed', 'a pictogram name from the bundled set; names this version does not know are kept and not drawn'),
    sources: f.map('mini-map key (its title without case, accents or extra spaces) → `{ map, label, key?, added? }`',
      'provenance (issue 18): the mini-maps the factor came from, the label each group gave it, its id in the mini-map file, `added` when that merge created it; merging the same mini-map again replaces its entry; at most 1,000; read by src/model/merge/provenance.ts. In the JSON file: `sources: [{ map, label, added? }]`'),
    placed: f.boolean('present only when `true`: a person moved this factor by hand, so "tidy around what I placed" leaves it where it is; set by a drag, never by a layout', { onlyTrue: true }),
  },
  undoable: true,
  json: 'core',
  malformed: 'An entry that is not a map, or whose label or position is bad, is skipped with a warning; a bad optional field is dropped.',
  migrations: [],
};
