import { canonicalLoopId } from '../analysis/loops';
import { isLoopId } from '../loops';
import { MAX_LABEL_CHARS, MAX_NOTES_CHARS, type Polarity } from '../schema';
import { ioIssue, IssueList, type IoIssue } from './issues';
import type { IoCode, IoParams } from './messages';
import {
  limitIssues, type MetaValue, type ParsedFactor, type ParsedFormat, type ParsedLink, type ParseResult,
} from './parsed';
import { parsePolarity, parseStrength } from './values';

/**
 * Elements and connections as Kumu and PRSM hold them (in a workbook or a Kumu blueprint),
 * turned into a ParsedMap the one way for both: a type (or the first tag) becomes the theme,
 * the other tags stay visible in the notes, a connection type that says + or − becomes the
 * polarity, links are found by id or by label, and what a peer tool allows but a causal map
 * cannot hold (a factor causing itself, two arrows from A to B) is left out with a warning
 * rather than refusing the whole file.
 */
export interface Place {
  /** For the message: sheet/row/column, or a JSON path. */
  readonly params: IoParams;
  readonly where: string;
  /** What a later duplicate names as its first occurrence: a row number or a JSON path. */
  readonly short: string | number;
}

export interface PeerElement {
  readonly place: Place;
  /** An id the file gives (Kumu's _id, a workbook's ID column); the label is the key otherwise. */
  readonly id?: string;
  readonly label: string;
  readonly type?: string;
  readonly tags: readonly string[];
  readonly notes?: string;
  readonly x?: number;
  readonly y?: number;
  /** Trame's own workbook names the factor's icon. */
  readonly icon?: string;
}

export interface PeerConnection {
  readonly place: Place;
  readonly id?: string;
  /** Ids or labels; a workbook may list several, separated by `|`. */
  readonly from: string;
  readonly to: string;
  /** From a polarity column, already checked. */
  readonly polarity?: Polarity;
  /** Kumu's connection type: a polarity when it says one. */
  readonly type?: string;
  readonly strength?: string;
  readonly delay?: boolean;
  /** Text shown on the arrow in Kumu or PRSM; Trame keeps it at the head of the note. */
  readonly label?: string;
  readonly notes?: string;
  /** Kumu's `direction`: directed (the default), undirected, or mutual (both ways). */
  readonly direction?: string;
}

export interface PeerLoop {
  readonly name: string;
  readonly notes?: string;
  readonly key?: boolean;
  /** The loop as Kumu holds it: its connections' ids… */
  readonly connections?: readonly string[];
  /** …or as Trame's workbook writes it: its factors in order. */
  readonly factors?: readonly string[];
}

export interface PeerInput {
  readonly dialect: 'xlsx' | 'kumu';
  readonly format: ParsedFormat;
  readonly meta?: Readonly<Record<string, MetaValue>>;
  readonly elements: readonly PeerElement[];
  readonly connections: readonly PeerConnection[];
  readonly loops?: readonly PeerLoop[];
  /** Whether a connection may name a factor no element lists (Kumu's spreadsheets and blueprints create it). */
  readonly implicitFactors: boolean;
  /** Where the type/strength summaries point (a sheet); absent for a blueprint. */
  readonly summaryParams?: IoParams;
  readonly warnings: readonly IoIssue[];
  /** Problems the caller found reading the file, reported with the builder's own. */
  readonly errors?: readonly IoIssue[];
}

