// Reading one YAML file safely. Two readers give the same data:
// - `parseStrict` (the `yaml` package) is the authority: it keeps positions, so every problem can be
//   located, and it is what edits go through;
// - `parseFast` (yaml-lines.ts, no parser library) reads the shapes records are written in, line
//   by line, many times faster, and is used for bulk loading; it declines anything else.
//   Any file it declines, or that turns out to have a problem, goes through `parseStrict`.
//
// The `yaml` package is loaded on first use: a command served from the folder snapshot parses nothing.
import { createRequire } from 'node:module';
import type { Document, LineCounter } from 'yaml';
import type { Message } from '../i18n/index.js';
import { limitMessage } from './read-file.js';
import { parseLines } from './yaml-lines.js';

const load = createRequire(import.meta.url);
let yamlPackage: typeof import('yaml') | undefined;
const yaml = (): typeof import('yaml') => (yamlPackage ??= load('yaml') as typeof import('yaml'));

export const MAX_FILE_BYTES = 1024 * 1024;
/** Deeper flow nesting than this is refused before any YAML parser sees the text (CVE-2026-33532). */
export const MAX_FLOW_DEPTH = 64;

export interface Position {
  line: number;
  col: number;
}

export interface FileProblem extends Position {
  rule: string;
  severity: 'error' | 'warning';
  message: Message;
}

export type DecodeResult = { text: string } | { problem: FileProblem };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Strict UTF-8: invalid bytes are refused, never replaced by U+FFFD. A BOM is accepted and dropped. */
export function decode(bytes: Uint8Array): DecodeResult {
  if (bytes.length > MAX_FILE_BYTES) {
    return { problem: { line: 1, col: 1, rule: 'file-too-large', severity: 'error', message: { key: 'problem.fileTooLarge', params: { limit: limitMessage(MAX_FILE_BYTES) } } } };
  }
  try {
    return { text: utf8.decode(bytes) };
  } catch {
    const at = firstInvalidUtf8(bytes);
    return { problem: { ...positionOfByte(bytes, at), rule: 'file-encoding', severity: 'error', message: { key: 'problem.fileEncoding' } } };
  }
}

/** The offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return 0;
}

/** Line and column (in characters) of a byte offset. */
function positionOfByte(bytes: Uint8Array, offset: number): Position {
  let line = 1;
  let col = 1;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) { line++; col = 1; } else if ((bytes[i] & 0xc0) !== 0x80) col++;
  }
  return { line, col };
}

/** Finds flow nesting deeper than the limit, counting brackets outside comments and quotes. */
export function excessiveNesting(text: string): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_FLOW_DEPTH) return i;
    } else if (c === 0x5d || c === 0x7d) {
      if (depth > 0) depth--;
    } else if (c === 0x23 && (i === 0 || text[i - 1] === ' ' || text[i - 1] === '\n' || text[i - 1] === '\t')) {
      while (i < text.length && text[i] !== '\n') i++;
    }
  }
  return undefined;
}

function offsetToPosition(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) { line++; lineStart = i + 1; }
  return { line, col: offset - lineStart + 1 };
}

export interface StrictParse {
  data: unknown;
  problems: FileProblem[];
  /** Absent when the text was refused before parsing. */
  doc?: Document.Parsed;
  lineCounter?: LineCounter;
}

const YAML_RULE: Partial<Record<string, string>> = {
  DUPLICATE_KEY: 'yaml-duplicate-key',
  MULTIPLE_DOCS: 'yaml-multiple-documents',
  BAD_ALIAS: 'yaml-alias',
  ALIAS_PROPS: 'yaml-alias',
  MULTIPLE_ANCHORS: 'yaml-alias',
  TAG_RESOLVE_FAILED: 'yaml-tag',
  MULTIPLE_TAGS: 'yaml-tag',
  BAD_DIRECTIVE: 'yaml-directive',
  RESOURCE_EXHAUSTION: 'yaml-too-deep',
  TAB_AS_INDENT: 'yaml-tab',
};

// The parser's codes a user meets most, each with words of its own for what is wrong and what to do;
// the code itself is never shown (it means nothing to a case worker). Any other: the general words.
const SYNTAX_EXPLAINED: Partial<Record<string, Message['key']>> = {
  BAD_INDENT: 'problem.yamlSyntax.BAD_INDENT',
  MISSING_CHAR: 'problem.yamlSyntax.MISSING_CHAR',
  UNEXPECTED_TOKEN: 'problem.yamlSyntax.UNEXPECTED_TOKEN',
  MULTILINE_IMPLICIT_KEY: 'problem.yamlSyntax.MULTILINE_IMPLICIT_KEY',
  BAD_SCALAR_START: 'problem.yamlSyntax.BAD_SCALAR_START',
  BAD_DQ_ESCAPE: 'problem.yamlSyntax.BAD_DQ_ESCAPE',
  BLOCK_IN_FLOW: 'problem.yamlSyntax.BLOCK_IN_FLOW',
  KEY_OVER_1024_CHARS: 'problem.yamlSyntax.KEY_OVER_1024_CHARS',
};

