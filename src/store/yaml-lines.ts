// The quickest reader of a record file: the shapes civsam writes and people write by hand, read
// line by line, with no parser library. It gives exactly the data the strict reader (the `yaml`
// package's core schema) gives, or declines, and the file goes to the strict reader. What it takes:
// - block mappings of plain keys (`name: …`), block lists (`- …`, also indented level with their
//   key), and list items that are mappings (`- pool: …` with the rest of the item below);
// - on a line of its own, each value: a plain value (resolved as the core schema resolves it: null,
//   true/false, integers, floats, else text), a quoted one ("…" with the common escapes, '…'), or
//   a list of plain values in brackets (`[a, b]`), or a block of text (`|`, `|-`, `>`, `>-`, its
//   lines deeper in; a folded one without lines indented further);
// - comments on lines of their own and after values, blank lines.
// Anything else (a value continued on the next line, anchors, tags, flow mappings, document
// markers, an unusual escape, a repeated key, a line of spaces only) is declined. Reading a 40,000-file
// folder for the first time, this did in a fifth of the time what js-yaml (once the bulk reader) did.

interface Line {
  indent: number;
  /** The line's text after its indentation. */
  text: string;
  /** A blank line or a comment: nothing to the structure (it may be a block of text's line). */
  empty: boolean;
}

interface Cursor {
  i: number;
}

/** Declines: thrown inside, caught once at the top. */
const DECLINE = Symbol('decline');

function decline(): never {
  throw DECLINE;
}

/** A key that YAML reads as null, which the strict reader makes the key "" (this reader would keep its letters). */
export const NULL_KEY = /^(?:null|Null|NULL)$/;

/** A key as civsam's fields are named, followed by `:` and a space or the end of the line. */
const KEY = /^[A-Za-z_][A-Za-z0-9_-]*:(?= |$)/;

export function parseLines(text: string): { data: unknown } | undefined {
  // Tabs, carriage returns, other line breaks: where readers part ways.
  if (/[\t\r\u0085\u2028\u2029]/.test(text)) return undefined;
  const lines = linesOf(text);
  if (!lines) return undefined;
  try {
    const at = { i: 0 };
    const first = next(lines, at);
    if (!first || first.indent !== 0) return undefined;
    const data = isItem(first.text) ? sequence(lines, at, 0) : mapping(lines, at, 0);
    return next(lines, at) === undefined ? { data } : undefined;
  } catch (e) {
    if (e === DECLINE) return undefined;
    throw e;
  }
}

/**
 * Every line, or undefined where a line asks for the other readers (a line of spaces only, a
 * document marker, a directive, a last line without its line break).
 */
function linesOf(text: string): Line[] | undefined {
  if (!text.endsWith('\n')) return undefined;
  const out: Line[] = [];
  for (let start = 0; start < text.length;) {
    const end = text.indexOf('\n', start);
    let indent = 0;
    while (text.charCodeAt(start + indent) === 32) indent++;
    const body = text.slice(start + indent, end);
    start = end + 1;
    if (body === '' && indent > 0) return undefined;
    if (indent === 0 && (body.startsWith('---') || body.startsWith('...') || body.charCodeAt(0) === 37 /* % */)) return undefined;
    out.push({ indent, text: body, empty: body === '' || body.charCodeAt(0) === 35 /* # */ });
  }
  return out;
}

/** The next line that holds something (blank lines and comments passed over), not taken. */
function next(lines: Line[], at: Cursor): Line | undefined {
  while (at.i < lines.length && lines[at.i].empty) at.i++;
  return lines[at.i];
}

const isItem = (text: string): boolean => text === '-' || text.startsWith('- ');

function mapping(lines: Line[], at: Cursor, indent: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let line = next(lines, at); line && line.indent >= indent; line = next(lines, at)) {
    if (line.indent > indent || isItem(line.text)) decline();
    const key = KEY.exec(line.text);
    if (!key) decline();
    const name = key[0].slice(0, -1);
    if (name === '__proto__' || NULL_KEY.test(name) || Object.hasOwn(out, name)) decline();
    const rest = spacesOff(line.text.slice(key[0].length));
    at.i++;
    out[name] = rest === '' || rest.charCodeAt(0) === 35 ? nested(lines, at, indent, true) : inline(rest, lines, at, indent);
  }
  return out;
}

