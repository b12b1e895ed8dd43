// Turning a record into YAML text, and changing a hand-written file's text so that everything
// outside the changed fields stays exactly as it was (comments, key order, blank lines, quoting).
// Every text produced here is read back with both of the loader's parsers and must give exactly
// the data intended; when it does not (the yaml library has round-trip bugs with some multi-line
// strings), a plainer style is tried, and if that fails too the caller refuses to write.
import { Document, isMap, isPair, isScalar, isSeq, parseDocument, Scalar, visit, YAMLMap, type Node, type Pair } from 'yaml';
import { isPlainObject, sameData, type Data } from '../domain/plain-data.js';
import { parseFast, parseStrict } from './yaml-read.js';

export const SCHEMA_COMMENT = 'yaml-language-server: $schema=';

/** Where a key goes among its siblings: its position in the schema's property order. */
export type KeyRank = (parent: readonly string[], key: string) => number;
export const noRank: KeyRank = () => Number.POSITIVE_INFINITY;

/** Whether both of the loader's parsers read `text` as exactly `data`. */
export function readsBackAs(text: string, data: unknown): boolean {
  const strict = parseStrict(text);
  if (strict.problems.length > 0 || !sameData(strict.data, data)) return false;
  const fast = parseFast(text);
  return fast === undefined || sameData(fast.data, data);
}

/** The data with object keys in schema order (unknown keys after, in their own order). */
export function ordered(value: unknown, rank: KeyRank, parent: string[] = []): unknown {
  if (Array.isArray(value)) return value.map((v) => ordered(v, rank, parent));
  if (!isPlainObject(value)) return value;
  const keys = Object.keys(value);
  const pos = new Map(keys.map((k, i) => [k, i]));
  keys.sort((a, b) => rank(parent, a) - rank(parent, b) || pos.get(a)! - pos.get(b)!);
  return Object.fromEntries(keys.map((k) => [k, ordered(value[k], rank, [...parent, k])]));
}

interface Style {
  /** Strings double-quoted, never block scalars: plainer, always able to round-trip. */
  safe: boolean;
  indent: number;
  indentSeq: boolean;
}

const STRICT_PARSE = { version: '1.2', schema: 'core', merge: false, uniqueKeys: true, strict: true, prettyErrors: false, keepSourceTokens: false } as const;

function toText(doc: Document, style: Style): string {
  // Double-quoted strings as JSON writes them (escapes, one line): the library's folded
  // double-quoted output does not always read back (a lone space after a line break, say).
  return doc.toString({ lineWidth: 0, minContentWidth: 0, indent: style.indent, indentSeq: style.indentSeq, flowCollectionPadding: false, doubleQuotedAsJSON: true, ...(style.safe ? { blockQuote: false, defaultStringType: 'QUOTE_DOUBLE' as const, defaultKeyType: 'PLAIN' as const } : {}) });
}

/**
 * Whether a multi-line string is plain prose a block scalar (`|`) carries faithfully: no line
 * starts or ends with white space, no blank line at the start or end, no unusual line breaks or
 * control characters. Anything else is written double-quoted.
 */
function blockFriendly(s: string): boolean {
  return /^[^\s](?:[^\n]*[^\s])?(?:\n(?:[^\s](?:[^\n]*[^\s])?)?)*\n?$/.test(s) && !/\n\n?$/.test(s.replace(/\n$/, '')) && !/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff]/.test(s);
}

/** The style a string scalar starts with: multi-line text that is not plain prose is quoted. */
function stringStyle(value: string): Scalar.Type | undefined {
  return value.includes('\n') && !blockFriendly(value) ? Scalar.QUOTE_DOUBLE : undefined;
}

/** Lists of short scalars are written inline (`areas: [psychiatry, social]`), as people write them. */
function inlineShortLists(node: unknown): void {
  visit(node as Node, {
    Seq(_, seq) {
      if (seq.items.length > 0 && seq.items.every((i) => isScalar(i) && (typeof i.value !== 'string' || (!i.value.includes('\n') && i.value.length <= 60)))) {
        const width = seq.items.reduce((n: number, i) => n + String((i as Scalar).value).length + 2, 0);
        if (width <= 80) seq.flow = true;
      }
    },
  });
}

function quoteStrings(node: unknown): void {
  if (isScalar(node)) {
    if (typeof node.value === 'string') node.type = Scalar.QUOTE_DOUBLE;
    return;
  }
  visit(node as Node, {
    Scalar(_, s) {
      if (typeof s.value === 'string') s.type = Scalar.QUOTE_DOUBLE;
    },
  });
}

