// Building a record from command-line flags: pure functions from the flags' values (as commander
// parsed them) and an existing record to the new record. A malformed flag value is a usage error
// that names the flag and the expected form, never the value given.
import type { RecordKind } from '../domain/kinds.js';
import { dateOption } from '../domain/dates.js';
import type { DataFolder } from '../domain/folder.js';
import { deletePath, getPath, setPath } from '../domain/plain-data.js';
import { UserError } from '../domain/errors.js';
import { typedCvr } from '../domain/cvr.js';
import { amountOption, amountOutsideRange, readWholeNumber, readYear, withoutCurrency } from '../domain/whole-numbers.js';
import type { Language, Message } from '../i18n/index.js';
import { criteriaFromTexts, DEFAULT_SCALE } from '../domain/applications.js';
import { FIELDS, fieldByName, optionName, type FieldSpec } from './fields.js';
import { agreementId, isValidId, MADE_MAX, MAX_ID, slugify, uniqueId as uniqueIdOf } from '../domain/ids.js';

export type Rec = Record<string, unknown>;

function bad(spec: FieldSpec, expected: 'int' | 'years' | 'funding' | 'budgets'): never {
  throw new UserError('register.badFlagValue', { flag: `--${spec.flag}`, expected: { key: `register.expected.${expected}` } });
}

const wholeNumber = (s: string): number | undefined => readWholeNumber(s);

/** A negative amount, or one larger than the register holds, refused in those words (not as one with øre). */
function refuseAmountOutsideRange(text: string, field: string | Message): void {
  const outside = amountOutsideRange(text, field);
  if (outside) throw outside;
}

/** The value a flag gives its field, in the field's type. */
export function parseFlag(spec: FieldSpec, raw: unknown): unknown {
  switch (spec.type) {
    case 'list':
    case 'texts':
      return Array.isArray(raw) ? raw.map(String) : [String(raw)];
    case 'years':
      return (Array.isArray(raw) ? raw : [raw]).map((item) => readYear(String(item)) ?? bad(spec, 'years'));
    case 'int': {
      // An amount is whole kroner, read as every amount option is (`--amount` of application decide, pool budget).
      if (spec.path.endsWith('amount_dkk')) return amountOption(String(raw), `--${spec.flag}`);
      return wholeNumber(String(raw)) ?? bad(spec, 'int');
    }
    case 'date':
      return dateOption(String(raw), `--${spec.flag}`);
    case 'funding':
      return (Array.isArray(raw) ? raw : [raw]).map((item) => {
        const parts = String(item).split(':');
        const year = readYear(parts[1] ?? '');
        // The amount as the question takes it: `250.000 kr.` too.
        const amountText = withoutCurrency(parts[3] ?? '');
        const amount = wholeNumber(amountText);
        // The pool is a reference, held to the id rule like every id on the command line.
        if (parts.length !== 4 || !isValidId(parts[0].trim()) || !parts[2]) bad(spec, 'funding');
        // The line's form is right but a part is not: said by the part, as the form names it.
        if (year === undefined) throw new UserError('register.fundingYear');
        refuseAmountOutsideRange(amountText, { key: 'register.part.funding.amount' });
        if (amount === undefined) throw new UserError('register.fundingAmount');
        return { pool: parts[0].trim(), year, kind: parts[2].trim(), amount_dkk: amount };
      });
    case 'budgets':
      return (Array.isArray(raw) ? raw : [raw]).map((item) => {
        const parts = String(item).split(':');
        const year = readYear(parts[0] ?? '');
        const amountText = withoutCurrency(parts[1] ?? '');
        const amount = wholeNumber(amountText);
        if (parts.length === 2) refuseAmountOutsideRange(amountText, { key: 'register.part.budgets.amount' });
        if (parts.length !== 2 || amount === undefined) bad(spec, 'budgets');
        if (year === undefined) throw new UserError('register.budgetsYear');
        return { year, amount_dkk: amount };
      });
    default:
      return String(raw);
  }
}

/** Whether any field flag was given. */
export function hasFieldFlags(kind: RecordKind, opts: Rec): boolean {
  return FIELDS[kind].some((s) => opts[optionName(s.flag)] !== undefined);
}

/**
 * The record with every given flag applied over `base` (a copy; `base` is not changed). Setting
 * `established_by.call` drops an exemption and the other way round: an agreement has one or the other.
 * (A day something happened given after today is refused where every change is checked: register/happened-dates.ts.)
 */