/** A number written with points between groups of three digits, as Danish writes thousands: 100.000, 1.500.000. */
export const THOUSANDS = /^[+-]?\d{1,3}(?:\.\d{3})+$/;

/**
 * Where a parsed text holds a number written as Danish writes thousands (`beløb: 100.000`): YAML
 * reads the point as a decimal point, so the amount would be a thousand times smaller, silently.
 * Looked for under any key but those `decimalKey` says take a decimal number, since a file given to
 * a command may name its fields in Danish.
 */
export function thousandsNumbers(text: string, parsed: StrictParse, decimalKey: (key: string) => boolean = () => false): Array<{ line: number; col: number; path: PathSegment[]; written: string }> {
  const { doc, lineCounter } = parsed;
  if (!doc || !lineCounter || !/\d\.\d{3}/.test(text)) return [];
  const { visit, isScalar, isPair, isSeq } = yaml();
  const found: Array<{ line: number; col: number; path: PathSegment[]; written: string }> = [];
  visit(doc, {
    Scalar(_key, node, path) {
      if (!isScalar(node) || typeof node.value !== 'number' || !node.range) return;
      // A value under a key that takes a decimal number (a criterion's weight: 1.250) is one.
      const pair = path[path.length - 1];
      // A key written so is no field (it is said as an unknown one).
      if (isPair(pair) && pair.key === node) return;
      if (isPair(pair) && pair.value === node && isScalar(pair.key) && decimalKey(String(pair.key.value))) return;
      const written = text.slice(node.range[0], node.range[1]).trim();
      if (THOUSANDS.test(written)) {
        const p = lineCounter.linePos(node.range[0]);
        // Where it is in the data: a pair's key, a list's index, down to the number itself.
        const at: PathSegment[] = [];
        const ancestors = [...path, node];
        ancestors.forEach((n, i) => {
          if (isPair(n) && isScalar(n.key)) at.push(String(n.key.value));
          else if (isSeq(n)) at.push(n.items.indexOf(ancestors[i + 1] as never));
        });
        found.push({ line: p.line, col: p.col, path: at, written });
      }
    },
  });
  return found;
}

