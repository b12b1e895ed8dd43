// Which contact addresses may go on a hearing list: functional addresses (info@, kontakt@,
// formand@) only. An address that names a person is personal data and is never shown. Whether an
// address names a person cannot be told from the address (initials and a birth year, a nickname, a
// webmail account, a contact whose name is not recorded), so the rule is the other way round: an
// address is shown only when every word of its local part is a known function or role word, from
// the list below or civsam.yaml's `policy.functional_address_words`.
import type { Organisation } from '../domain/kinds.js';
import { isFunctionalAddress } from '../domain/functional-address.js';

export { FUNCTION_WORDS } from '../domain/functional-address.js';

/**
 * The organisation's contact e-mail when it is a functional address, else undefined (the rule:
 * domain/functional-address.ts). `extraWords` are the region's own (policy.functional_address_words).
 */
export function functionalAddress(contact: Organisation['contact'], extraWords: readonly string[] = []): string | undefined {
  const email = contact?.email;
  return email && isFunctionalAddress(email, extraWords) ? email : undefined;
}
