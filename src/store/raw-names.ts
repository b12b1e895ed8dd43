// A file name that is not UTF-8 (an old zip file or share writes Å as the single Latin-1 byte 0xC5)
// is listed by the system with U+FFFD in place of each byte it cannot read, so `Århus.yaml` and
// `århus.yaml` both come back as `�rhus.yaml`: two files that look like one, and a name nobody can
// find. Such a name is shown as `ls` shows it, by its bytes (`\xC5rhus.yaml`), so each file is one
// of its own and the user can find it. Only a folder that has such a name is listed again.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The name as text where its bytes are UTF-8, and `\xNN` for each byte that is not. */
export function nameByBytes(raw: Uint8Array): string {
  let out = '';
  let i = 0;
  while (i < raw.length) {
    const n = utf8Length(raw, i);
    if (n > 0) {
      out += Buffer.from(raw.subarray(i, i + n)).toString('utf8');
      i += n;
    } else {
      out += `\\x${raw[i].toString(16).toUpperCase().padStart(2, '0')}`;
      i++;
    }
  }
  return out;
}

/** The length of the well-formed UTF-8 sequence at `i` (RFC 3629: no overlong forms, no surrogates), or 0. */
function utf8Length(b: Uint8Array, i: number): number {
  const c = b[i];
  if (c < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf): boolean => i + k < b.length && b[i + k] >= lo && b[i + k] <= hi;
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c >= 0xe0 && c <= 0xef) {
    const lo = c === 0xe0 ? 0xa0 : 0x80;
    const hi = c === 0xed ? 0x9f : 0xbf;
    return cont(1, lo, hi) && cont(2) ? 3 : 0;
  }
  if (c >= 0xf0 && c <= 0xf4) {
    const lo = c === 0xf0 ? 0x90 : 0x80;
    const hi = c === 0xf4 ? 0x8f : 0xbf;
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/**
 * For a folder whose listing has names with U+FFFD: a function giving, for each such listed name in
 * turn, the next of the files that list as that name, shown by its bytes. Names that list alike are
 * given out in the order of their bytes, so every file is named once. The folder is listed again, by
 * bytes, only when first asked.
 */
export function bytesNamer(dir: string, folder: string): (listed: string) => string {
  let byListed: Map<string, string[]> | undefined;
  return (listed) => {
    if (!byListed) {
      byListed = new Map();
      let raw: Buffer[] = [];
      try {
        raw = readdirSync(join(dir, folder), { encoding: 'buffer' });
      } catch {
        raw = []; // gone since it was listed: the name stays as listed
      }
      for (const r of raw.sort(Buffer.compare)) {
        const as = r.toString('utf8');
        if (!as.includes('\uFFFD')) continue;
        const list = byListed.get(as) ?? [];
        list.push(nameByBytes(r));
        byListed.set(as, list);
      }
    }
    return byListed.get(listed)?.shift() ?? listed;
  };
}