/** The authoritative parse: YAML 1.2 core schema, one document, no aliases, tags or directives. */
export function parseStrict(text: string): StrictParse {
  const tooDeep = excessiveNesting(text);
  if (tooDeep !== undefined) {
    return { data: undefined, problems: [{ ...offsetToPosition(text, tooDeep), rule: 'yaml-too-deep', severity: 'error', message: { key: 'problem.yamlTooDeep', params: { limit: MAX_FLOW_DEPTH } } }] };
  }
  const { LineCounter, parseDocument, visit, isAlias } = yaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    version: '1.2', schema: 'core', merge: false, uniqueKeys: true, strict: true, prettyErrors: false,
    customTags: [], resolveKnownTags: false, keepSourceTokens: false, lineCounter,
  });
  const problems: FileProblem[] = [];
  const at = (offset: number) => { const p = lineCounter.linePos(offset); return { line: p.line, col: p.col }; };
  // Warnings count as errors: an unresolved tag, say, would otherwise silently become a string.
  // One report the parser gives for two causes: a value holding ": " (alone) or a line indented
  // under one that has its value (with a second report at the same place); each gets its own words.
  const indentedBelow = new Set(doc.errors.filter((e) => e.code === 'MULTILINE_IMPLICIT_KEY').map((e) => e.pos[0]));
  for (const e of [...doc.errors, ...doc.warnings]) {
    const rule = YAML_RULE[e.code] ?? 'yaml-syntax';
    if (e.code === 'BLOCK_AS_IMPLICIT_KEY') {
      // A list item (`- …`) at another indentation than the items before it: the parser reports
      // the start of its line; the item's "- " is where the user looks.
      const item = atLineStart(text, e.pos[0]) ? /^ *-(?: |\r?\n|$)/.exec(text.slice(e.pos[0], e.pos[0] + 200)) : null;
      if (item) {
        problems.push({ ...at(e.pos[0] + item[0].indexOf('-')), rule, severity: 'error', message: { key: 'problem.yamlSyntax.listItemIndent' } });
        continue;
      }
      problems.push({ ...at(e.pos[0]), rule, severity: 'error', message: { key: indentedBelow.has(e.pos[0]) ? 'problem.yamlSyntax.indentedBelow' : 'problem.yamlSyntax.colonInValue' } });
      continue;
    }
    // A quote never closed runs to the end of the file, where the parser says so: said where it opens.
    const opened = e.code === 'MISSING_CHAR' ? unclosedQuoteAt(doc, e.pos[0]) : undefined;
    if (opened !== undefined) {
      problems.push({ ...at(opened), rule, severity: 'error', message: { key: 'problem.yamlSyntax.unclosedQuote' } });
      continue;
    }
    const twice = e.code === 'DUPLICATE_KEY' ? firstOfKey(doc, e.pos[0]) : undefined;
    if (twice) {
      problems.push({ ...at(e.pos[0]), rule, severity: 'error', message: { key: 'problem.yamlDuplicateKeyNamed', params: { key: { label: twice.key }, line: at(twice.offset).line } } });
      continue;
    }
    problems.push({ ...at(e.pos[0]), rule, severity: 'error', message: { key: rule === 'yaml-syntax' ? SYNTAX_EXPLAINED[e.code] ?? 'problem.yaml.yaml-syntax' : `problem.yaml.${rule}` as Message['key'] } });
  }
  if (doc.directives?.yaml.explicit || text.match(/^%/m)) {
    const m = /^%/m.exec(text);
    problems.push({ ...at(m ? m.index : 0), rule: 'yaml-directive', severity: 'error', message: { key: 'problem.yaml.yaml-directive' } });
  }
  visit(doc, {
    Node(_, node) {
      if (isAlias(node)) {
        problems.push({ ...at(node.range?.[0] ?? 0), rule: 'yaml-alias', severity: 'error', message: { key: 'problem.yaml.yaml-alias' } });
        return;
      }
      if (node.anchor) problems.push({ ...at(node.range?.[0] ?? 0), rule: 'yaml-alias', severity: 'error', message: { key: 'problem.yaml.yaml-alias' } });
      // Only explicit tags set `tag` on a parsed node; core-schema resolution leaves it unset.
      if (node.tag) problems.push({ ...at(node.range?.[0] ?? 0), rule: 'yaml-tag', severity: 'error', message: { key: 'problem.yaml.yaml-tag' } });
    },
  });
  if (problems.length > 0) {
    // Looked for only once the file has failed to parse: the cost falls on broken files alone.
    const marker = unfinishedMergeAt(text);
    if (marker !== undefined) return { data: undefined, problems: [{ ...at(marker), rule: 'merge-conflict', severity: 'error', message: { key: 'problem.mergeConflictMarkers' } }], doc, lineCounter };
    return { data: undefined, problems: dedupe(problems), doc, lineCounter };
  }
  const data = doc.toJS({ maxAliasCount: 0 });
  return { data, problems, doc, lineCounter };
}

/** Whether only spaces stand before `offset` on its line. */
function atLineStart(text: string, offset: number): boolean {
  for (let i = offset - 1; i >= 0 && text[i] !== '\n'; i--) if (text[i] !== ' ') return false;
  return true;
}

/**
 * Where the quoted value that a missing closing quote at `offset` belongs to begins: the quoted
 * scalar that runs up to that place (the parser reports the missing quote where the text ends,
 * the file's last line, not at the quote). The innermost such value when several reach it.
 */
function unclosedQuoteAt(doc: Document.Parsed, offset: number): number | undefined {
  const { visit } = yaml();
  let start: number | undefined;
  visit(doc, {
    Scalar(_, node) {
      const range = node.range;
      if (!range || (node.type !== 'QUOTE_DOUBLE' && node.type !== 'QUOTE_SINGLE')) return;
      if (range[0] < offset && range[1] >= offset && (start === undefined || range[0] > start)) start = range[0];
    },
  });
  return start;
}

/**
 * For a key written a second time at `offset`: the field's path through the keys that hold it
 * (`contact.email`; the items of a list are not counted), so a message can name it as `show`
 * does, and where it was written first, in the same mapping. Keys only, never a value.
 */