function fold(v: string): string {
  return v.trim().toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/** A theme or tag: one line, within the label limit. */
function tagText(v: string): string {
  return v.replace(/\s+/g, ' ').trim();
}

export function splitTags(raw: string): string[] {
  return raw.split('|').map(tagText).filter((t) => t !== '');
}

class Builder {
  readonly errors = new IssueList();
  readonly warnings: IoIssue[];
  readonly factors: ParsedFactor[] = [];
  readonly links: ParsedLink[] = [];
  private readonly byKey = new Map<string, ParsedFactor>();
  private readonly byLabel = new Map<string, ParsedFactor>();
  private readonly firstPlace = new Map<string, Place>();
  private readonly pairs = new Map<string, Place>();
  private readonly linkByKey = new Map<string, ParsedLink>();
  private untyped = { count: 0, value: '' };
  private unstrong = { count: 0, value: '' };
  private undirected = 0;

  constructor(private readonly input: PeerInput) {
    this.warnings = [...input.warnings];
  }

  private code(name: string): IoCode {
    return `${this.input.dialect}.${name}` as IoCode;
  }

  private error(name: string, place: Place, params: IoParams = {}): void {
    this.errors.add(this.code(name), { ...place.params, ...params }, place.where);
  }

  private warn(name: string, place: Place, params: IoParams = {}): void {
    this.warnings.push(ioIssue(this.code(name), { ...place.params, ...params }, place.where));
  }

  private tooLong(place: Place, field: string, value: string | undefined, max: number): boolean {
    if (value === undefined || value.length <= max) return false;
    this.error('tooLong', place, { field, max });
    return true;
  }

  element(e: PeerElement): void {
    const label = e.label.trim();
    const key = e.id ?? label;
    const first = this.firstPlace.get(key);
    if (first) {
      if (this.input.dialect === 'kumu') this.error('duplicateId', e.place, { id: key });
      else this.error('duplicateFactor', e.place, { label, first: first.short });
      return;
    }
    this.firstPlace.set(key, e.place);
    const tags = e.tags.map(tagText).filter((t) => t !== '');
    const type = e.type === undefined ? '' : tagText(e.type);
    const theme = type !== '' ? type : tags[0];
    const rest = type !== '' ? tags : tags.slice(1);
    const notes = [e.notes?.trim() ? e.notes : undefined, rest.length > 0 ? `Tags: ${rest.join(' | ')}` : undefined]
      .filter((n) => n !== undefined).join('\n\n');
    const bad = [
      this.tooLong(e.place, 'label', label, MAX_LABEL_CHARS),
      this.tooLong(e.place, 'theme', theme, MAX_LABEL_CHARS),
      this.tooLong(e.place, 'notes', notes, MAX_NOTES_CHARS),
    ].some(Boolean);
    if (bad) return;
    const f: { -readonly [K in keyof ParsedFactor]: ParsedFactor[K] } = { key, label };
    if (e.x !== undefined && e.y !== undefined && Number.isFinite(e.x) && Number.isFinite(e.y)) {
      f.x = e.x;
      f.y = e.y;
    }
    if (theme) f.theme = theme;
    if (notes !== '') f.notes = notes;
    if (e.icon?.trim()) f.icon = e.icon.trim().slice(0, 64);
    this.add(f);
  }

  private add(f: ParsedFactor): void {
    this.factors.push(f);
    this.byKey.set(f.key, f);
    if (!this.byLabel.has(f.label)) this.byLabel.set(f.label, f);
  }

  /** Factors a reference names: by id, by label, else each `|`-separated part, else a new factor. */
  private resolve(ref: string, place: Place): ParsedFactor[] | null {
    const v = ref.trim();
    const found = this.byKey.get(v) ?? this.byLabel.get(v);
    if (found) return [found];
    const parts = splitTags(v);
    if (parts.length > 1) {
      const each: ParsedFactor[] = [];
      for (const p of parts) {
        const r = this.resolve(p, place);
        if (!r) return null;
        each.push(...r);
      }
      return each;
    }
    if (!this.input.implicitFactors) {
      this.error('unknownElement', place, { id: v.slice(0, 80) });
      return null;
    }
    if (this.tooLong(place, 'label', v, MAX_LABEL_CHARS)) return null;
    const f: ParsedFactor = { key: v, label: v };
    this.add(f);
    return [f];
  }

  connection(c: PeerConnection): void {
    const sources = this.resolve(c.from, c.place);
    const targets = this.resolve(c.to, c.place);
    if (!sources || !targets) return;
    const text = [c.label?.trim() ? c.label.trim() : undefined, c.notes?.trim() ? c.notes : undefined]
      .filter((n) => n !== undefined).join('\n');
    if (this.tooLong(c.place, 'notes', text, MAX_NOTES_CHARS)) return;
    let polarity = c.polarity;
    if (polarity === undefined) {
      const type = c.type?.trim() ?? '';
      polarity = type === '' ? '?' : (parsePolarity(type) ?? '?');
      if (type !== '' && parsePolarity(type) === null) {
        this.untyped.count++;
        if (this.untyped.value === '') this.untyped.value = type.slice(0, 40);
      }
    }
    const strength = c.strength === undefined ? undefined : parseStrength(c.strength);
    if (strength === null) {
      this.unstrong.count++;
      if (this.unstrong.value === '') this.unstrong.value = String(c.strength).slice(0, 40);
    }
    const d = c.direction === undefined ? 'directed' : fold(c.direction);
    if (d === 'undirected') this.undirected++;
    const pairs = sources.flatMap((s) => targets.map((t) => [s, t] as const));
    if (d === 'mutual') pairs.push(...pairs.map(([s, t]) => [t, s] as const));
    const single = pairs.length === 1;
    for (const [s, t] of pairs) {
      if (s.key === t.key) {
        this.warn('selfLink', c.place, { label: s.label });
        continue;
      }
      const pair = `${s.key}\u0000${t.key}`;
      const first = this.pairs.get(pair);
      if (first) {
        this.warn('duplicateLink', c.place, { first: first.short });
        continue;
      }
      this.pairs.set(pair, c.place);
      const l: { -readonly [K in keyof ParsedLink]: ParsedLink[K] } = { source: s.key, target: t.key, polarity };
      if (c.id !== undefined && single) {
        l.key = c.id;
        this.linkByKey.set(c.id, l);
      }
      if (typeof strength === 'number') l.strength = strength;
      if (c.delay) l.delay = true;
      if (text !== '') l.notes = text;
      this.links.push(l);
    }
  }

  private loopFactors(loop: PeerLoop): string[] | null {
    if (loop.factors) {
      const keys = loop.factors.map((ref) => (this.byKey.get(ref.trim()) ?? this.byLabel.get(ref.trim()))?.key);
      if (keys.some((k) => k === undefined)) return null;
      const ks = keys as string[];
      return ks.every((k, i) => this.pairs.has(`${k}\u0000${ks[(i + 1) % ks.length]}`)) ? ks : null;
    }
    // Kumu lists a loop's connections in any order: follow them from the first one.
    const links = (loop.connections ?? []).map((id) => this.linkByKey.get(id));
    if (links.length < 2 || links.some((l) => l === undefined)) return null;
    const bySource = new Map((links as ParsedLink[]).map((l) => [l.source, l]));
    if (bySource.size !== links.length) return null;
    const order: string[] = [];
    let at = links[0]!;
    for (let i = 0; i < links.length; i++) {
      order.push(at.source);
      const next = bySource.get(at.target);
      if (!next) return null;
      at = next;
    }
    return at === links[0] && new Set(order).size === order.length ? order : null;
  }

  loops(): { id: string; name: string; key?: boolean; notes?: string }[] {
    const out: { id: string; name: string; key?: boolean; notes?: string }[] = [];
    const seen = new Set<string>();
    for (const loop of this.input.loops ?? []) {
      const name = loop.name.trim().slice(0, MAX_LABEL_CHARS);
      const factors = this.loopFactors(loop);
      const id = factors && !factors.some((k) => k.includes('>')) ? canonicalLoopId(factors) : null;
      if (!id || !isLoopId(id) || seen.has(id)) {
        if (name !== '') this.warnings.push(ioIssue('kumu.loopSkipped', { name: name.slice(0, 80) }));
        continue;
      }
      seen.add(id);
      if (name === '' && !loop.key && !loop.notes) continue;
      out.push({
        id,
        name,
        ...(loop.key ? { key: true } : {}),
        ...(loop.notes?.trim() ? { notes: loop.notes.slice(0, MAX_NOTES_CHARS) } : {}),
      });
    }
    return out;
  }

  summaries(): void {
    const at = this.input.summaryParams ?? {};
    if (this.untyped.count > 0) {
      this.warnings.push(ioIssue(this.code('typeNotPolarity'), { ...at, count: this.untyped.count, value: this.untyped.value }));
    }
    if (this.unstrong.count > 0) {
      this.warnings.push(ioIssue(this.code('strengthDropped'), { ...at, count: this.unstrong.count, value: this.unstrong.value }));
    }
    if (this.undirected > 0) this.warnings.push(ioIssue('kumu.undirected', { count: this.undirected }));
  }
}

export function buildPeerMap(input: PeerInput): ParseResult {
  const b = new Builder(input);
  for (const issue of input.errors ?? []) b.errors.push(issue);
  for (const e of input.elements) b.element(e);
  for (const c of input.connections) b.connection(c);
  for (const issue of limitIssues(b.factors.length, b.links.length)) b.errors.push(issue);
  if (!b.errors.empty) return { ok: false, errors: b.errors.toArray() };
  b.summaries();
  const loops = b.loops();
  return {
    ok: true,
    map: {
      format: input.format,
      meta: input.meta ?? {},
      factors: b.factors,
      links: b.links,
      keepIds: input.dialect === 'kumu',
      matchByLabel: true,
      themeIsName: true,
      sections: loops.length > 0 ? { loops } : {},
      warnings: b.warnings,
    },
  };
}
