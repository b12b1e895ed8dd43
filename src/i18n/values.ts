// Labels of the schemas' fixed values, and the other words people write for them. A value the
// schemas gain before the catalogue does is shown as itself, never as a message key.
import { catalogue } from './catalogue/index.js';
import { labelInSentence, translate, type Language, type MessageKey } from './index.js';

/** A message when the catalogue has the key, else the fallback. */
export function messageOr(lang: Language, key: string, fallback: string): string {
  return Object.hasOwn(catalogue[lang], key) ? translate(lang, key as MessageKey) : fallback;
}

/**
 * A fixed value's label (`psychiatry` → `psykiatri`); the value itself when it has none. A value that
 * means something of its own in one field is labelled for that field (`field`: the field's name, the
 * last step of its path): `partly` is a partly granted application's outcome, but a hearing point's
 * disposition `partly` is partly accommodated (`value.disposition.partly`).
 */
export function valueLabel(lang: Language, value: string, field?: string): string {
  const own = field === undefined ? '' : messageOr(lang, `value.${field}.${value}`, '');
  return own || messageOr(lang, `value.${value}`, value);
}

/** Further words people write for a value, in a spreadsheet cell or a filter (matched folded). */
export const VALUE_WORDS: Readonly<Record<string, readonly string[]>> = {
  social: ['socialområdet', 'socialomradet'], psychiatry: ['psykiatrien'], health: ['sundhedsområdet', 'sundhedsomradet', 'somatik'],
  'volunteer-organisation': ['frivillig', 'frivilligorganisation', 'frivilligforening', 'volunteer organization'],
  'umbrella-organisation': ['paraplyorganisation', 'umbrella organization'],
  regional: ['hele regionen', 'regionalt', 'region'], national: ['national', 'nationalt', 'hele landet'],
  public: ['offentlig', 'åbent opslag'], invited: ['inviteret', 'invitation'],
  development: ['udviklingsprojekt', 'projekt'], operation: ['driftsstøtte'],
  inactive: ['ophørt'], withdrawn: ['udmeldt'],
};

/**
 * A field's name for people (`contact.role` → `Kontakt: rolle`): each step's label, a kind's own
 * label first, should a kind mean something of its own by a field; a field without a label is shown as itself.
 */
export function fieldLabel(lang: Language, kind: string, path: string): string {
  // A nested field with words of its own (Begrundelse for undtagelsen, not Etableret ved: undtagelse: begrundelse).
  const whole = path.includes('.') ? messageOr(lang, `label.${kind}.${path}`, '') : '';
  if (whole) return whole;
  const steps = path.split('.');
  return steps.map((step, i) => {
    const own = i === 0 ? messageOr(lang, `label.${kind}.${step}`, '') : '';
    const label = own || messageOr(lang, `label.${step}`, step);
    return i === 0 ? label : labelInSentence(lang, label);
  }).join(': ');
}