function sequence(lines: Line[], at: Cursor, indent: number): unknown[] {
  const out: unknown[] = [];
  for (let line = next(lines, at); line && line.indent === indent && isItem(line.text); line = next(lines, at)) {
    let skip = 1;
    while (line.text.charCodeAt(skip) === 32) skip++;
    const rest = line.text.slice(skip);
    if (rest === '' || rest.charCodeAt(0) === 35) {
      at.i++;
      out.push(nested(lines, at, indent, false));
    } else if (isItem(rest)) {
      decline();
    } else if (KEY.test(rest)) {
      // A mapping that begins on the item's line: its keys stand where its first key stands.
      lines[at.i] = { indent: indent + skip, text: rest, empty: false };
      out.push(mapping(lines, at, indent + skip));
    } else {
      at.i++;
      out.push(inline(rest, lines, at, indent));
    }
  }
  return out;
}

/** The value below a key or item that has none on its line: a block deeper in, a list level with its key, or null. */
function nested(lines: Line[], at: Cursor, indent: number, underKey: boolean): unknown {
  const below = next(lines, at);
  if (!below || below.indent < indent) return null;
  if (below.indent === indent) return underKey && isItem(below.text) ? sequence(lines, at, indent) : null;
  return isItem(below.text) ? sequence(lines, at, below.indent) : mapping(lines, at, below.indent);
}

/** A value written on its key's or item's line (`at` is past that line, where a block of text's lines begin). */
function inline(rest: string, lines: Line[], at: Cursor, indent: number): unknown {
  const c = rest.charCodeAt(0);
  if (c === 34 /* " */) return quoted(rest, doubleQuoted(rest));
  if (c === 39 /* ' */) return quoted(rest, singleQuoted(rest));
  if (c === 91 /* [ */) return flowList(rest);
  if (c === 124 /* | */ || c === 62 /* > */) return block(rest, lines, at, indent);
  return resolve(plain(rest, false));
}

