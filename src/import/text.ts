// Turns a spreadsheet file's bytes into text the way a person saved it: UTF-8 with or without a
// byte-order mark, UTF-16 with one (Excel's "Unicode text"), or Windows-1252 (what Danish Excel
// writes for "CSV (semikolonsepareret)"). Nothing is guessed silently: the encoding is reported.
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
 */
export function decodeText(bytes: Uint8Array): DecodedText & { undefinedBytes?: number } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = strictUtf8(bytes.subarray(3));
    if (text !== undefined) return { text, encoding: 'utf-8-bom' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const utf8 = strictUtf8(bytes);
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8' };
  let undefinedBytes = 0;
  for (const b of bytes) if (b === 0x81 || b === 0x8d || b === 0x8f || b === 0x90 || b === 0x9d) undefinedBytes++;
  return { text: decodeWindows1252(bytes), encoding: 'windows-1252', ...(undefinedBytes ? { undefinedBytes } : {}) };
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