export function applyFlags(kind: RecordKind, base: Rec, opts: Rec, note?: (m: Message) => void, language: Language = 'da'): Rec {
  const rec = structuredClone(base);
  for (const spec of FIELDS[kind]) {
    const raw = opts[optionName(spec.flag)];
    if (raw === undefined) continue;
    if (spec.path === 'established_by.call') deletePath(rec, 'established_by.exemption');
    if (spec.path.startsWith('established_by.exemption.')) deletePath(rec, 'established_by.call');
    if (spec.path === 'scope') delete rec.municipalities;
    if (spec.path === 'municipalities') delete rec.scope;
    let value = parseFlag(spec, raw);
    // Criteria given as texts get ids, so scores and decisions can name them (`--score Kvalitet=4`).
    if (spec.criteria && Array.isArray(value)) value = criteriaFromTexts(value as string[], getPath(rec, spec.path) as Parameters<typeof criteriaFromTexts>[1], language);
    // `www.example.dk` is how people write a web address: it is taken as https://, and said so.
    if (spec.web && typeof value === 'string' && HOST_FIRST.test(value)) {
      value = `https://${value}`;
      note?.({ key: 'register.webAddressCompleted', params: { flag: `--${spec.flag}` } });
    }
    // `29 19 09 25`, `DK-29190925`: a CVR number as people write it is its eight digits, and said so;
    // what is no CVR number is left for the record's check to refuse.
    if (spec.path === 'cvr' && typeof value === 'string') {
      const cvr = typedCvr(value);
      value = cvr?.cvr ?? value.trim();
      if (cvr?.tidied) note?.({ key: 'cvr.tidied', params: { flag: `--${spec.flag}` } });
    }
    setPath(rec, spec.path, value);
  }
  // A score scale given by one end has the other end's default, as the help says (0 to 5).
  const scale = rec.score_scale;
  if (kind === 'call' && FIELDS.call.some((s) => s.path.startsWith('score_scale.') && opts[optionName(s.flag)] !== undefined) && scale !== null && typeof scale === 'object') rec.score_scale = { ...DEFAULT_SCALE, ...scale };
  return rec;
}