const BLOCK_HEADER = /^([|>])(-?)(?: +#.*)?$/;

/**
 * A block of text whose header (`|`, `|-`, `>`, `>-`) ends the line of a key or item at `indent`:
 * its lines are those after it indented further, up to the first line that holds something and is
 * indented less than the block's first line; blank lines among them are the block's, those after
 * its last line of text are not (they would be for `+`, which is declined). Declined too: an
 * indentation indicator, a block with no line or with blank lines before its first, and a folded
 * block with a line indented further than its first (folding keeps those lines' breaks).
 */
function block(header: string, lines: Line[], at: Cursor, indent: number): string {
  const h = BLOCK_HEADER.exec(header);
  if (!h) decline();
  const first = lines[at.i];
  if (!first || first.text === '' || first.indent <= indent) decline();
  const own = first.indent;
  const texts: string[] = [];
  let end = at.i;
  for (let k = at.i; k < lines.length; k++) {
    const line = lines[k];
    if (line.text === '') {
      texts.push('');
      continue;
    }
    if (line.indent < own) break;
    if (h[1] === '>' && line.indent > own) decline();
    // Kept from the block's indentation on: a deeper line of a literal block keeps its extra spaces.
    texts.push(' '.repeat(line.indent - own) + line.text);
    end = k + 1;
  }
  texts.length = end - at.i;
  at.i = end;
  let value = '';
  if (h[1] === '|') value = texts.join('\n');
  else {
    let afterBlank = true;
    for (const t of texts) {
      if (t === '') {
        value += '\n';
        afterBlank = true;
      } else {
        if (!afterBlank) value += ' ';
        value += t;
        afterBlank = false;
      }
    }
  }
  return h[2] === '-' ? value : `${value}\n`;
}

/** What follows a closing quote or bracket may only be a comment. */
function endsCleanly(rest: string, from: number): boolean {
  let i = from;
  while (rest.charCodeAt(i) === 32) i++;
  return i === rest.length || (i > from && rest.charCodeAt(i) === 35);
}

function quoted(rest: string, read: { value: string; end: number }): string {
  if (!endsCleanly(rest, read.end)) decline();
  return read.value;
}

const ESCAPES: Record<string, string> = { '\\': '\\', '"': '"', '/': '/', n: '\n', t: '\t', r: '\r', '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', v: '\v', ' ': ' ', N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029' };

function doubleQuoted(rest: string): { value: string; end: number } {
  let value = '';
  let from = 1;
  for (let i = 1; i < rest.length; i++) {
    const c = rest.charCodeAt(i);
    if (c === 34) return { value: value + rest.slice(from, i), end: i + 1 };
    if (c !== 92 /* \ */) continue;
    value += rest.slice(from, i);
    const e = rest[i + 1];
    if (e !== undefined && Object.hasOwn(ESCAPES, e)) {
      value += ESCAPES[e];
      i++;
    } else if (e === 'x' || e === 'u' || e === 'U') {
      const digits = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      const hex = rest.slice(i + 2, i + 2 + digits);
      if (!new RegExp(`^[0-9a-fA-F]{${digits}}$`).test(hex)) decline();
      const code = parseInt(hex, 16);
      // Half a surrogate pair, or past the last code point: the strict reader decides.
      if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) decline();
      value += String.fromCodePoint(code);
      i += 1 + digits;
    } else {
      decline();
    }
    from = i + 1;
  }
  return decline(); // not closed on its line
}

function singleQuoted(rest: string): { value: string; end: number } {
  let value = '';
  let from = 1;
  for (let i = 1; i < rest.length; i++) {
    if (rest.charCodeAt(i) !== 39) continue;
    value += rest.slice(from, i);
    if (rest.charCodeAt(i + 1) === 39) {
      value += "'";
      i++;
      from = i + 1;
      continue;
    }
    return { value, end: i + 1 };
  }
  return decline();
}

/** `[a, b]` of plain values, on one line. */
function flowList(rest: string): unknown[] {
  const close = rest.indexOf(']');
  if (close < 0 || !endsCleanly(rest, close + 1)) decline();
  const inner = rest.slice(1, close);
  // A comment inside the brackets runs to the end of the line, so they are never closed: the strict reader says so.
  if (inner.includes(' #')) decline();
  if (spacesOff(inner) === '') return [];
  return inner.split(',').map((part) => resolve(plain(spacesOff(part), true)));
}

/**
 * The text without the spaces before and after it: spaces only, as YAML separates values (tabs are
 * declined before this). Not `trim`: that takes a no-break space, an ideographic space or a BOM
 * too, which YAML keeps as part of the value, and the strict reader would give another text.
 */
function spacesOff(text: string): string {
  let from = 0;
  let to = text.length;
  while (from < to && text.charCodeAt(from) === 32) from++;
  while (to > from && text.charCodeAt(to - 1) === 32) to--;
  return from === 0 && to === text.length ? text : text.slice(from, to);
}

/** A plain value's text: up to a comment, trailing spaces off; declined where it could be read otherwise. */
function plain(raw: string, inFlow: boolean): string {
  let text = raw;
  const comment = text.indexOf(' #');
  if (comment >= 0) text = text.slice(0, comment);
  text = spacesOff(text);
  if (text === '') {
    if (inFlow) decline(); // `[a, , b]`, `[a,]`
    return text;
  }
  const c = text[0];
  // An indicator first: a list item, a tag, an anchor, an alias, a block of text, a directive…
  if ('?:,[]{}#&*!|>\'"%@`'.includes(c) || (c === '-' && (text.length === 1 || text[1] === ' '))) decline();
  // A key in the value (`a: b: c`), or brackets and quotes in a bracketed list: the other readers decide.
  if (text.includes(': ') || text.endsWith(':')) decline();
  if (inFlow && /[[\]{}"'#:]/.test(text)) decline();
  return text;
}

/** A plain value as YAML 1.2's core schema reads it (as the `yaml` package does). */
function resolve(s: string): unknown {
  if (s.length <= 4 && /^(?:~|[Nn]ull|NULL)?$/.test(s)) return null;
  if ((s.length === 4 || s.length === 5) && /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(s)) return s[0] === 't' || s[0] === 'T';
  const c = s.charCodeAt(0);
  if (!((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46)) return s;
  if (/^[-+]?[0-9]+$/.test(s)) return parseInt(s, 10);
  if (/^0o[0-7]+$/.test(s)) return parseInt(s.substring(2), 8);
  if (/^0x[0-9a-fA-F]+$/.test(s)) return parseInt(s.substring(2), 16);
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(s)) return s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(s) || /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(s)) return parseFloat(s);
  return s;
}
