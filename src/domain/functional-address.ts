// Whether an e-mail address is functional (info@, kontakt@, formand@) rather than a person's. An
// address that names a person is personal data. Whether it names a person cannot be told from the
// address (initials and a birth year, a nickname, a webmail account), so the rule is the other way
// round: an address is functional only when every word of its local part is a known function or
// role word, from the list below or civsam.yaml's `policy.functional_address_words`. The hearing
// list (which addresses may be shown) and validate (which published contacts look personal) use it.
import { asciiFold as fold } from './text.js';

/** Words that name a function or a role, not a person (folded; Danish letters also as plain a/o). */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  'post', 'kontakt', 'contact', 'info', 'information', 'mail', 'email', 'sekretariat', 'sekretariatet', 'secretariat',
  'sekretaer', 'sekretar', 'secretary', 'administration', 'admin', 'kontor', 'office', 'formand', 'forperson', 'naestformand',
  'nastformand', 'chair', 'kasserer', 'treasurer', 'bestyrelse', 'bestyrelsen', 'board', 'frivillig', 'frivillige', 'volunteer',
  'volunteers', 'raadgivning', 'radgivning', 'hoering', 'hoeringer', 'horing', 'horinger', 'hearing', 'koordinator', 'coordinator',
  'medlem', 'medlemmer', 'members', 'forening', 'foreningen', 'landsforening', 'hej', 'hello',
  // A region's own units that publish pools and calls (puljer@, tilskud@, ansoegning@).
  'pulje', 'puljen', 'puljer', 'puljerne', 'tilskud', 'tilskuddet', 'tilskudspulje', 'tilskudspuljer', 'ansoegning', 'ansogning',
  'ansoegninger', 'ansogninger', 'application', 'applications', 'grant', 'grants', 'funding', 'fond', 'fonden', 'fonde',
  'sagsbehandling', 'service', 'support', 'hjaelp', 'hjalp', 'help', 'kommunikation', 'presse', 'press', 'team', 'enhed',
  'enheden', 'afdeling', 'afdelingen',
]);

/**
 * True when every word of the address's local part (split at `.`, `-`, `_`, `+`) is a function
 * word (`kontakt.hoering@` is, `mk1961@` and `jens.jensen@` are not). `extraWords` are the
 * region's own (policy.functional_address_words).
 */
export function isFunctionalAddress(email: string, extraWords: readonly string[] = []): boolean {
  const at = email.lastIndexOf('@');
  if (at <= 0) return false;
  const parts = fold(email.slice(0, at)).split(/[.\-_+]/);
  // A region's word may be written with Danish letters (høring), an address spells them out or drops them.
  const extra = new Set(extraWords.flatMap((w) => [fold(w), fold(w.toLowerCase().replace(/æ/g, 'a').replace(/ø/g, 'o').replace(/å/g, 'a'))]));
  return parts.every((p) => p !== '' && (FUNCTION_WORDS.has(p) || extra.has(p)));
}
