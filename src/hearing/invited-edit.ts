// Writing a hearing list into a consultation file by hand-edit rules: only the `invited` entry's
// text changes; every other byte (comments, folded text, flow lists, key order) stays as it was.
// Re-serialising the whole document would re-fold long text and reformat lists, so the new list is
// rendered alone and spliced into the source at the old one's position. Pure: text in, text out.
import { Document, isMap, isScalar, isSeq, Pair, Scalar, visit, YAMLMap, YAMLSeq, type Node } from 'yaml';
import { parseStrict } from '../io/yaml-read.js';

/** Where a new `invited` entry goes when the file has none: after the first of these that exists. */
const INSERT_AFTER = ['seats', 'selection', 'deadline_reason', 'deadline', 'opens'];

/** Beyond this many characters a flow list (`invited: [a, b]`) is written as a block list instead. */
const FLOW_WIDTH = 100;

function keyIs(pair: Pair, name: string): boolean {
  return isScalar(pair.key) && pair.key.value === name;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEnd(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl + 1;
}

function column(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

/**
 * The file's text with `invited` set to `ids`, or undefined when the text is not a consultation
 * mapping that parses cleanly. Items kept keep their comments; a removed item's comments move to the
 * end of the list, so no comment is ever dropped.
 */
export function setInvitedText(source: string, ids: readonly string[]): string | undefined {
  const crlf = source.includes('\r\n');
  const text = crlf ? source.replace(/\r\n/g, '\n') : source;
  const parsed = parseStrict(text);
  if (parsed.problems.length > 0 || !parsed.doc || !isMap(parsed.doc.contents)) return undefined;
  const map = parsed.doc.contents as YAMLMap;
  const pair = map.items.find((p) => keyIs(p, 'invited'));
  const old = pair && isSeq(pair.value) ? (pair.value as YAMLSeq) : undefined;

  const seq = new YAMLSeq();
  const leftOver: string[] = [];
  const kept = new Map<string, Node>();
  for (const item of old?.items ?? []) {
    if (isScalar(item) && typeof item.value === 'string' && ids.includes(item.value) && !kept.has(item.value)) kept.set(item.value, item);
    else if (isScalar(item)) for (const c of [item.commentBefore, item.comment]) if (c) leftOver.push(c);
  }
  for (const id of ids) seq.items.push(kept.get(id) ?? new Scalar(id));
  if (old?.commentBefore) seq.commentBefore = old.commentBefore;
  const trailing = [old?.comment, ...leftOver].filter(Boolean).join('\n');
  if (trailing) seq.comment = trailing;
  const oneLine = `invited: [${ids.join(', ')}]`;
  seq.flow = (old?.flow ?? false) && oneLine.length <= FLOW_WIDTH && !trailing && ids.every((id) => !kept.get(id)?.comment && !kept.get(id)?.commentBefore);

  // Indent block items as the old list did (under the key, or at its column).
  const indentSeq = old && !old.flow && old.range ? column(text, old.range[0]) > 0 : true;
  const piece = new Document(new YAMLMap());
  (piece.contents as YAMLMap).items.push(new Pair(new Scalar('invited'), seq));
  let rendered = piece.toString({ flowCollectionPadding: false, indentSeq, lineWidth: 0 });

  let out: string;
  if (pair) {
    const keyNode = pair.key as Scalar;
    const from = lineStart(text, keyNode.range![0]);
    const valueEnd = isSeq(pair.value) || isScalar(pair.value) ? (pair.value as Node).range![1] : keyNode.range![2];
    const to = lineEnd(text, Math.max(valueEnd - 1, keyNode.range![1]));
    out = text.slice(0, from) + rendered + text.slice(to);
  } else {
    const after = INSERT_AFTER.map((k) => map.items.find((p) => keyIs(p, k))).find(Boolean);
    const at = after ? lineEnd(text, Math.max(((after.value as Node | null)?.range?.[1] ?? (after.key as Node).range![1]) - 1, 0)) : text.length;
    if (at === text.length && !text.endsWith('\n')) rendered = '\n' + rendered;
    out = text.slice(0, at) + rendered + text.slice(at);
  }

  // The edit must change nothing but `invited`; anything else is a bug, and nothing is written.
  const check = parseStrict(out);
  const before = { ...(parsed.data as Record<string, unknown>), invited: [...ids] };
  const after = check.data as Record<string, unknown> | undefined;
  if (check.problems.length > 0 || !after || JSON.stringify(sortKeys(before)) !== JSON.stringify(sortKeys(after))) return undefined;
  // And keep every comment the file had.
  if (commentsOf(parsed.doc).join('\n') !== commentsOf(check.doc!).join('\n')) return undefined;
  return crlf ? out.replace(/\n/g, '\r\n') : out;
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]));
  return v;
}

/** Every comment line of a document, sorted (a moved comment is kept; a lost one is not). */
function commentsOf(doc: Document): string[] {
  const out: string[] = [];
  const add = (c: string | null | undefined) => { if (c) out.push(...c.split('\n').map((l) => l.trim()).filter(Boolean)); };
  add(doc.commentBefore);
  add(doc.comment);
  visit(doc, {
    Node(_, node) {
      add((node as Scalar).commentBefore);
      add((node as Scalar).comment);
    },
  });
  return out.sort();
}
