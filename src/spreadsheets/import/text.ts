// Turns a spreadsheet file's bytes into text the way a person saved it: UTF-8 with or without a
// byte-order mark, UTF-16 with one (Excel's "Unicode text"), or Windows-1252 (what Danish Excel
// writes for "CSV (semikolonsepareret)"). Nothing is guessed silently: the encoding is reported.
import { UserError } from '../../domain/errors.js';
import type { Message } from '../../i18n/index.js';
import { detectDelimiter, rowsAt } from './csv.js';

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: Encoding;
}

/**
 * UTF-8 is tried first and strictly (a file that is valid UTF-8 is UTF-8); otherwise the bytes are
 * Windows-1252, where every byte is a character, so nothing is replaced by U+FFFD. Bytes that
 * Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) are returned in `undefinedBytes`
 * so the caller can refuse the file instead of inventing characters.
 *
 * Two readings would come out as mojibake (`Forening SÃ¸ndervig`), so the caller refuses them too:
 * - `mixed`: the Windows-1252 reading holds UTF-8 sequences (rows pasted from two files), with the
 *   offsets in the text of the UTF-8 sequences and of the other non-ASCII characters;
 * - `invalidUtf8`: a file with a UTF-8 byte-order mark holding bytes that are not UTF-8, with the
 *   offsets in the text (each shown as U+FFFD) where they are.
 */
export function decodeText(bytes: Uint8Array): DecodedText & { undefinedBytes?: number; undefinedAt?: number[]; mixed?: { utf8: number[]; other: number[] }; invalidUtf8?: number[] } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const body = bytes.subarray(3);
    const text = strictUtf8(body);
    if (text !== undefined) return { text, encoding: 'utf-8-bom' };
    return { ...lenientUtf8(body), encoding: 'utf-8-bom' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const utf8 = strictUtf8(bytes);
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8' };
  const undefinedAt: number[] = [];
  bytes.forEach((b, i) => {
    if (b === 0x81 || b === 0x8d || b === 0x8f || b === 0x90 || b === 0x9d) undefinedAt.push(i);
  });
  const mixed = utf8Sequences(bytes);
  return {
    text: decodeWindows1252(bytes), encoding: 'windows-1252',
    ...(undefinedAt.length ? { undefinedBytes: undefinedAt.length, undefinedAt } : {}),
    ...(mixed.utf8.length ? { mixed } : {}),
  };
}

/** The length of a well-formed UTF-8 sequence of two or more bytes starting at `i`, else 0. */
function sequenceAt(bytes: Uint8Array, i: number): number {
  const b = bytes[i];
  const cont = (k: number) => i + k < bytes.length && (bytes[i + k] & 0xc0) === 0x80;
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0;
  if (b >= 0xe0 && b <= 0xef) {
    const second = bytes[i + 1];
    if ((b === 0xe0 && second < 0xa0) || (b === 0xed && second > 0x9f)) return 0; // overlong, surrogate
    return cont(1) && cont(2) ? 3 : 0;
  }
  if (b >= 0xf0 && b <= 0xf4) {
    const second = bytes[i + 1];
    if ((b === 0xf0 && second < 0x90) || (b === 0xf4 && second > 0x8f)) return 0;
    return cont(1) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/**
 * Where a file that is not UTF-8 as a whole holds UTF-8 sequences (`Ã¸` read as Windows-1252 is
 * `ø` in UTF-8), and where its other non-ASCII bytes are: offsets that are also offsets in the
 * Windows-1252 text, one character a byte.
 */
function utf8Sequences(bytes: Uint8Array): { utf8: number[]; other: number[] } {
  const utf8: number[] = [];
  const other: number[] = [];
  // The other bytes are only wanted when there are UTF-8 sequences: a plain Windows-1252 file
  // (the usual case, maybe large) is read once and keeps no list.
  for (const pass of ['utf8', 'other'] as const) {
    if (pass === 'other' && utf8.length === 0) break;
    for (let i = 0; i < bytes.length; i++) {
      if (bytes[i] < 0x80) continue;
      const n = sequenceAt(bytes, i);
      // A two-byte sequence counts only as a Latin letter (æ ø å é ü …): in Windows-1252 text,
      // `»SØ«` holds D8 AB, which is Arabic in UTF-8, not a sign of UTF-8.
      if (n > 2 || (n === 2 && (((bytes[i] & 0x1f) << 6) | (bytes[i + 1] & 0x3f)) <= 0x2ff)) {
        if (pass === 'utf8') utf8.push(i);
        i += n - 1;
      } else if (pass === 'other') other.push(i);
    }
  }
  return { utf8, other };
}

/** UTF-8 with each malformed sequence as U+FFFD, and where in the text those are. */
function lenientUtf8(bytes: Uint8Array): { text: string; invalidUtf8: number[] } {
  const invalidUtf8: number[] = [];
  let text = '';
  let start = 0;
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] < 0x80) continue;
    const n = sequenceAt(bytes, i);
    if (n > 0) {
      i += n - 1;
      continue;
    }
    text += decoder.decode(bytes.subarray(start, i));
    invalidUtf8.push(text.length);
    text += '\uFFFD';
    start = i + 1;
  }
  text += decoder.decode(bytes.subarray(start));
  return { text, invalidUtf8 };
}

/** Windows-1252's characters for 0x80–0x9F (0 where it defines none); every other byte is its Latin-1 character. */
const HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

/**
 * Decoded by hand: Node 20's TextDecoder('windows-1252') takes a Latin-1 shortcut and turns
 * 0x80–0x9F (€, –, “ ” …) into control characters.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  const chunk: number[] = [];
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    chunk.push(b >= 0x80 && b <= 0x9f ? HIGH[b - 0x80] || b : b);
    if (chunk.length === 8192) {
      out += String.fromCharCode(...chunk);
      chunk.length = 0;
    }
  }
  return out + String.fromCharCode(...chunk);
}

function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Refuses a reading that would come out as mojibake or invented characters, naming the rows as the
 * sheet numbers them: a file mixing UTF-8 and Windows-1252 rows, a file marked as UTF-8 holding
 * bytes that are not, or bytes that neither encoding defines.
 */
export function refuseEncodingProblems(decoded: ReturnType<typeof decodeText>): void {
  if (!decoded.mixed && !decoded.invalidUtf8 && !decoded.undefinedAt) return;
  const { delimiter } = detectDelimiter(decoded.text);
  const rows = (offsets: readonly number[]) => rowList(rowsAt(decoded.text, delimiter, offsets));
  if (decoded.mixed) throw new UserError('import.error.mixedEncoding', { utf8Rows: rows(decoded.mixed.utf8), otherRows: rows(decoded.mixed.other) });
  if (decoded.invalidUtf8) throw new UserError('import.error.invalidUtf8', { rows: rows(decoded.invalidUtf8) });
  throw new UserError('import.error.encoding', { rows: rows(decoded.undefinedAt!) });
}

/** `row 3`, `rows 3, 5, 9`, or the first ten and how many more. */
function rowList(rows: readonly number[]): Message {
  if (rows.length === 1) return { key: 'import.where.row', params: { row: rows[0] } };
  const shown = rows.slice(0, 10).join(', ');
  return rows.length > 10 ? { key: 'import.rows.manyMore', params: { rows: shown, count: rows.length - 10 } } : { key: 'import.rows.many', params: { rows: shown } };
}
