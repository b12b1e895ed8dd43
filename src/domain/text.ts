// Text as it comes in, and names as people compare them.
//
// Every text value that enters civsam (a flag, a record given with --from-file or on standard
// input, an import cell) is put in Unicode NFC on the way in: macOS writes `å` as `a` plus a
// combining ring (NFD), Windows and Linux as one character, and the same word must be stored as the
// same characters whichever machine typed it. Values already on disk are never changed by reading.
//
// Names are compared through keys, each built on the one before, so every folding rule exists once:
//   caseKey   case and spacing ignored (ids and names typed in a filter)
//   nameKey   what makes two names the same name to a reader (the uniqueness check, duplicates)
//   looseKey  a second, looser try when matching a word someone wrote to a known name
// and, apart from those, asciiFold: Danish letters spelt out, what ids and e-mail addresses are made of.

/** The text in NFC. */
export function nfc(s: string): string {
  return s.normalize('NFC');
}

/** A copy of a value (a record, a flag's values) with every string in it in NFC. */
export function nfcDeep<T>(value: T): T {
  if (typeof value === 'string') return nfc(value) as T;
  if (Array.isArray(value)) return value.map((v) => nfcDeep(v)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[nfc(k)] = nfcDeep(v);
    return out as T;
  }
  return value;
}

// Control characters (a YAML "\e" escape gives a raw ESC) would reach terminals and spreadsheets
// as commands; tabs and line breaks are text. The invisible marks that turn the direction of text
// (U+202A-U+202E, U+2066-U+2069, and the marks U+200E, U+200F, U+061C) make a name show as another
// on pages and in sheets (`Skive` and a reversed word after it). Characters of no width (zero-width
// space and joiners U+200B-U+200D, word joiner and invisible operators U+2060-U+2064, U+FEFF) go
// unseen into the CSV and the site, mostly copied along from a web page. All are refused in the
// data: this is the one check. A name typed on the command line to find a record (domain/ids.ts)
// may hold one of no width, pasted along: names are compared without them (nameKey).
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;
const DIRECTION = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
const NO_WIDTH = /[\u200B-\u200D\u2060-\u2064\uFEFF]/;
const NO_WIDTH_ALL = new RegExp(NO_WIDTH.source, 'g');

/**
 * The text without its characters of no width (zero-width space and joiners, word joiner, U+FEFF):
 * a name typed or pasted with one is the same name (nameKey drops them), though the data may not hold them.
 */
export function withoutNoWidth(s: string): string {
  return s.replace(NO_WIDTH_ALL, '');
}
/** A zero-width joiner inside an emoji sequence: after an emoji (with its variation or skin-tone mark) and before another. */
const EMOJI_JOINER = /(?<=\p{Extended_Pictographic}[\u{FE0F}\u{1F3FB}-\u{1F3FF}]?)\u200D(?=\p{Extended_Pictographic})/gu;

/**
 * What the data may not hold (validate's control-character rule): a mark that turns the direction
 * of the text (`direction`), a character of no width (`invisible`), another control character
 * (`control`), or nothing (undefined).
 */
export function controlCharacterIn(text: string): 'control' | 'direction' | 'invisible' | undefined {
  // A zero-width joiner between two emoji is how an emoji of several is written (a family, a
  // profession, a flag): part of what the text shows, so not refused there.
  const m = CONTROL.exec(text.includes('\u200D') ? text.replace(EMOJI_JOINER, '') : text);
  return !m ? undefined : DIRECTION.test(m[0]) ? 'direction' : NO_WIDTH.test(m[0]) ? 'invisible' : 'control';
}

/**
 * Characters that show as nothing: soft hyphen, zero-width spaces and joiners, word joiner, byte
 * order mark, direction marks and embeddings, variation selectors, Mongolian vowel separator,
 * Khmer inherent vowels, Braille blank, tag characters, and the Hangul fillers (U+115F, U+1160,
 * U+3164, U+FFA0), which Unicode counts as letters, so a filler at the end of a name would
 * otherwise make a second organisation of the same name.
 */
const INVISIBLE = /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\u2800\u3164\uFE00-\uFE0F\uFEFF\uFFA0\u{E0000}-\u{E007F}]/gu;

/** Spaces other than the plain one: no-break, en, em, thin, ideographic and the like. */
const ODD_SPACE = /[\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]/gu;

/**
 * Cyrillic and Greek letters drawn like Latin ones (Unicode's confusables for these scripts): a
 * name typed with a Cyrillic `а` reads exactly like one with a Latin `a`.
 */
const LOOK_ALIKE: Record<string, string> = {
  // Cyrillic
  'А': 'A', 'В': 'B', 'Е': 'E', 'К': 'K', 'М': 'M', 'Н': 'H', 'О': 'O', 'Р': 'P', 'С': 'C', 'Т': 'T', 'Х': 'X',
  'Ѕ': 'S', 'І': 'I', 'Ј': 'J', 'Ү': 'Y', 'Ԛ': 'Q', 'Ԝ': 'W', 'Ӏ': 'I',
  'а': 'a', 'е': 'e', 'о': 'o', 'р': 'p', 'с': 'c', 'у': 'y', 'х': 'x', 'ѕ': 's', 'і': 'i', 'ј': 'j',
  'һ': 'h', 'ԁ': 'd', 'ԛ': 'q', 'ԝ': 'w', 'ӏ': 'l', 'ү': 'y',
  // Greek
  'Α': 'A', 'Β': 'B', 'Ε': 'E', 'Ζ': 'Z', 'Η': 'H', 'Ι': 'I', 'Κ': 'K', 'Μ': 'M', 'Ν': 'N', 'Ο': 'O', 'Ρ': 'P',
  'Τ': 'T', 'Υ': 'Y', 'Χ': 'X',
  'ο': 'o', 'ν': 'v', 'ι': 'i', 'κ': 'k', 'ρ': 'p', 'υ': 'u', 'χ': 'x', 'α': 'a',
  // Latin letters that look like others
  'ı': 'i', 'ȷ': 'j',
};
const LOOK_ALIKE_RE = new RegExp(`[${Object.keys(LOOK_ALIKE).join('')}]`, 'gu');

