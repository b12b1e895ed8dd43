// Which contact addresses may go on a hearing list: functional addresses (info@, kontakt@,
// formand@) only. An address that names a person is personal data and is never shown.
import type { Organisation } from '../core/kinds.js';
import { asciiFold as fold } from '../core/text.js';

/** Words that name a function, not a person, when an address is made of two of them (kontakt.hoering@). */
const FUNCTION_WORDS = new Set([
  'info', 'kontakt', 'contact', 'post', 'mail', 'email', 'sekretariat', 'secretariat', 'formand', 'chair', 'bestyrelse', 'board',
  'hoering', 'hoeringer', 'hearing', 'raadgivning', 'radgivning', 'koordinator', 'kontor', 'office', 'admin', 'medlem', 'medlemmer',
  'frivillig', 'frivillige', 'forening', 'foreningen', 'landsforening', 'region', 'midt', 'midtjylland', 'aarhus', 'hello', 'hej',
]);

/**
 * The organisation's contact e-mail when it is a functional address, else undefined. An address is
 * personal when its local part holds a word of the contact person's name (three letters or more,
 * or any whole word), the name's initials, or looks like first.last made of words that name no function.
 */
export function functionalAddress(contact: Organisation['contact']): string | undefined {
  const email = contact?.email;
  if (!email) return undefined;
  const local = fold(email.slice(0, email.lastIndexOf('@')));
  const parts = local.split(/[^a-z0-9]+/).filter(Boolean);
  const nameWords = fold(contact?.name ?? '').split(/[^a-z]+/).filter(Boolean);
  if (nameWords.some((w) => (w.length >= 3 && local.includes(w)) || parts.includes(w))) return undefined;
  if (nameWords.length >= 2) {
    const initials = nameWords.map((w) => w[0]).join('');
    const firstLast = nameWords[0][0] + nameWords[nameWords.length - 1][0];
    if (parts.includes(initials) || parts.includes(firstLast)) return undefined;
  }
  const alphabetic = parts.filter((p) => /^[a-z]+$/.test(p));
  if (parts.length >= 2 && alphabetic.length === parts.length && parts.some((p) => !FUNCTION_WORDS.has(p))) return undefined;
  return email;
}
