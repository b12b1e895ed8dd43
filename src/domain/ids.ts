// Record ids: the one generator that makes an id from a name (the register's commands and the
// import both use it), and the one check of an id given on the command line. An id is lowercase
// ASCII letters, digits and dashes (schemas/common.schema.json), with Danish letters spelled as
// Danes do without them (æ → ae, ø → oe, å → aa).
import { ID_PATTERN } from './kinds.js';
import { asciiFold, controlCharacterIn, withoutNoWidth } from './text.js';
import { UserError } from './errors.js';
import type { Message } from '../i18n/index.js';
import { AREA_ID_CODES } from './shapes.js';

export const MAX_ID = 63;
const MAX = MAX_ID;

/** Ids civsam makes from a name are at most this long (an id given by hand may be up to MAX). */
export const MADE_MAX = 40;

/** Small words a name cut short should not end on (`…-for-soeskende-til`). */
const CONNECTORS = new Set(['og', 'for', 'til', 'i', 'af', 'med', 'paa', 'om', 'ved', 'fra', 'en', 'et', 'de', 'den', 'det', 'and', 'of', 'the', 'to', 'in', 'for', 'with', 'on', 'at', 'a']);

/**
 * The id a name gives: the name as a reader sees it (NFC, so `å` typed on a Mac is `å`; invisible
 * characters dropped; look-alike letters as Latin), lowercased, Danish letters spelled out, `&` as
 * `og`, anything else a dash; at most `max` characters (MADE_MAX unless a caller needs less), cut between words.
 */
export function slugify(name: string, max = MADE_MAX): string {
  const s = asciiFold(name)
    .replace(/&/g, ' og ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (s.length <= max) return s;
  // Cut at a word boundary where there is one, and not after a small word.
  const words = s.split('-');
  const kept: string[] = [];
  for (const w of words) {
    if ([...kept, w].join('-').length > max) break;
    kept.push(w);
  }
  // One word longer than the limit: cut inside it, as there is no boundary to cut at.
  if (kept.length === 0) return s.slice(0, max).replace(/-+$/, '');
  while (kept.length > 1 && CONNECTORS.has(kept[kept.length - 1])) kept.pop();
  return kept.join('-');
}

/**
 * Whether the name has letters or digits an id cannot be made of (`日本語`, `Ελλάδα`): letters that
 * do not become a–z even spelled out. The id is then made of the rest, if there is any.
 */
export function lettersLeftOut(name: string): boolean {
  return [...name].some((c) => /[\p{L}\p{N}]/u.test(c) && !/[a-z0-9]/.test(asciiFold(c)));
}

/** `base`, or `base-2`, `base-3`, … — the first that `taken` does not hold. */
export function uniqueId(base: string, taken: (id: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    // Cut short for the number between words, as slugify cuts (never `…-paaroerend-2`, which reads as another name's).
    const id = (base.length + suffix.length <= MAX ? base : slugify(base, MAX - suffix.length) || base.slice(0, MAX - suffix.length)).replace(/-+$/, '') + suffix;
    if (!taken(id)) return id;
  }
}

/** The longest text taken as a name where an id is asked (or searched for); longer text is no one's name. */
export const MAX_NAME = 200;

/**
 * True when text reads as a path rather than a name: a backslash, a slash at the start or the end
 * (`/etc/passwd`, `~/x`), or a part between slashes that is empty, `.` or `..` (`../x`, `a//b`).
 * A slash between words is part of many real names (`LAP/Landsforeningen af psykiatribrugere`).
 */
function readsAsPath(t: string): boolean {
  if (t.includes('\\') || t === '~' || t.startsWith('~/')) return true;
  return t.split('/').some((part, _, parts) => {
    const p = part.trim();
    return p === '.' || p === '..' || (parts.length > 1 && p === '');
  });
}

/**
 * Why text cannot be looked up as a name where an id is asked, as the refusal that says so without
 * repeating the text; undefined when it may be one. A name is one line, not too long, holds no
 * character the data may not hold (domain/text.ts: control, direction and invisible characters)
 * and does not read as a path (readsAsPath), which is refused as it is. A name may hold a slash
 * between words: it is only ever matched against the names the folder holds, and the id it
 * resolves to is held to the id rule (no slash) before it becomes a file name.
 */
export function notAName(v: string): UserError | undefined {
  const t = withoutNoWidth(v).trim();
  if (t.length > MAX_NAME) return new UserError('names.tooLong', { max: MAX_NAME });
  // A character of no width (pasted along with a name) leaves it the name it reads as: looked up as
  // the register compares names. Direction marks and control characters are refused.
  if (t.length === 0 || /[\t\n\r]/.test(v) || controlCharacterIn(t) !== undefined || readsAsPath(t)) return new UserError('history.badRecord');
  return undefined;
}

/** Whether text may be looked up as a name where an id is asked (notAName says why not). */
export function mayBeName(v: string): boolean {
  return notAName(v) === undefined;
}

export function isValidId(id: string): boolean {
  return ID_PATTERN.test(id);
}

/**
 * Refuses (exit 2) a value that is not a well-formed id, naming where it was given (`--pool`, or a
 * command's own argument in words: "the id you gave for the application"), never the value: it
 * may be a path such as `../x` or hold escape codes. Only a well-formed id ever becomes a file
 * name, so this is also what keeps a command inside the folder.
 * `listedBy`: where the ids it takes are listed (the kind's own list command, or a vocabulary's).
 */
export function requireId(value: string, what: string | Message, listedBy?: Message): string {
  if (ID_PATTERN.test(value)) return value;
  if (typeof what !== 'string') throw new UserError(listedBy ? 'cli.badIdArgumentListed' : 'cli.badIdArgument', listedBy ? { what, listedBy } : { what });
  throw new UserError(listedBy ? 'cli.badIdListed' : 'cli.badId', listedBy ? { what: { syntax: what }, listedBy } : { what: { syntax: what } });
}

const AREA_CODE = AREA_ID_CODES;

/**
 * An agreement's id in the register's own numbering: start year, the first area's short Danish
 * name and the next running number across all agreements (`2026-psyk-034`).
 */
export function agreementId(start: string | undefined, areas: readonly string[] | undefined, existing: Iterable<string>): string | undefined {
  const year = /^\d{4}/.exec(start ?? '')?.[0];
  const code = areas && areas.length > 0 ? AREA_CODE[areas[0]] : undefined;
  if (!year || !code) return undefined;
  let max = 0;
  for (const id of existing) {
    const m = /^\d{4}-[a-z]+-(\d+)$/.exec(id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `${year}-${code}-${String(max + 1).padStart(3, '0')}`;
}