/**
 * The text as a reader sees it: NFC, invisible characters dropped, odd spaces as plain spaces,
 * look-alike letters as the Latin letter. For comparing and for making ids, never for storing.
 */
export function visibleText(s: string): string {
  return nfc(s).replace(INVISIBLE, '').replace(ODD_SPACE, ' ').replace(LOOK_ALIKE_RE, (c) => LOOK_ALIKE[c]);
}

const DANISH = new Intl.Collator('da', { sensitivity: 'base', numeric: true });

/**
 * Names in the order a Danish reader looks for them: Æ, Ø, Å after Z (and `Aa` as `Å`, as Danish
 * sorts it), case and accents aside, numbers by value (`Gruppe 2` before `Gruppe 10`). Lists sorted
 * for people use it, with the id after it where two names are alike; JSON and CSV keep id order.
 */
export function compareNames(a: string, b: string): number {
  return DANISH.compare(a, b);
}

/** Case and spacing ignored: `  Psykisk  Sygdom ` and `psykisk sygdom` are one. */
export function caseKey(s: string): string {
  return visibleText(s).trim().toLocaleLowerCase('da').replace(/\s+/g, ' ');
}

// æ, ø and å are letters of their own in Danish, not a, o and a with marks: kept while accents go.
const DANISH_KEEP: Record<string, string> = { æ: '\u0001', ø: '\u0002', å: '\u0003' };
const DANISH_BACK: Record<string, string> = { '\u0001': 'æ', '\u0002': 'ø', '\u0003': 'å' };

/** `o` with a combining short or long solidus overlay after it (and any other marks between): drawn as `ø`. */
const O_STROKE = /o\p{Mn}*[\u0337\u0338]\p{Mn}*/gu;

/** A name of printable ASCII and Danish letters only, which nameKey keys without Unicode's tables. */
const PLAIN_NAME = /^[\x20-\x7eæøåÆØÅ]*$/;

/**
 * The uniqueness key of a name: two names with the same key are the same name to a reader. Case,
 * accents on Latin letters (not æ, ø, å), punctuation, spacing, invisible characters and
 * look-alike letters are ignored, in whatever Unicode form the name was written; `&` reads as `og`.
 */
export function nameKey(s: string): string {
  // Most names are printable ASCII and æ, ø, å: then nothing but case, `&` and what is not a letter
  // or digit counts (a uniqueness check keys every organisation's name).
  if (PLAIN_NAME.test(s)) return s.toLowerCase().replace(/&/g, 'og').replace(/[^a-z0-9æøå]+/g, '');
  return caseKey(s)
    // `ø` has no decomposition, so no Unicode form turns `o` with a combining stroke into it, yet
    // the two are drawn alike: read as `ø`, not as the `o` dropping the mark would leave.
    .replace(O_STROKE, 'ø')
    .replace(/[æøå]/g, (c) => DANISH_KEEP[c])
    .normalize('NFKD').replace(/\p{Mn}/gu, '')
    .replace(/[\u0001-\u0003]/g, (c) => DANISH_BACK[c])
    // NFKD can leave a filler behind (U+FFA0 becomes U+1160) and bring out a look-alike (a
    // mathematical alpha becomes the Greek α).
    .replace(INVISIBLE, '').replace(LOOK_ALIKE_RE, (c) => LOOK_ALIKE[c].toLowerCase())
    .replace(/&/g, ' og ')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * Lowercase ASCII where the text has Latin letters: æ, ø, å spelt out as Danes write them without
 * (ae, oe, aa), ß as ss, other accents dropped: "Søren Ærø" → "soeren aeroe". Ids are made from
 * this, and e-mail addresses are compared with names in it.
 */
export function asciiFold(s: string): string {
  return visibleText(s).toLocaleLowerCase('da')
    .replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/å/g, 'aa').replace(/ß/g, 'ss')
    .normalize('NFKD').replace(/\p{Mn}/gu, '');
}

/**
 * Whether a word a person typed writes æ, ø or å, or spells å as aa: then it means that letter,
 * which is a letter of its own in Danish, and is not loosened to a or o (`Å` finds Åby and Aarhus,
 * not every a; a user without a Danish keyboard still finds Åby with `a`).
 */
export function writesDanishLetter(s: string): boolean {
  return /[æøå]|aa/.test(caseKey(s));
}

/**
 * Every way Danes spell æ, ø and å without them made one: ø, oe and o as o, å, aa and a as a, æ as
 * ae (`pårørende`, `paaroerende`, `parorende` and `paroerende` alike). Looser than looseKey, which
 * keeps oe apart from o; for a filter narrowing a list, never for telling names apart.
 */
export function spellingKey(s: string): string {
  return asciiFold(nameKey(s)).replace(/aa/g, 'a').replace(/oe/g, 'o');
}

/** Looser than nameKey, for a second try at matching: æ as ae, ø as o, å and aa as a. */
export function looseKey(s: string): string {
  return nameKey(s).replace(/æ/g, 'ae').replace(/ø/g, 'o').replace(/aa/g, 'a').replace(/å/g, 'a');
}
