// Ids for records imported without one when no generator is given (the import command uses the
// register's): made from the name as the register makes them: lowercase, æ → ae, ø → oe, å → aa,
// & → og, other accents dropped, anything else a dash.
import { ID_PATTERN } from '../core/kinds.js';

export function slugFromName(name: string): string {
  const s = name.toLocaleLowerCase('da')
    .replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/å/g, 'aa')
    .normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
    .replace(/&/g, ' og ')
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return s.slice(0, 56).replace(/-+$/, '');
}

/** A free id from the name: the slug, or the slug with -2, -3 … when it is taken. */
export function freeId(name: string, taken: (id: string) => boolean, fallback: string): string {
  const base = slugFromName(name) || fallback;
  if (ID_PATTERN.test(base) && !taken(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken(candidate)) return candidate;
  }
}
