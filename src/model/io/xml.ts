import { ioIssue, type IoIssue } from './issues';

/**
 * A small, strict XML reader for the subset GraphML files use: elements, attributes, text,
 * CDATA, comments, processing instructions and a DOCTYPE without internal subset. Entities
 * other than the five predefined ones and character references are refused, which also rules
 * out entity-expansion attacks. Node has no XML parser and this is all GraphML needs.
 */
export interface XmlElement {
  readonly name: string;
  readonly attrs: ReadonlyMap<string, string>;
  readonly children: (XmlElement | string)[];
  readonly line: number;
}

export type XmlResult = { ok: true; root: XmlElement } | { ok: false; errors: IoIssue[] };

const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

class XmlError extends Error {
  constructor(readonly issue: IoIssue) {
    super(issue.message);
  }
}

class Reader {
  private i = 0;
  private lineAt = 0;
  private lineNo = 1;
  constructor(private readonly s: string) {}

  /** Line of position p; positions are mostly asked in increasing order, so counting resumes. */
  line(p = this.i): number {
    if (p < this.lineAt) {
      this.lineAt = 0;
      this.lineNo = 1;
    }
    for (; this.lineAt < p; this.lineAt++) if (this.s.charCodeAt(this.lineAt) === 10) this.lineNo++;
    return this.lineNo;
  }

  fail(detail: string, at = this.i): never {
    const line = this.line(at);
    throw new XmlError(ioIssue('xml.syntax', { line, detail }, `line ${line}`));
  }

  private skipPast(end: string, what: string): number {
    const j = this.s.indexOf(end, this.i);
    if (j < 0) this.fail(`${what} not closed`);
    const start = this.i;
    this.i = j + end.length;
    return start;
  }

  private decode(raw: string, at: number): string {
    return raw.replace(/&([^;&\s]*);?/g, (all, name: string) => {
      if (!all.endsWith(';')) this.fail("'&' must be written &amp;", at);
      const code = /^#x([0-9a-fA-F]+)$/.exec(name)?.[1] ?? /^#(\d+)$/.exec(name)?.[1];
      if (code !== undefined) {
        const n = name.startsWith('#x') ? parseInt(code, 16) : parseInt(code, 10);
        if (n < 1 || n > 0x10ffff) this.fail(`bad character reference &${name};`, at);
        return String.fromCodePoint(n);
      }
      const v = PREDEFINED[name];
      if (v === undefined) {
        const line = this.line(at);
        throw new XmlError(ioIssue('xml.badEntity', { line, entity: name }, `line ${line}`));
      }
      return v;
    });
  }

  private name(): string {
    const m = /^[^\s/>=<"']+/.exec(this.s.slice(this.i, this.i + 256));
    if (!m) this.fail('a name is expected');
    this.i += m[0].length;
    return m[0];
  }

  private spaces(): void {
    while (/\s/.test(this.s[this.i] ?? '')) this.i++;
  }

  private openTag(): { el: XmlElement; selfClosing: boolean } {
    const line = this.line();
    this.i++;
    const name = this.name();
    const attrs = new Map<string, string>();
    for (;;) {
      this.spaces();
      const c = this.s[this.i];
      if (c === undefined) this.fail(`<${name}> not closed`);
      if (c === '>' || (c === '/' && this.s[this.i + 1] === '>')) {
        this.i += c === '>' ? 1 : 2;
        return { el: { name, attrs, children: [], line }, selfClosing: c === '/' };
      }
      const attr = this.name();
      this.spaces();
      if (this.s[this.i] !== '=') this.fail(`'=' expected after ${attr}`);
      this.i++;
      this.spaces();
      const q = this.s[this.i];
      if (q !== '"' && q !== "'") this.fail(`the value of ${attr} must be quoted`);
      const at = ++this.i;
      const end = this.s.indexOf(q, at);
      if (end < 0) this.fail(`the value of ${attr} is not closed`);
      const raw = this.s.slice(at, end);
      if (raw.includes('<')) this.fail(`'<' in the value of ${attr}`);
      if (attrs.has(attr)) this.fail(`${attr} given twice`);
      attrs.set(attr, this.decode(raw, at));
      this.i = end + 1;
    }
  }

  document(): XmlElement {
    const stack: XmlElement[] = [];
    let root: XmlElement | null = null;
    const s = this.s;
    while (this.i < s.length) {
      const top = stack[stack.length - 1];
      if (s.startsWith('<?', this.i)) this.skipPast('?>', 'a processing instruction');
      else if (s.startsWith('<!--', this.i)) this.skipPast('-->', 'a comment');
      else if (s.startsWith('<![CDATA[', this.i)) {
        const start = this.skipPast(']]>', 'a CDATA section');
        if (!top) this.fail('text outside the root element', start);
        top.children.push(s.slice(start + 9, this.i - 3));
      } else if (s.startsWith('<!DOCTYPE', this.i)) {
        const start = this.skipPast('>', 'the DOCTYPE');
        if (s.slice(start, this.i).includes('[')) this.fail('a DOCTYPE with declarations is not supported', start);
      } else if (s.startsWith('</', this.i)) {
        const at = this.i;
        this.i += 2;
        const name = this.name();
        this.spaces();
        if (s[this.i] !== '>') this.fail(`</${name}> not closed`);
        this.i++;
        if (!top || top.name !== name) {
          const line = this.line(at);
          if (!top) this.fail(`</${name}> closes nothing`, at);
          throw new XmlError(ioIssue('xml.mismatch', { line, expected: top.name, found: name }, `line ${line}`));
        }
        stack.pop();
      } else if (s[this.i] === '<') {
        const at = this.i;
        const { el, selfClosing } = this.openTag();
        if (top) top.children.push(el);
        else if (root) this.fail('a second root element', at);
        else root = el;
        if (!selfClosing) stack.push(el);
      } else {
        const at = this.i;
        const end = s.indexOf('<', at);
        this.i = end < 0 ? s.length : end;
        const raw = s.slice(at, this.i);
        if (!top) {
          if (raw.trim() !== '') this.fail('text outside the root element', at);
        } else {
          top.children.push(this.decode(raw, at));
        }
      }
    }
    const open = stack[stack.length - 1];
    if (open) throw new XmlError(ioIssue('xml.unclosed', { line: open.line, name: open.name }, `line ${open.line}`));
    if (!root) this.fail('no element');
    return root;
  }
}

export function parseXml(text: string): XmlResult {
  try {
    // XML reads every line break as \n; a \r that matters was written as &#13;.
    return { ok: true, root: new Reader(text.replace(/\r\n?/g, '\n')).document() };
  } catch (err) {
    if (err instanceof XmlError) return { ok: false, errors: [err.issue] };
    throw err;
  }
}

/** Direct children named `local`, whatever their namespace prefix. */
export function childrenNamed(el: XmlElement, local: string): XmlElement[] {
  return el.children.filter((c): c is XmlElement => typeof c !== 'string' && localName(c.name) === local);
}

export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** All text inside an element, nested elements included. */
export function textOf(el: XmlElement): string {
  return el.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
}