function firstOfKey(doc: Document.Parsed, offset: number): { key: string; offset: number } | undefined {
  const { visit, isScalar, isPair } = yaml();
  let found: { key: string; offset: number } | undefined;
  visit(doc, {
    Map(_, map, ancestors) {
      const i = map.items.findIndex((p) => isScalar(p.key) && p.key.range?.[0] === offset);
      if (i < 0) return undefined;
      const key = map.items[i].key as { value: unknown };
      const first = map.items.find((p, k) => k < i && isScalar(p.key) && p.key.value === key.value);
      const outer = ancestors.flatMap((a) => (isPair(a) && isScalar(a.key) ? [String(a.key.value)] : []));
      if (first && isScalar(first.key) && first.key.range) found = { key: [...outer, String(key.value)].join('.'), offset: first.key.range[0] };
      return visit.BREAK;
    },
  });
  return found;
}

/**
 * Where a file holds both versions of a git merge that was not finished (git's conflict markers:
 * a line `<<<<<<< `, then `=======`, then `>>>>>>> `), the offset of the first `<<<<<<<`; the
 * syntax errors the markers cause would only mislead.
 */
function unfinishedMergeAt(text: string): number | undefined {
  const m = /^<{7}(?: |$)[^]*?^={7}\r?$[^]*?^>{7}(?: |$)/m.exec(text);
  return m?.index;
}

function dedupe(problems: FileProblem[]): FileProblem[] {
  const seen = new Set<string>();
  // A tab in a line's indentation leaves the parser guessing about the rest of that line: the tab
  // is the one thing to mend there, and what the parser guessed would send the user elsewhere.
  // The lines after it are read at a nesting the user did not mean, so what the parser says of them
  // (a field "written twice" that sits at another level, a line that does not line up) is a guess
  // too: followed, it would have the user delete or move lines that are right. The tab's message
  // says instead that the rest of the file is read once the tab is mended.
  let firstTab = Infinity;
  for (const p of problems) if (p.rule === 'yaml-tab' && p.line < firstTab) firstTab = p.line;
  let guessed = false;
  const kept = problems.filter((p) => {
    if ((p.rule === 'yaml-syntax' || p.rule === 'yaml-duplicate-key') && p.line >= firstTab) {
      if (p.line > firstTab || p.rule === 'yaml-duplicate-key') guessed = true;
      return false;
    }
    // The parser and the node walk can both see one tag or anchor: one problem per line and rule.
    const k = `${p.line}:${p.rule}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  }).sort((a, b) => a.line - b.line || a.col - b.col);
  if (!guessed) return kept;
  return kept.map((p) => (p.rule === 'yaml-tab' && p.line === firstTab ? { ...p, message: { key: 'problem.yamlTabRestUnread' } } : p));
}

// --- a comment that ends a value ---------------------------------------------------------------

/** A character, then spaces, then `#`: the only way a comment can follow something on its line. */
const COMMENT_AFTER_TEXT = /\S[ \t]+#\S/;

/**
 * A plain value that is not text: a number, a date, true/false or null (YAML 1.2's core forms, and
 * a date as the schemas write one). A comment after it cannot have cut it short.
 */
const NOT_TEXT = /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|true|True|TRUE|false|False|FALSE|null|Null|NULL|~|[0-9]{4}-[0-9]{2}-[0-9]{2})$/;

/**
 * Where a comment may have cut a plain (unquoted) value short: YAML ends such a value before the
 * ` #`, so `name: Foreningen for døve #2` stores a shorter name than was written, without a word.
 * Reported only where the `#` is glued to what follows it (`#2`) and the value before it is text.
 * A note is written `# note`, with a space, as in every YAML file and editor; a `#` in text is
 * glued to its word or number (`#2`, `#hashtag`). Warning at every ` #` also flagged each note
 * after a value (`max_share: 0.4 # 40 pct.`, `status: active # tjekket`), with no way to silence
 * it but moving the note; a number, a date or true/false cannot have been cut at all. What this
 * leaves unsaid is text with a spaced `# ` in it (`Gruppe # 3`), which is written rarely and reads
 * as a note to anyone who looks at the file. A comment after a key with its value below, after a
 * quoted value or a list in brackets, and a `#` in a block of text (`|`) leave every value whole.
 * A file with no ` #` glued to a word costs one search; the others are run through the parser's
 * lexer, which is cheap and sees quotes and blocks of text as the parsers do.
 */
export function commentsAfterPlainValues(text: string): FileProblem[] {
  if (!text.includes(' #') && !text.includes('\t#')) return [];
  if (!COMMENT_AFTER_TEXT.test(text)) return [];
  const { Lexer, CST } = yaml();
  const found: FileProblem[] = [];
  let offset = 0;
  let line = 1;
  let lineStart = 0;
  // The lexer gives a scalar as a marker token followed by its source; after a block scalar's
  // header, that source is the block's text.
  let marker = false;
  let blockHeader = false;
  let plainEnded = false;
  let plain = '';
  for (const token of new Lexer().lex(text)) {
    const type: string | null = marker ? 'scalar-source' : CST.tokenType(token);
    if (type === 'comment' && plainEnded && /^#\S/.test(token) && !NOT_TEXT.test(plain.trim())) {
      found.push({ line, col: offset - lineStart + 1, rule: 'comment-after-value', severity: 'warning', message: { key: 'problem.commentAfterValue' } });
    }
    if (type === 'scalar-source') {
      plainEnded = !blockHeader;
      plain = token;
      blockHeader = false;
    } else if (type !== 'space' && type !== 'scalar') {
      plainEnded = false;
      if (type === 'block-scalar-header') blockHeader = true;
      // A comment after the header (`note: | # …`) is still before the block's text.
      else if (type !== 'newline' && type !== 'comment') blockHeader = false;
    }
    marker = type === 'scalar';
    // The lexer's own markers (a scalar follows, a document or flow begins or ends) are no source.
    if (type === 'scalar' || type === 'doc-mode' || type === 'flow-error-end') continue;
    for (let i = token.indexOf('\n'); i >= 0; i = token.indexOf('\n', i + 1)) { line++; lineStart = offset + i + 1; }
    offset += token.length;
  }
  return found;
}

// --- the fast path -------------------------------------------------------------------------------

/**
 * Parses the common, plain case quickly (yaml-lines.ts: the shapes records are written in, line by
 * line); undefined when the strict parse must decide. There is no second quick reader: js-yaml,
 * which served the shapes the line reader declines, read a list whose items stand at different
 * indentations (a slip of the hand) as if they were one list, where the strict reader, and so
 * every edit, refuses the file.
 */
export function parseFast(text: string): { data: unknown } | undefined {
  return parseLines(text);
}

// --- locating a value ----------------------------------------------------------------------------

export type PathSegment = string | number;

/** A key as the data names it: a key written `null:`, `~:` or `NULL:` is YAML's null, which becomes "" in the data. */
const keyName = (value: unknown): string => (value === null ? '' : String(value));

/**
 * The position of the node at `path` in a parsed document: the key of a map entry when `at` is
 * 'key', else its value; walks up to the nearest existing ancestor when the path does not exist.
 */
export function locate(parsed: StrictParse, path: readonly PathSegment[], at: 'key' | 'value' = 'value'): Position {
  const { doc, lineCounter } = parsed;
  if (!doc || !lineCounter) return { line: 1, col: 1 };
  const { isMap, isPair, isScalar, isCollection, isNode } = yaml();
  let node: unknown = doc.contents;
  let keyNode: unknown;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && keyName(p.key.value) === String(seg));
      if (!pair) break;
      keyNode = pair.key;
      node = pair.value;
    } else if (isCollection(node) && typeof seg === 'number' && node.items[seg] !== undefined) {
      keyNode = undefined;
      node = node.items[seg];
    } else break;
  }
  const target = at === 'key' && keyNode ? keyNode : node ?? keyNode;
  const offset = isNode(target) && target.range ? target.range[0] : (isNode(doc.contents) && doc.contents.range ? doc.contents.range[0] : 0);
  const p = lineCounter.linePos(offset);
  return { line: p.line, col: p.col };
}