/** A web address without its scheme: a host name of two or more parts, then a path if any. */
const HOST_FIRST = /^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+(?:[/?#]\S*)?$/u;

/** The record without the named fields (`--unset end contact-phone`). */
export function unsetFields(kind: RecordKind, base: Rec, names: readonly string[]): Rec {
  const rec = structuredClone(base);
  for (const name of names) {
    const spec = fieldByName(kind, name);
    const path = spec?.path ?? (Object.hasOwn(rec, name.replace(/-/g, '_')) ? name.replace(/-/g, '_') : undefined);
    if (!path || path === 'id') throw new UserError('register.unknownField', { given: name, kind: { key: `kind.${kind}` } });
    deletePath(rec, path);
  }
  return rec;
}

/**
 * Where a default comes from, so a summary can say it in words: a fixed value of the schema
 * (`status = active`), today, or the record's organisation (a hearing party's areas).
 */
export type DefaultSource = { from: 'value'; value: string } | { from: 'today' } | { from: 'organisation' };

interface Default {
  field: string;
  source: DefaultSource;
  value(rec: Rec, folder: DataFolder, today: string): unknown;
}

const fixed = (field: string, value: string): Default => ({ field, source: { from: 'value', value }, value: () => value });
const today = (field: string): Default => ({ field, source: { from: 'today' }, value: (_r, _f, t) => t });
const ofOrganisation = (field: 'areas' | 'patient_groups'): Default => ({
  field, source: { from: 'organisation' },
  value: (rec, folder) => {
    const org = typeof rec.organisation === 'string' ? folder.records.organisation.get(rec.organisation) : undefined;
    const v = org?.[field];
    if (!v) return undefined;
    // A retired patient group stays on the organisation but is not chosen anew for its hearing party.
    const retired = new Set(folder.vocabularies.patientGroups.filter((g) => g.retired !== undefined).map((g) => g.id));
    return field === 'patient_groups' ? v.filter((g) => !retired.has(g)) : [...v];
  },
});

/** Values a new record gets when the user does not give them: by `add` and by `import` alike. */
const DEFAULTS: Record<RecordKind, readonly Default[]> = {
  organisation: [fixed('status', 'active'), today('registered')],
  offer: [],
  agreement: [fixed('status', 'draft')],
  pool: [],
  call: [],
  'hearing-party': [ofOrganisation('areas'), ofOrganisation('patient_groups'), today('since'), fixed('status', 'active')],
  consultation: [fixed('selection', 'all'), fixed('status', 'planned')],
  application: [],
};

/** The fields a new record of the kind may leave out because a default fills them. */
export function defaultedFields(kind: RecordKind): string[] {
  return DEFAULTS[kind].map((d) => d.field);
}

/** The record with the defaults in place of what it lacks, and which defaults were used. */
export function fillDefaults(kind: RecordKind, rec: Rec, folder: DataFolder, today: string): { record: Rec; used: Array<{ field: string; source: DefaultSource }> } {
  const record = { ...rec };
  const used: Array<{ field: string; source: DefaultSource }> = [];
  for (const d of DEFAULTS[kind]) {
    if (record[d.field] !== undefined) continue;
    const v = d.value(record, folder, today);
    if (v === undefined) continue;
    record[d.field] = v;
    used.push({ field: d.field, source: d.source });
  }
  return { record, used };
}

/** Values a new record gets when the user does not give them. */
export function withDefaults(kind: RecordKind, rec: Rec, folder: DataFolder, today: string): Rec {
  return fillDefaults(kind, rec, folder, today).record;
}

/**
 * The longest part of an application's id its call gives: a call's id as civsam makes it, whole
 * (a longer one, given by hand, is cut); the applicant has at least the rest, 22 characters.
 */
const APPLICATION_CALL_PART = MADE_MAX;

/** A word of a title that is a year (`2027`), as a title names the year it is for. */
const isYearWord = (word: string): boolean => /^(19|20|21)\d{2}$/.test(word);

/**
 * An id for a new record from its name or title, unique among the kind's records; `numbered` is
 * told the id it would have had when that one is taken (and a number was put after it).
 */
export function newId(kind: RecordKind, rec: Rec, folder: DataFolder, numbered?: (base: string) => void): string | undefined {
  const existing = folder.records[kind];
  const taken = (id: string) => existing.has(id);
  const uniqueId = (base: string, isTaken: (id: string) => boolean) => {
    if (isTaken(base)) numbered?.(base);
    return uniqueIdOf(base, isTaken);
  };
  if (kind === 'agreement') {
    const id = agreementId(rec.start as string | undefined, rec.areas as string[] | undefined, existing.keys());
    if (id) return uniqueId(id, taken);
  }
  if (kind === 'hearing-party' && typeof rec.organisation === 'string') return uniqueId(rec.organisation, taken);
  // An application is named by its call and its (first) applicant: `2025-civilsamfundspuljen-lyspunktet`.
  // The call's part is cut (between words) the same way for every application to the call, so they
  // show as one call's, sorted together; the applicant, what tells them apart, has the rest.
  if (kind === 'application' && typeof rec.call === 'string' && Array.isArray(rec.organisations) && typeof rec.organisations[0] === 'string') {
    const call = slugify(rec.call, APPLICATION_CALL_PART);
    const applicant = slugify(rec.organisations[0], MAX_ID - call.length - 1);
    const base = call && applicant ? `${call}-${applicant}` : applicant || call;
    if (base) return uniqueId(base, taken);
  }
  const name = (rec.name ?? rec.title) as string | undefined;
  if (typeof name !== 'string' || !name.trim()) return undefined;
  let base = slugify(name);
  // Calls and consultations are numbered by year in the register, the year first: `2026-<title>`,
  // so one year's sort together. The year is the one the title names, as a title names the year it
  // is for (`Opslag 2027 psykiatri`, published in 2026, is `2027-opslag-psykiatri`), else the
  // record's own (published, opens); a year the title names is put first rather than said twice.
  if (kind === 'call' || kind === 'consultation') {
    const words = slugify(name, Number.MAX_SAFE_INTEGER).split('-');
    const named = words.findIndex(isYearWord);
    const year = named >= 0 ? words[named] : /^\d{4}/.exec(String(rec.published ?? rec.opens ?? ''))?.[0];
    if (year) base = slugify([year, ...words.filter((_, i) => i !== named)].join(' '));
  }
  if (!base) return undefined;
  return uniqueId(base, taken);
}