function newNode(doc: Document, value: unknown, style: Style): Node {
  const n = doc.createNode(value) as Node;
  if (!isScalar(n)) inlineShortLists(n);
  if (style.safe) quoteStrings(n);
  else if (isScalar(n)) { if (typeof n.value === 'string') n.type = stringStyle(n.value); }
  else visit(n, { Scalar(_, sc) { if (typeof sc.value === 'string') sc.type = stringStyle(sc.value); } });
  return n;
}

function header(schemaPath: string): string {
  return `# ${SCHEMA_COMMENT}${schemaPath}\n`;
}

/** A new record's file text, starting with the schema line for editors. Undefined if no style reads back. */
export function serialise(data: Data, schemaPath: string, rank: KeyRank = noRank): string | undefined {
  const value = ordered(data, rank);
  for (const safe of [false, true]) {
    const style: Style = { safe, indent: 2, indentSeq: true };
    const doc = new Document(null, { version: '1.2' });
    doc.contents = newNode(doc, value, style) as typeof doc.contents;
    const text = header(schemaPath) + toText(doc, style);
    if (readsBackAs(text, data)) return text;
  }
  return undefined;
}

/** How the file indents, so a rewritten field looks like its neighbours. */
function detectStyle(text: string): { indent: number; indentSeq: boolean } {
  const lines = text.split('\n');
  let indent = 0;
  let indentSeq: boolean | undefined;
  for (let i = 0; i + 1 < lines.length; i++) {
    if (!/^[A-Za-z_][\w-]*:\s*(#.*)?$/.test(lines[i])) continue;
    const next = lines[i + 1];
    const m = /^( *)(- |[A-Za-z_])/.exec(next);
    if (!m) continue;
    if (m[2] === '- ') indentSeq ??= m[1].length > 0;
    if (m[1].length > 0 && indent === 0 && m[2] !== '- ') indent = m[1].length;
    if (m[1].length > 0 && indent === 0 && m[2] === '- ') indent = m[1].length;
  }
  return { indent: indent >= 2 && indent <= 8 ? indent : 2, indentSeq: indentSeq ?? true };
}

/** Changes `node` (which holds `before`) to hold `after`, keeping whatever does not change. */
function patchNode(doc: Document, node: unknown, before: unknown, after: unknown, path: string[], rank: KeyRank, style: Style): Node {
  if (node !== undefined && node !== null && sameData(before, after)) return node as Node;
  const scalarValue = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);
  if (isScalar(node) && scalarValue(after) && scalarValue(before)) {
    node.value = after;
    if (style.safe && typeof after === 'string') node.type = Scalar.QUOTE_DOUBLE;
    else if (typeof after !== 'string') node.type = undefined;
    else if (after.includes('\n')) {
      // Keep a block scalar's style for prose; quote anything a block scalar would not carry.
      if (!blockFriendly(after)) node.type = Scalar.QUOTE_DOUBLE;
      else if (node.type !== Scalar.BLOCK_FOLDED && node.type !== Scalar.BLOCK_LITERAL) node.type = undefined;
    } else if (node.type === Scalar.BLOCK_FOLDED || node.type === Scalar.BLOCK_LITERAL) {
      node.type = undefined; // one line: let the library choose
    }
    return node;
  }
  if (isMap(node) && isPlainObject(before) && isPlainObject(after)) {
    node.items = node.items.filter((p) => !(isScalar(p.key) && !Object.hasOwn(after, String(p.key.value))));
    for (const p of node.items) {
      if (!isScalar(p.key)) continue;
      const k = String(p.key.value);
      if (Object.hasOwn(before, k) && !sameData(before[k], after[k])) p.value = patchNode(doc, p.value, before[k], after[k], [...path, k], rank, style);
    }
    for (const k of Object.keys(after)) {
      if (Object.hasOwn(before, k)) continue;
      const pair = doc.createPair(k, null) as Pair<Scalar, Node>;
      pair.value = newNode(doc, ordered(after[k], rank, [...path, k]), style);
      if (node.flow) inlineShortLists(pair.value);
      const r = rank(path, k);
      let at = node.items.length;
      // After the last sibling that comes before it in schema order.
      for (let i = node.items.length - 1; i >= 0; i--) {
        const key = node.items[i].key;
        if (isScalar(key) && rank(path, String(key.value)) < r) { at = i + 1; break; }
        if (i === 0) at = 0;
      }
      node.items.splice(at, 0, pair as never);
    }
    return node;
  }
  if (isSeq(node) && Array.isArray(before) && Array.isArray(after)) {
    // An inline list of plain values that now holds objects (plain-text criteria given again, now
    // with ids) is written one item a line, as a new file has it, not as objects crammed on one line.
    const isObject = (v: unknown) => v !== null && typeof v === 'object';
    if (node.flow && !before.some(isObject) && after.some(isObject)) return newNode(doc, ordered(after, rank, path), style);
    const from = sameItems(before, after);
    if (inPlace(before, after, from)) {
      node.items = node.items.map((item, i) => patchNode(doc, item, before[i], after[i], path, rank, style)) as never;
      return node;
    }
    if (after.length > before.length && before.every((b, i) => sameData(b, after[i]))) {
      for (const v of after.slice(before.length)) node.items.push(newNode(doc, ordered(v, rank, path), style) as never);
      return node;
    }
    if (after.length < before.length) {
      // Items removed, the rest in order: keep the remaining items' nodes (and their comments).
      const kept: unknown[] = [];
      let j = 0;
      for (let i = 0; i < before.length && j <= after.length; i++) {
        if (j < after.length && sameData(before[i], after[j])) { kept.push(node.items[i]); j++; }
      }
      if (j === after.length) { node.items = kept as never; return node; }
    }
    if (node.items.length === before.length && from.some((i) => i !== undefined)) {
      // Items given in another order, or some of them new: each kept item's node goes where its
      // value now is, its comments with it.
      node.items = after.map((v, j) => (from[j] === undefined ? newNode(doc, ordered(v, rank, path), style) : node.items[from[j]!])) as never;
      return node;
    }
  }
  const fresh = newNode(doc, ordered(after, rank, path), style);
  // A list keeps the form it had: a block list (which may carry comments) is never made an inline one.
  if (isSeq(fresh) && isSeq(node)) fresh.flow = node.flow === true;
  return fresh;
}

/**
 * Which item of `before` each item of `after` is: an equal one not taken yet (the one at the same
 * place first), or undefined for an item that is new or changed.
 */
function sameItems(before: readonly unknown[], after: readonly unknown[]): Array<number | undefined> {
  const taken = new Set<number>();
  return after.map((v, j) => {
    let i = j < before.length && !taken.has(j) && sameData(before[j], v) ? j : before.findIndex((b, k) => !taken.has(k) && sameData(b, v));
    if (i < 0) return undefined;
    taken.add(i);
    return i;
  });
}

/**
 * Whether every item is where it was, or is a record changed there (a criterion reworded): then each
 * is patched in its place. A plain value that differs is another item, not the one changed: its
 * comment is not the new one's.
 */
function inPlace(before: readonly unknown[], after: readonly unknown[], from: ReadonlyArray<number | undefined>): boolean {
  return before.length === after.length && from.every((i, j) => i === j || (i === undefined && isPlainObject(before[j]) && isPlainObject(after[j])));
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The offset just after the line that holds the last non-blank character before `offset`. */
function endOfContentLine(text: string, offset: number): number {
  let i = Math.min(offset, text.length) - 1;
  while (i >= 0 && /\s/.test(text[i])) i--;
  const nl = text.indexOf('\n', i + 1);
  return nl < 0 ? text.length : nl + 1;
}

function nodeEnd(n: Node | null | undefined): number {
  return n && n.range ? Math.max(n.range[1], n.range[2]) : 0;
}

/** Indents every non-empty line by `n` spaces, the first line too unless it continues a line. */
function indentLines(s: string, n: number, skipFirst: boolean): string {
  if (n === 0) return s;
  const pad = ' '.repeat(n);
  return s.split('\n').map((l, i) => ((i === 0 && skipFirst) || l === '' ? l : pad + l)).join('\n');
}

interface Edit { start: number; end: number; text: string; order: number }

/** `key: value` as a standalone snippet of YAML, value patched from `before` to `after`. */
function pairSnippet(pair: Pair | undefined, key: string, before: unknown, after: unknown, path: string[], rank: KeyRank, style: Style): string {
  const mini = new Document(null, { version: '1.2' });
  const map = new YAMLMap();
  let keyNode: Scalar;
  let value: Node;
  if (pair) {
    keyNode = (pair.key as Scalar).clone() as Scalar;
    keyNode.commentBefore = undefined;
    keyNode.spaceBefore = undefined;
    const old = pair.value === null || pair.value === undefined ? undefined : (pair.value as Node).clone();
    value = patchNode(mini, old, before, after, [...path, key], rank, style);
  } else {
    keyNode = new Scalar(key);
    value = newNode(mini, ordered(after, rank, [...path, key]), style);
  }
  const p = mini.createPair(keyNode, null) as Pair<Scalar, Node>;
  p.key = keyNode;
  p.value = value;
  map.items.push(p as never);
  mini.contents = map as never;
  return toText(mini, style);
}

/** Sequence items as a standalone block sequence snippet (`- …` lines). */
function itemsSnippet(nodes: Array<{ node?: unknown; before?: unknown; after: unknown }>, path: string[], rank: KeyRank, style: Style): string {
  const mini = new Document(null, { version: '1.2' });
  const seq = mini.createNode([]) as import('yaml').YAMLSeq;
  for (const n of nodes) {
    const node = n.node ? (n.node as Node).clone() : undefined;
    seq.items.push((node ? patchNode(mini, node, n.before, n.after, path, rank, style) : newNode(mini, ordered(n.after, rank, path), style)) as never);
  }
  seq.flow = false;
  mini.contents = seq as never;
  return toText(mini, style);
}

/**
 * A one-line field rewritten with its comment after the value keeps the spaces the person put
 * before the comment (often to line comments up), not the library's single space.
 */
function withCommentGap(was: string, now: string, comment: string | null | undefined): string {
  if (comment === undefined || comment === null || comment.includes('\n')) return now;
  const tail = `#${comment}`;
  const wasLine = /^([^\n]*?)([ \t]+)(#[^\n]*?)\r?\n?$/.exec(was);
  if (!wasLine || wasLine[3] !== tail || !now.endsWith(` ${tail}\n`) || now.indexOf('\n') !== now.length - 1) return now;
  return now.slice(0, now.length - tail.length - 2) + wasLine[2] + tail + '\n';
}

class CannotSplice extends Error {}

/** Edits that turn a block map's text from `before` into `after`, recursing into changed block collections. */
function spliceMap(text: string, map: YAMLMap, before: Data, after: Data, path: string[], rank: KeyRank, style: Style, edits: Edit[], deep = true): void {
  if (map.flow || map.items.length === 0) throw new CannotSplice();
  const present = new Map<string, Pair>();
  for (const p of map.items) {
    if (!isPair(p) || !isScalar(p.key) || !p.key.range) throw new CannotSplice();
    present.set(String(p.key.value), p);
  }
  const firstKey = map.items[0].key as Node;
  const col = firstKey.range![0] - lineStart(text, firstKey.range![0]);
  const region = (p: Pair): [number, number, boolean] => {
    const k = (p.key as Node).range![0];
    const ls = lineStart(text, k);
    const midLine = text.slice(ls, k).trim() !== '';
    return [midLine ? k : ls, endOfContentLine(text, Math.max((p.key as Node).range![2], nodeEnd(p.value as Node))), midLine];
  };
  for (const [k, p] of present) {
    if (!Object.hasOwn(after, k)) {
      const [start, end, midLine] = region(p);
      if (midLine) throw new CannotSplice();
      edits.push({ start, end, text: '', order: edits.length });
    } else if (!sameData(before[k], after[k])) {
      const v = p.value as Node | null;
      const b = before[k];
      const a = after[k];
      if (!deep) {
        // rewritten whole below
      } else if (isMap(v) && isPlainObject(b) && isPlainObject(a)) {
        const local: Edit[] = [];
        try { spliceMap(text, v, b, a, [...path, k], rank, style, local); edits.push(...local); continue; } catch (e) { if (!(e instanceof CannotSplice)) throw e; }
      } else if (isSeq(v) && Array.isArray(b) && Array.isArray(a)) {
        const local: Edit[] = [];
        try { spliceSeq(text, v, b, a, [...path, k], rank, style, local); edits.push(...local); continue; } catch (e) { if (!(e instanceof CannotSplice)) throw e; }
      }
      const [start, end, midLine] = region(p);
      const snippet = indentLines(pairSnippet(p, k, b, a, path, rank, style), col, midLine);
      edits.push({ start, end, text: withCommentGap(text.slice(start, end), snippet, v?.comment), order: edits.length });
    }
  }
  const added = Object.keys(after).filter((k) => !present.has(k)).sort((a, b) => rank(path, a) - rank(path, b));
  for (const k of added) {
    const r = rank(path, k);
    // After the existing field that comes last before it in schema order (the last field when the
    // order does not know it); a field that comes first goes before the first field.
    let anchor: Pair | undefined;
    let anchorRank = Number.NEGATIVE_INFINITY;
    for (const [name, p] of present) {
      const pr = rank(path, name);
      if ((pr < r || r === Number.POSITIVE_INFINITY) && pr >= anchorRank) { anchor = p; anchorRank = pr; }
    }
    if (!anchor) {
      const [start, , midLine] = region(map.items[0] as Pair);
      if (midLine) throw new CannotSplice();
      edits.push({ start, end: start, text: indentLines(pairSnippet(undefined, k, undefined, after[k], path, rank, style), col, false), order: edits.length });
    } else {
      const at = region(anchor)[1];
      edits.push({ start: at, end: at, text: indentLines(pairSnippet(undefined, k, undefined, after[k], path, rank, style), col, false), order: edits.length });
    }
  }
}

function spliceSeq(text: string, seq: import('yaml').YAMLSeq, before: unknown[], after: unknown[], path: string[], rank: KeyRank, style: Style, edits: Edit[]): void {
  if (seq.flow || seq.items.length === 0 || seq.items.length !== before.length) throw new CannotSplice();
  // Each item's dash, which must be the first thing on its line.
  const dashes = seq.items.map((item) => {
    const n = item as Node;
    if (!n || !n.range) throw new CannotSplice();
    let i = n.range[0] - 1;
    while (i >= 0 && text[i] === ' ') i--;
    if (text[i] !== '-') throw new CannotSplice();
    const ls = lineStart(text, i);
    if (text.slice(ls, i).trim() !== '') throw new CannotSplice();
    return { dash: i, col: i - ls, lineStart: ls, contentCol: n.range[0] - ls };
  });
  const from = sameItems(before, after);
  if (inPlace(before, after, from)) {
    seq.items.forEach((item, i) => {
      if (sameData(before[i], after[i])) return;
      const b = before[i];
      const a = after[i];
      if (isMap(item) && isPlainObject(b) && isPlainObject(a)) {
        const local: Edit[] = [];
        try { spliceMap(text, item, b, a, path, rank, style, local); edits.push(...local); return; } catch (e) { if (!(e instanceof CannotSplice)) throw e; }
      }
      const d = dashes[i];
      const snippet = itemsSnippet([{ node: item, before: b, after: a }], path, rank, style);
      edits.push({ start: d.lineStart, end: endOfContentLine(text, nodeEnd(item as Node)), text: indentLines(snippet, d.col, false), order: edits.length });
    });
    return;
  }
  if (after.length > before.length && before.every((b, i) => sameData(b, after[i]))) {
    const last = dashes[dashes.length - 1];
    const at = endOfContentLine(text, nodeEnd(seq.items[seq.items.length - 1] as Node));
    const snippet = itemsSnippet(after.slice(before.length).map((v) => ({ after: v })), path, rank, style);
    edits.push({ start: at, end: at, text: indentLines(snippet, last.col, false), order: edits.length });
    return;
  }
  if (after.length < before.length) {
    const removed: number[] = [];
    let j = 0;
    for (let i = 0; i < before.length; i++) {
      if (j < after.length && sameData(before[i], after[j])) j++;
      else removed.push(i);
    }
    if (j === after.length && after.length > 0) {
      for (const i of removed) edits.push({ start: dashes[i].lineStart, end: endOfContentLine(text, nodeEnd(seq.items[i] as Node)), text: '', order: edits.length });
      return;
    }
  }
  if (after.length > 0) {
    spliceRearranged(text, seq, dashes, from, after, path, rank, style, edits);
    return;
  }
  throw new CannotSplice();
}

/**
 * A block list given in another order, or with items both added and removed, or all new: the list's lines put
 * together again, each kept item's lines as they were (its comment on its line, and the comment
 * lines above it, go with it), a new item written in the list's indentation; a removed item's
 * lines go. Comment lines above the first item stay on top, as the list's heading.
 */
function spliceRearranged(text: string, seq: import('yaml').YAMLSeq, dashes: ReadonlyArray<{ col: number; lineStart: number }>, from: ReadonlyArray<number | undefined>, after: unknown[], path: string[], rank: KeyRank, style: Style, edits: Edit[]): void {
  const ends = seq.items.map((item) => endOfContentLine(text, nodeEnd(item as Node)));
  const start = dashes[0].lineStart;
  const end = ends[ends.length - 1];
  const lineEnd = text.includes('\r\n') ? '\r\n' : '\n';
  const piece = (i: number) => {
    const own = text.slice(i === 0 ? start : ends[i - 1], ends[i]);
    return own.endsWith('\n') ? own : own + lineEnd;
  };
  let body = after.map((v, j) => (from[j] === undefined ? indentLines(itemsSnippet([{ after: v }], path, rank, style), dashes[0].col, false) : piece(from[j]!))).join('');
  // The file's last line had no line break: nor has it now.
  if (!text.slice(start, end).endsWith('\n')) body = body.replace(/\r?\n$/, '');
  edits.push({ start, end, text: body, order: edits.length });
}

function applyEdits(text: string, edits: Edit[]): string {
  const crlf = text.includes('\r\n');
  // From the end, so earlier offsets stay valid; insertions at one point keep their order. Where a
  // field is inserted at the start of a field that is replaced or removed (a new `end` after
  // `start`, where `status` is rewritten), the replacement is made first: made after, its range
  // would cover the inserted text instead of the old field's, and the whole file be rewritten.
  const sorted = [...edits].sort((a, b) => b.start - a.start || Number(b.end > b.start) - Number(a.end > a.start) || b.order - a.order);
  let out = text;
  for (const e of sorted) {
    let body = crlf ? e.text.replace(/\r?\n/g, '\r\n') : e.text;
    if (body && e.start === out.length && out.length > 0 && !out.endsWith('\n')) body = (crlf ? '\r\n' : '\n') + body;
    out = out.slice(0, e.start) + body + out.slice(e.end);
  }
  return out;
}

/** The whole document re-written through the Document API: for files the splice cannot handle. */
function wholeDocumentEdit(text: string, before: Data | unknown[], after: Data | unknown[], rank: KeyRank, style: Style): string | undefined {
  const doc = parseDocument(text, STRICT_PARSE);
  if (doc.errors.length > 0) return undefined;
  doc.contents = patchNode(doc, doc.contents, before, after, [], rank, style) as typeof doc.contents;
  return toText(doc, style);
}

/**
 * Splices new text for each changed field into the original, leaving every other byte as it was:
 * nested block maps and lists are entered, so appending an item or changing one sub-field touches
 * only those lines. With `deep` false, whole top-level fields are rewritten instead.
 */
function spliceEditWith(deep: boolean) {
  return (text: string, before: Data | unknown[], after: Data | unknown[], rank: KeyRank, style: Style): string | undefined => {
    const doc = parseDocument(text, STRICT_PARSE);
    if (doc.errors.length > 0) return undefined;
    const edits: Edit[] = [];
    try {
      // A vocabulary is a list of entries: an entry's changed fields, an appended entry.
      if (Array.isArray(before) && Array.isArray(after)) {
        if (!isSeq(doc.contents) || !deep) return undefined;
        spliceSeq(text, doc.contents, before, after, [], rank, style, edits);
      } else if (!Array.isArray(before) && !Array.isArray(after) && isMap(doc.contents) && !doc.contents.flow) {
        spliceMap(text, doc.contents, before, after, [], rank, style, edits, deep);
      } else {
        return undefined;
      }
    } catch (e) {
      if (e instanceof CannotSplice) return undefined;
      throw e;
    }
    return applyEdits(text, edits);
  };
}

/**
 * The file's new text with `after` in place of `before`: only the changed fields' lines differ.
 * Undefined when no way of writing it reads back exactly (the caller refuses then).
 */
export function editText(text: string, before: Data | unknown[], after: Data | unknown[], rank: KeyRank = noRank): string | undefined {
  if (sameData(before, after)) return text;
  const detected = detectStyle(text);
  for (const safe of [false, true]) {
    const style: Style = { safe, ...detected };
    for (const attempt of [spliceEditWith(true), spliceEditWith(false), wholeDocumentEdit]) {
      let out: string | undefined;
      try {
        out = attempt(text, before, after, rank, style);
      } catch {
        out = undefined; // a shape the library cannot handle: try the next way
      }
      if (out !== undefined && readsBackAs(out, after)) return out;
    }
  }
  return undefined;
}
