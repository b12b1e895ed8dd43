// What guided entry asks and how it shows answers, worked out from the field table (register/fields.ts),
// the schemas' required lists and the references table: which fields a new record still lacks, the
// choices a field offers (fixed values with their labels, vocabulary entries, existing records),
// and a record as lines of label and value for the review before saving. No terminal here.
import type { DataFolder } from '../domain/folder.js';
import { HAS_REACH, REFERENCES, type RecordKind, type Target } from '../domain/kinds.js';
import { getPath } from '../domain/plain-data.js';
import { criterionText } from '../domain/applications.js';
import { requiredOf } from '../domain/shapes.js';
import { emptyMeansAllGroups } from '../domain/scope.js';
import { formatAmount, formatDate } from '../i18n/format.js';
import { translate, type Language } from '../i18n/index.js';
import { terminalSafe } from '../i18n/terminal-text.js';
import { fieldLabel as shownFieldLabel, valueLabel } from '../i18n/values.js';
import { FIELDS, type FieldSpec } from '../register/fields.js';
import { displayWidth, padToWidth } from '../output/text-width.js';

export type Rec = Record<string, unknown>;

export interface Choice {
  value: string;
  /** What the user sees and types to filter by (terminal-safe). */
  name: string;
}

/**
 * A field's name for people: the label `show` and lists head it with in the user's language (an
 * organisation's `kind` is "Art" in Danish, `contact.email` "Kontakt: e-mail"), so a question names
 * a field as every other screen does.
 */
export function fieldLabel(kind: RecordKind, spec: FieldSpec, lang: Language): string {
  return shownFieldLabel(lang, kind, spec.path);
}

/** The record kind or vocabulary a field refers to, from the references table the validator uses. */
export function referenceTarget(kind: RecordKind, spec: FieldSpec): Target | undefined {
  return REFERENCES[kind].find(([path]) => path === spec.path || path === `${spec.path}.*`)?.[1];
}

/** The required top-level fields the record still lacks, in the schema's order (the id is made from the name). */
export function missingRequired(kind: RecordKind, rec: Rec): FieldSpec[] {
  const missing = new Set(requiredOf(kind).filter((name) => name !== 'id' && rec[name] === undefined));
  return FIELDS[kind].filter((s) => missing.has(s.path));
}

/** Whether the record must still say where it reaches: municipalities, or a scope (the record rule `reach-missing`). */
export function needsReach(kind: RecordKind, rec: Rec): boolean {
  return HAS_REACH.has(kind) && rec.municipalities === undefined && rec.scope === undefined;
}

/**
 * Fields that make sense only with another field's value (the record rules `status-date`,
 * `consultation-seats` and `call-channel`): the day an organisation became inactive only when it is
 * inactive, seats only for a limited selection, those invited only to a call by invitation.
 */
const ONLY_WHEN: Readonly<Record<string, (rec: Rec) => boolean>> = {
  'organisation:inactive_since': (rec) => rec.status === 'inactive',
  'hearing-party:withdrawn': (rec) => rec.status === 'withdrawn',
  'consultation:seats': (rec) => rec.selection === 'limited',
  'call:invited': (rec) => rec.channel === 'invited',
  'call:channel_reason': (rec) => rec.channel === 'invited',
};

/**
 * Fields an answer takes the place of, as the flags do (register/build.ts applyFlags): municipalities
 * or a scope, an agreement's call or its exemption.
 */
export function replacedBy(kind: RecordKind, spec: FieldSpec): FieldSpec[] {
  const exemption = (s: FieldSpec) => s.path.startsWith('established_by.exemption.');
  return FIELDS[kind].filter((s) => {
    if (HAS_REACH.has(kind) && ((spec.path === 'scope' && s.path === 'municipalities') || (spec.path === 'municipalities' && s.path === 'scope'))) return true;
    return (spec.path === 'established_by.call' && exemption(s)) || (exemption(spec) && s.path === 'established_by.call');
  });
}

/**
 * Whether a menu of fields offers this one for the record as the answers make it so far. Where a
 * record says where it reaches, one entry asks it: the scope's (`Rækkevidde`), which offers
 * municipalities or a scope, never `Kommuner` beside it. A field that replaces one the record has
 * (an exemption where a call is given) is offered only when `replacing` (a correction, an edit),
 * not among the further fields a new record may get.
 */
export function offered(kind: RecordKind, spec: FieldSpec, rec: Rec, replacing: boolean): boolean {
  if (HAS_REACH.has(kind) && spec.path === 'municipalities') return false;
  const when = ONLY_WHEN[`${kind}:${spec.path}`];
  if (when && !when(rec)) return false;
  if (replacing) return true;
  return !replacedBy(kind, spec).some((other) => other.path !== 'scope' && other.path !== 'municipalities' && getPath(rec, other.path) !== undefined);
}

const safe = (s: string) => terminalSafe(s, { lineBreaks: 'space' });

