import { PLACEHOLDER_LABEL } from './limits';
import type { FieldSpec, FieldType, Fields, PresenceSpec, RootSpec } from './types';

/**
 * docs/schema.md's tables, written from the spec. The test test/model/spec/docs.test.ts fails
 * when the file disagrees, and rewrites it when run with UPDATE_SCHEMA_DOC=1.
 */
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const chars = (n: number) => n.toLocaleString('en-GB');

export function typeText(type: FieldType): string {
  switch (type.kind) {
    case 'text': {
      const blank = type.blank === 'allowed' ? '' : ', not blank';
      const cut = type.long === 'truncated' ? '; longer is cut' : '';
      return `string (≤ ${chars(type.maxChars)} chars${blank}${cut})`;
    }
    case 'finite':
      return type.min === undefined ? 'finite number' : `finite number ${type.exclusiveMin ? '>' : '≥'} ${type.min}`;
    case 'integer':
      return type.max >= Number.MAX_SAFE_INTEGER ? `integer ≥ ${type.min}` : `integer ${type.min}–${type.max}`;
    case 'boolean':
      return 'boolean';
    case 'enum':
      return type.values.map((v) => `\`'${v}'\``).join(' | ');
    case 'color':
      return '`#rrggbb`';
    case 'date':
      return type.empty ? '`yyyy-mm-dd` or empty' : '`yyyy-mm-dd`';
    case 'set': {
      const limits = [
        type.maxItems === undefined ? '' : `≤ ${type.maxItems} items`,
        type.maxItemChars === undefined ? '' : `of ≤ ${type.maxItemChars} chars`,
      ].filter(Boolean).join(' ');
      return `\`Y.Map<true>\`: ${type.of} → \`true\`${limits ? ` (${limits})` : ''}`;
    }
    case 'object':
      return type.shape;
    case 'map':
      return `\`Y.Map\`: ${type.shape}`;
    case 'records':
      return `\`Y.Map<Y.Map>\`: ${type.of} id → ${type.of}`;
  }
}

function ifBadText(field: FieldSpec): string {
  const placeholder = field.type.kind === 'text' && field.type.blank === 'placeholder'
    ? `; blank: shown as \`${PLACEHOLDER_LABEL}\`` : '';
  if (field.ifBad === 'skip-entry') return `entry skipped${placeholder}`;
  if (field.ifBad === 'drop-field') {
    return field.default === undefined ? `dropped${placeholder}` : `reads as \`${JSON.stringify(field.default)}\`${placeholder}`;
  }
  return `reads as \`${JSON.stringify(field.default)}\`${placeholder}`;
}

function requiredText(field: FieldSpec): string {
  return field.required === true ? 'yes' : field.required === false ? 'no' : field.required;
}

export function fieldsTable(fields: Fields): string {
  const rows = Object.entries(fields).map(([key, field]) =>
    `| \`${key}\` | ${cell(typeText(field.type))} | ${cell(requiredText(field))} | ${cell(ifBadText(field))} | ${cell(field.note)} |`);
  return ['| key | type | required | if a peer wrote it wrong | notes |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

/** The table of one root, with a table for each nested kind of record (a group's actions). */
export function rootTables(spec: RootSpec): string {
  const parts = [fieldsTable(spec.fields)];
  for (const [key, field] of Object.entries(spec.fields)) {
    if (field.type.kind === 'records') parts.push(`An entry of \`${key}\`:\n\n${fieldsTable(field.type.fields)}`);
  }
  return parts.join('\n\n');
}

export function rootsTable(specs: readonly RootSpec[]): string {
  const rows = specs.map((s) =>
    `| \`${s.name}\` | ${s.scope} | ${s.shape} | ${s.undoable ? 'yes' : 'no'} | ${s.json} | ${cell(s.malformed)} |`);
  return ['| root | scope | shape | undo | JSON file | a peer\'s malformed entry |', '| --- | --- | --- | --- | --- | --- |', ...rows].join('\n');
}

export function presenceTable(spec: PresenceSpec): string {
  const rows = Object.entries(spec.fields).map(([key, f]) => `| \`${key}\` | ${cell(f.type)} | ${cell(f.note)} |`);
  return ['| field | type | |', '| --- | --- | --- |', ...rows].join('\n');
}

/** Puts each generated block between its markers (`<!-- spec:name -->` … `<!-- /spec:name -->`). */
export function fillSpecBlocks(doc: string, blocks: ReadonlyMap<string, string>): { text: string; missing: string[] } {
  let text = doc;
  const missing: string[] = [];
  for (const [name, body] of blocks) {
    const open = `<!-- spec:${name} -->`;
    const close = `<!-- /spec:${name} -->`;
    const i = text.indexOf(open);
    const j = text.indexOf(close);
    if (i < 0 || j < i) {
      missing.push(name);
      continue;
    }
    text = `${text.slice(0, i + open.length)}\n${body}\n${text.slice(j)}`;
  }
  return { text, missing };
}

/** What a value must be, in words for an import error ("must be …"). */
export function expectedText(type: FieldType): string {
  if (type.kind === 'color') return 'a colour written #rrggbb';
  if (type.kind === 'text') {
    return `a text of at most ${type.maxChars} characters${type.blank === 'allowed' ? '' : ', not blank'}`;
  }
  return typeText(type).replace(/`/g, '');
}
