import type { FieldType } from '../../../src/model/spec';

/** A value that fits the field's type, made from the spec alone. */
export function goodValue(type: FieldType): unknown {
  switch (type.kind) {
    case 'text': return 'x'.repeat(Math.min(type.maxChars, 3));
    case 'finite': return (type.min ?? 0) + 1;
    case 'integer': return type.min;
    case 'boolean': return true;
    case 'enum': return type.values[0];
    case 'color': return '#0072B2';
    case 'date': return '2024-03-01';
    case 'object': return type.shape.includes('zoom') ? { x: 1, y: 2, zoom: 1 } : { kind: 'factor', id: 'f1' };
    default: return undefined;
  }
}

/** Values that do not fit, each with what is wrong with it. */
export function badValues(type: FieldType): [string, unknown][] {
  const wrongType: [string, unknown] = ['of the wrong type', type.kind === 'text' || type.kind === 'enum' || type.kind === 'color' || type.kind === 'date' ? 42 : 'text'];
  switch (type.kind) {
    case 'text': {
      const out: [string, unknown][] = [wrongType];
      if (type.long !== 'truncated') out.push(['one char over its limit', 'x'.repeat(type.maxChars + 1)]);
      if (type.blank === 'refused') out.push(['blank', '  ']);
      return out;
    }
    case 'finite': return [wrongType, ['not finite', Number.POSITIVE_INFINITY]];
    case 'integer': return [wrongType, ['below its minimum', type.min - 1], ['not whole', type.min + 0.5]];
    case 'boolean': return [wrongType];
    case 'enum': return [wrongType, ['not one of its values', 'nope']];
    case 'color': return [wrongType, ['not #rrggbb', 'red']];
    case 'date': return [wrongType, ['not a calendar date', '2024-02-30']];
    case 'object': return [wrongType, ['missing parts', {}]];
    default: return [];
  }
}