function recordName(folder: DataFolder, kind: RecordKind, id: string): string | undefined {
  const r = folder.records[kind].get(id) as Rec | undefined;
  if (!r) return undefined;
  if (kind === 'hearing-party' && typeof r.organisation === 'string') return recordName(folder, 'organisation', r.organisation);
  const name = r.name ?? r.title;
  return typeof name === 'string' ? name : undefined;
}

/** Every entry of a vocabulary or every record of a kind, as choices named in the user's language. */
export function targetChoices(target: Target, folder: DataFolder, lang: Language): Choice[] {
  const v = folder.vocabularies;
  switch (target) {
    case 'patient-groups':
      // Vocabulary order, a sub-group indented under its broader group.
      return v.patientGroups.map((g) => ({ value: g.id, name: `${g.parent ? '  ' : ''}${safe(g.name[lang])}` }));
    case 'municipalities':
      return v.municipalities.map((m) => ({ value: m.id, name: safe(m.name) }));
    case 'offer-types':
      return v.offerTypes.map((t) => ({ value: t.id, name: safe(t.name[lang]) }));
    default: {
      const collator = new Intl.Collator(lang, { sensitivity: 'base', numeric: true });
      return [...folder.records[target].keys()]
        .map((id) => ({ value: id, name: `${safe(recordName(folder, target, id) ?? id)} (${id})` }))
        .sort((a, b) => collator.compare(a.name, b.name));
    }
  }
}

/** The choices a field offers, or undefined for a field answered by typing. */
export function choicesFor(kind: RecordKind, spec: FieldSpec, folder: DataFolder, lang: Language): Choice[] | undefined {
  if (spec.choices) return spec.choices.map((value) => ({ value, name: safe(valueLabel(lang, value)) }));
  const target = referenceTarget(kind, spec);
  return target ? targetChoices(target, folder, lang) : undefined;
}

function nameOf(kind: RecordKind, spec: FieldSpec, value: string, folder: DataFolder, lang: Language): string {
  if (spec.choices) return valueLabel(lang, value);
  const target = referenceTarget(kind, spec);
  if (!target) return value;
  const choice = targetChoices(target, folder, lang).find((c) => c.value === value);
  return choice ? choice.name.trim() : value;
}

/** Whether the field is an amount in whole kroner (an application's amount). */
export function isAmount(spec: FieldSpec): boolean {
  return spec.type === 'int' && spec.path.split('.').at(-1) === 'amount_dkk';
}

/** A field's value as the review shows it: labels for fixed values, names for references, dates and amounts for people. */
export function shownValue(kind: RecordKind, spec: FieldSpec, value: unknown, folder: DataFolder, lang: Language): string {
  if (value === undefined) return '–';
  if (isAmount(spec) && typeof value === 'number') return formatAmount(value, lang);
  const one = (v: unknown): string => {
    // A criterion with an id is shown by its text.
    if (v !== null && typeof v === 'object' && 'text' in v) return criterionText(v as Parameters<typeof criterionText>[0], lang);
    if (typeof v !== 'string') return String(v);
    if (spec.type === 'date') return formatDate(v, lang);
    return nameOf(kind, spec, v, folder, lang);
  };
  if (spec.type === 'funding' && Array.isArray(value)) {
    return value.map((f: Rec) => `${recordName(folder, 'pool', String(f.pool)) ?? String(f.pool)} ${String(f.year)} ${valueLabel(lang, String(f.kind))} ${formatAmount(Number(f.amount_dkk), lang)}`).map(safe).join('; ');
  }
  if (spec.type === 'budgets' && Array.isArray(value)) {
    return value.map((b: Rec) => `${String(b.year)}: ${formatAmount(Number(b.amount_dkk), lang)}`).join('; ');
  }
  if (Array.isArray(value)) return safe(value.map(one).join(spec.type === 'texts' ? '; ' : ', '));
  return safe(one(value));
}

/** The record for the review: its id, then every field it has, as `label: value`. */
export function reviewLines(kind: RecordKind, id: string, rec: Rec, folder: DataFolder, lang: Language): string[] {
  const rows: Array<[string, string]> = [['Id', id]];
  for (const spec of FIELDS[kind]) {
    const value = getPath(rec, spec.path);
    // Never a label with nothing after it: an empty text is no answer and is left out; a list the
    // user left empty is written as such, and said as show says it ("ingen").
    if (value === undefined || (typeof value === 'string' && value.trim() === '')) continue;
    rows.push([fieldLabel(kind, spec, lang), Array.isArray(value) && value.length === 0 ? translate(lang, emptyMeansAllGroups(kind, spec.path) ? 'show.allGroupsOfAreas' : 'show.emptyList') : shownValue(kind, spec, value, folder, lang)]);
  }
  const width = Math.max(...rows.map(([label]) => displayWidth(label)));
  return rows.map(([label, value]) => `  ${padToWidth(`${label}:`, width + 1)} ${value}`);
}
