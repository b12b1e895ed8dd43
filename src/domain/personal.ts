// Which fields of a record hold personal data, read from the schemas, in one place for every
// command that leaves personal data out unless asked (export, history):
// - a contact person (`contact` of an organisation): its name, e-mail and phone. A contact the
//   schema calls public (`public-contact`: a call's or a pool's unit, published on the site) is not;
// - an assessor of an application or a call (`assessments`, `declarations`: each item's `assessor`
//   is "a staff role or a name").
import type { RecordKind } from './record-kinds.js';
import { shapeOf, type Shape } from './shapes.js';
import { nameKey, nfc } from './text.js';

/** The name of the field an assessor is written in, in the items of a list. */
export const ASSESSOR = 'assessor';

/**
 * What makes two assessor names one person: the same name written otherwise (other capitals,
 * accents typed apart (NFD), extra spaces, look-alike letters: nameKey). Every place that compares
 * assessors (the ranking, the audit's rules, ties and disqualification, scoring sheets, letters,
 * export numbers, sync) goes through this key, so a call whose files hold "Anne Holm" and
 * "anne  holm" has one assessor. A name of punctuation only has no such key and is itself.
 */
export function assessorKey(name: string): string {
  return nameKey(name) || nfc(name);
}

/** Whether two assessor names are one person (assessorKey). */
export function sameAssessor(a: string, b: string): boolean {
  return assessorKey(a) === assessorKey(b);
}

/** Whether the kind's top-level field `top` is a contact person (not a published unit's contact). */
function personalContact(kind: RecordKind, top: string): boolean {
  return top === 'contact' && shapeOf(kind).fields?.find((f) => f.name === 'contact')?.def !== 'public-contact';
}

/** Whether the kind's top-level field `top` is a list whose items name an assessor. */
export function namesAssessors(kind: RecordKind, top: string): boolean {
  const field: Shape | undefined = shapeOf(kind).fields?.find((f) => f.name === top);
  return field?.items?.fields?.some((f) => f.name === ASSESSOR) === true;
}

/** Whether a field (dotted, `contact.email`, or a top-level list, `assessments`) of a record of the kind holds personal data. */
export function isPersonalField(kind: RecordKind, field: string): boolean {
  const top = field.split('.')[0];
  return personalContact(kind, top) || namesAssessors(kind, top);
}