/**
 * The path of the field a position falls in (the inverse of `locate`): the deepest map entry or
 * list item whose text holds it; an empty path when none does.
 */
export function fieldAt(parsed: StrictParse, at: Position): PathSegment[] {
  const { doc, lineCounter } = parsed;
  if (!doc || !lineCounter) return [];
  const { isMap, isSeq, isScalar, isNode } = yaml();
  const offset = (lineCounter.lineStarts[at.line - 1] ?? Number.MAX_SAFE_INTEGER) + at.col - 1;
  // A block's end is the start of the line after it: a position there is the next field's, not the block's.
  const holds = (from: unknown, to: unknown) => {
    if (!isNode(from) || !from.range) return false;
    const end = !isNode(to) || !to.range ? from.range[1] : to.range[1];
    return from.range[0] <= offset && (offset < end || offset === from.range[0]);
  };
  const path: PathSegment[] = [];
  let node: unknown = doc.contents;
  for (;;) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && holds(p.key, p.value));
      if (!pair || !isScalar(pair.key)) break;
      path.push(keyName(pair.key.value));
      node = pair.value;
    } else if (isSeq(node)) {
      const i = node.items.findIndex((item) => holds(item, item));
      if (i < 0) break;
      path.push(i);
      node = node.items[i];
    } else break;
  }
  return path;
}
