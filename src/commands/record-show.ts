// `civsam <kind> show ID`: one record, field by field, with everything that refers to it; for an
// organisation also its funding and the consultations it was invited to through the hearing list.
import type { CommandContext } from '../context/context.js';
import { loadValidPart } from '../context/load.js';
import { emit } from '../context/output.js';
import type { DataFolder } from '../domain/folder.js';
import { countedLines } from '../domain/allocation.js';
import { wholeKroner } from '../output/rounded-parts.js';
import { criterionText, grantedAmount, scoredCriteria, textIn } from '../domain/applications.js';
import { FOLDER_OF, RECORD_KINDS, type Application, REFERENCES, VOCABULARIES, forEachValueAt, type RecordKind, type Target } from '../domain/kinds.js';
import { idWithName, recordName } from '../domain/record-name.js';
import { shapeAt } from '../domain/shapes.js';
import { emptyMeansAllGroups } from '../domain/scope.js';
import { EXIT, UserError } from '../domain/errors.js';
import { formatAmount, formatDate } from '../i18n/format.js';
import { fieldLabel, messageOr, valueLabel } from '../i18n/values.js';
import { namesOf } from '../output/labels.js';
import type { Cell, Table } from '../output/table.js';
import { referenceIndex, referrersOf, type Referrer } from '../register/refs.js';

type Opts = { format?: string; output?: string };

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * The record as rows of field and value for people: each field by its name in the user's language,
 * fixed values by their labels, dates as the language writes them, vocabulary ids by their names,
 * another record's id with its name beside it (`folder` must hold those records). Nested objects as
 * `Kontakt: rolle`, lists of objects one row per item, a list of texts (a call's criteria) or of
 * other records one a line. JSON keeps the record as is.
 */
/**
 * How `show` words one value of a record (`record` gives the context: an application's call names
 * its criteria): a single value (`scalar`), a value inside a list item (`inline`: nested lists and
 * objects in brackets), a nested field's name in lower case (`sub`); one fact, for show and for
 * history, which compares list items field by field.
 */
export function valueWords(record: Record<string, unknown>, kind: RecordKind, folder: DataFolder, ctx: CommandContext) {
  const names = namesOf(folder);
  const vocabName = (target: string, id: string): string => {
    if (target === 'municipalities') return names.municipalities.get(id) ?? id;
    const entry = target === 'patient-groups' ? names.patientGroups.get(id) : target === 'offer-types' ? names.offerTypes.get(id) : undefined;
    return entry ? entry[ctx.lang] : id;
  };
  const targets = new Map(REFERENCES[kind].map(([path, target]) => [path.replace(/\.\*/g, ''), target]));
  // An application's scores and decision name its call's criteria by id: shown by their wording.
  const call = kind === 'application' && typeof record.call === 'string' ? folder.records.call.get(record.call) : undefined;
  const criteria = new Map(call ? scoredCriteria(call).map((c) => [c.id, criterionText(c, ctx.lang)]) : []);
  const sub = (path: string) => fieldLabel(ctx.lang, kind, path).split(': ').pop()!.toLocaleLowerCase(ctx.lang);
  const scalar = (path: string, v: unknown): string => {
    if (typeof v === 'string' && CRITERION_IDS.has(path)) return criteria.get(v) ?? v;
    // A criterion's kinds of funding (its schema's alternatives hide the list of values from shapeAt).
    if (typeof v === 'string' && path === 'criteria.kinds') return valueLabel(ctx.lang, v);
    if (typeof v === 'number') return path.endsWith('amount_dkk') ? formatAmount(v, ctx.lang) : String(v);
    if (typeof v !== 'string') return isObject(v) ? JSON.stringify(v) : String(v);
    const shape = shapeAt(kind, path);
    if (shape?.format === 'date') return formatDate(v, ctx.lang);
    if (shape?.enum ?? shape?.items?.enum) return valueLabel(ctx.lang, v, path.split('.').pop());
    const target = targets.get(path);
    if (!target) return v;
    return (VOCABULARIES as readonly string[]).includes(target) ? vocabName(target, v) : idWithName(folder, target as RecordKind, v);
  };
  /** Whether a list's items are texts of their own or other records (not fixed values, dates or vocabulary names), each shown on its own line. */
  const linePerItem = (path: string): boolean => {
    const target = targets.get(path);
    if (target) return !(VOCABULARIES as readonly string[]).includes(target);
    const shape = shapeAt(kind, path);
    return !(shape?.enum ?? shape?.items?.enum) && shape?.format !== 'date' && shape?.items?.format !== 'date';
  };
  // A value inside a list item: a text in both languages in the user's, scores one a line by their
  // criterion's wording, other nested lists and objects in brackets.
  const inline = (path: string, v: unknown): string => {
    if (isObject(v) && isLanguageText(v)) return textIn(v, ctx.lang) ?? '';
    // An assessor's ties by the organisation's name and the kind of tie (`Angstforeningen Skive (bestyrelsesmedlem)`), not as fields in brackets.
    if (path === 'declarations.ties' && Array.isArray(v) && v.length > 0 && v.every(isObject)) {
      return v.map((x) => {
        const org = typeof x.organisation === 'string' ? recordName(folder, 'organisation', x.organisation) ?? x.organisation : '';
        return typeof x.relation === 'string' ? ctx.t('show.tie', { organisation: org, relation: scalar(`${path}.relation`, x.relation) }) : org;
      }).join(', ');
    }
    if (path === 'assessments.scores' && Array.isArray(v)) return v.map((x) => (isObject(x) ? `\n${String(x.score)} – ${scalar(`${path}.criterion`, x.criterion)}` : '')).join('');
    if (Array.isArray(v)) return v.length === 0 ? ctx.t('show.emptyList') : v.map((x) => inline(path, x)).join(', ');
    return isObject(v) ? `(${Object.entries(v).map(([ik, iv]) => `${sub(`${path}.${ik}`)}: ${inline(`${path}.${ik}`, iv)}`).join(', ')})` : scalar(path, v);
  };
  return { scalar, inline, sub, linePerItem };
}

export function fieldRows(record: Record<string, unknown>, kind: RecordKind, folder: DataFolder, ctx: CommandContext): Cell[][] {
  const { scalar, inline, sub, linePerItem } = valueWords(record, kind, folder, ctx);
  const rows: Cell[][] = [];
  /** One item of a list of objects: a criterion by its wording (its id is for the scores, not for people), any other field by field. */
  const item = (path: string, o: Record<string, unknown>): string => {
    const fields = Object.entries(o).filter(([ik]) => !(path === 'criteria' && ik === 'id'));
    return fields.map(([ik, iv]) => (path === 'criteria' && ik === 'text' ? inline(`${path}.${ik}`, iv) : `${sub(`${path}.${ik}`)}: ${inline(`${path}.${ik}`, iv)}`)).join(' · ').replace(/ · \n/g, '\n');
  };
  /**
   * A list of objects, one row per item headed by what one item is called: by the field that tells
   * the items apart where there is one (`Budget 2027: 1.000.000 kr.`), else numbered (`Kriterium 2`).
   * Headings stay unique (numbered when the field does not tell them apart in a broken file), as
   * history pairs old and new rows by them.
   */
  const listRows = (path: string, field: string, label: string, items: unknown[]): void => {
    const one = messageOr(ctx.lang, `label.item.${field}`, label);
    const by = ITEM_HEADING[path];
    const heads = by ? items.map((x) => (isObject(x) && (typeof x[by] === 'number' || typeof x[by] === 'string') ? x[by] : undefined)) : [];
    if (by && heads.every((h) => h !== undefined) && new Set(heads).size === heads.length) {
      items.forEach((x, i) => {
        const rest = Object.fromEntries(Object.entries(x as Record<string, unknown>).filter(([ik]) => ik !== by));
        const only = Object.keys(rest);
        rows.push([`${one} ${scalar(`${path}.${by}`, heads[i])}`, only.length === 1 ? inline(`${path}.${only[0]}`, rest[only[0]]) : item(path, rest)]);
      });
    } else {
      items.forEach((x, i) => rows.push([`${one} ${i + 1}`, isObject(x) ? item(path, x) : scalar(path, x)]));
    }
  };
  const walk = (obj: Record<string, unknown>, prefix: string): void => {
    for (const [k, v] of Object.entries(obj)) {
      const path = prefix + k;
      const label = fieldLabel(ctx.lang, kind, path);
      if (Array.isArray(v)) {
        // An empty list says so in words (as one inside a list item does) rather than leaving the cell blank.
        if (v.length === 0) rows.push([label, ctx.t(emptyMeansAllGroups(kind, path) ? 'show.allGroupsOfAreas' : 'show.emptyList')]);
        else if (v.every((x) => !isObject(x))) rows.push([label, v.map((x) => scalar(path, x)).join(v.every((x) => typeof x === 'string') && linePerItem(path) ? '\n' : ', ')]);
        else listRows(path, k, label, v);
      } else if (isObject(v)) {
        walk(v, `${path}.`);
        // A grant in full without an amount grants the amount applied for: said as ranking, list and letters say it.
        const asApplied = kind === 'application' && path === 'decision' && v.amount_dkk === undefined ? grantedAmount(record as unknown as Application) : undefined;
        if (asApplied !== undefined) rows.push([fieldLabel(ctx.lang, kind, 'decision.amount_dkk'), ctx.t('show.grantedAsApplied', { amount: formatAmount(asApplied, ctx.lang) })]);
      } else {
        rows.push([label, scalar(path, v)]);
      }
    }
  };
  walk(record, '');
  // No list of patient groups at all on a record for which that means every group of its areas:
  // said as an empty list is, so show never leaves out what the record concerns.
  if (emptyMeansAllGroups(kind, 'patient_groups') && record.patient_groups === undefined) {
    // After its areas; an agreement without areas of its own has its organisations': after them.
    const after = ['areas', 'organisations', 'organisation'].map((f) => rows.findIndex((r) => r[0] === fieldLabel(ctx.lang, kind, f))).find((i) => i >= 0) ?? -1;
    rows.splice(after < 0 ? rows.length : after + 1, 0, [fieldLabel(ctx.lang, kind, 'patient_groups'), ctx.t('show.allGroupsOfAreas')]);
  }
  return rows;
}

/**
 * The field that names one item of a list among the others: a pool's budget by its year (one budget
 * a year, by the budget-year-unique rule). An agreement's funding may have two lines in a year, so
 * its lines are numbered.
 */
export const ITEM_HEADING: Record<string, string> = { budgets: 'year' };

/** Where a record holds a criterion's id (an application's scores and decision). */
const CRITERION_IDS = new Set(['assessments.scores.criterion', 'decision.criteria']);

/** A text given in each language (`{da: …, en: …}`). */
function isLanguageText(v: Record<string, unknown>): v is { da?: string; en?: string } {
  const keys = Object.keys(v);
  return keys.length > 0 && keys.every((k) => (k === 'da' || k === 'en') && typeof v[k] === 'string');
}

/** From an agreement's line (`agreement`) or a grant decided on an application that no agreement carries (`application`). */
interface FundingLine { agreement?: string; application?: string; pool: string; year: number; kind: string; amount: number }

/**
 * An organisation's part of every counted funding line (domain/allocation.ts splits them, as
 * overviews and audit do), exact: 400.000 kr. in three is a third for each organisation, shown as
 * 133.333 kr. for each (whole kroner, half up: output/rounded-parts.ts); JSON has that as `amount_dkk`
 * and the exact part to the øre as `exact_amount_dkk`.
 */
function fundingOf(folder: DataFolder, orgId: string): FundingLine[] {
  const source = (f: FundingLine) => f.agreement ?? f.application ?? '';
  return countedLines(folder).filter((l) => l.organisations.includes(orgId)).map((line): FundingLine => {
    const amount = line.amount / line.organisations.length;
    const { agreement, application, pool, year, kind } = line;
    return { ...(agreement !== undefined ? { agreement } : { application }), pool, year, kind, amount };
  }).sort((x, y) => x.year - y.year || x.pool.localeCompare(y.pool) || (x.agreement === undefined ? 1 : 0) - (y.agreement === undefined ? 1 : 0) || source(x).localeCompare(source(y)));
}

/**
 * Of the records read with an organisation, its applications name the calls (with the pool and
 * year of a grant) and the agreements made from them that its money needs: those are read too.
 */
function fundingIds(folder: DataFolder, orgId: string): string[] {
  const out: string[] = [];
  for (const app of folder.records.application.values()) {
    if (!app.organisations.includes(orgId)) continue;
    out.push(app.call);
    if (app.agreement !== undefined) out.push(app.agreement);
  }
  return out;
}

export function show(kind: RecordKind) {
  return async (ctx: CommandContext, opts: Opts, args: unknown[]): Promise<number> => {
    const id = String(args[0]);
    const { folder: whole, leftOut } = loadValidPart(ctx);
    // Of a folder without errors, only the records that may refer to this one are read.
    const clean = leftOut.files.size === 0 && leftOut.dependents.size === 0;
    const around = (ids: readonly string[]): DataFolder => (clean && whole.mentioning ? whole.mentioning(ids) : whole);
    const self = around([id]);
    const record = self.records[kind].get(id) as unknown as Record<string, unknown> | undefined;
    if (!record) {
      const what = { kind: { key: `kind.${kind}` }, id } as const;
      if (leftOut.dependents.has(`${kind}/${id}`)) throw new UserError('validPart.showDependent', what);
      throw new UserError(leftOut.files.has(`${FOLDER_OF[kind]}/${id}.yaml`) ? 'register.notValid' : 'register.notFound', what);
    }
    // With the records this one names, whose names are shown beside their ids.
    const named = new Set<string>();
    for (const [pattern, target] of REFERENCES[kind]) {
      if ((RECORD_KINDS as readonly string[]).includes(target)) forEachValueAt(record, pattern, (v) => { if (typeof v === 'string' && v !== id) named.add(v); });
    }
    const folder = named.size > 0 ? around([id, ...named]) : self;
    // Only what points at this record (an organisation is also reached through hearing parties).
    const referrers = referrersOf(referenceIndex(folder, new Set<Target>([kind]), new Set([id])), kind, id);
    // Consultations reach an organisation through its hearing-list entries.
    const via: Array<Referrer & { via: string }> = [];
    if (kind === 'organisation') {
      const parties = referrers.filter((r) => r.kind === 'hearing-party');
      const index = referenceIndex(around(parties.map((hp) => hp.id)), new Set<Target>(['hearing-party']), new Set(parties.map((hp) => hp.id)));
      for (const hp of parties) {
        for (const c of referrersOf(index, 'hearing-party', hp.id)) via.push({ ...c, via: hp.id });
      }
    }
    const fundingNeeds = kind === 'organisation' ? fundingIds(folder, id) : [];
    const fundingFolder = fundingNeeds.length > 0 ? around([id, ...named, ...fundingNeeds]) : folder;
    const funding = kind === 'organisation' ? fundingOf(fundingFolder, id) : [];
    const file = folder.fileOf(kind, id) ?? '';

    const tables: Table[] = [{ columns: [{ header: ctx.t('show.field') }, { header: ctx.t('show.value') }], rows: fieldRows(record, kind, folder, ctx) }];
    const refRows: Cell[][] = [
      // Each by its name or title, as the user knows it and may type it; by its id where it has none.
      ...referrers.map((r) => [ctx.t(`kind.${r.kind}`), recordName(folder, r.kind, r.id) ?? r.id, fieldLabel(ctx.lang, r.kind, r.field)]),
      ...via.map((r) => [ctx.t(`kind.${r.kind}`), recordName(folder, r.kind, r.id) ?? r.id, ctx.t('show.viaHearingParty', { field: fieldLabel(ctx.lang, r.kind, r.field), party: recordName(folder, 'hearing-party', r.via) ?? r.via })]),
    ];
    tables.push({ title: ctx.t('show.referredBy'), columns: [{ header: ctx.t('show.kind') }, { header: ctx.t('list.name') }, { header: ctx.t('show.inField') }], rows: refRows, notes: refRows.length === 0 ? [ctx.t('show.nothingRefers')] : undefined });
    // What carries each line, by the agreement's or the application's title; with its id only
    // where two different records have the same title (or one has none).
    const sources = funding.map((f) => (f.agreement !== undefined ? { kind: 'agreement' as const, id: f.agreement } : { kind: 'application' as const, id: f.application! }));
    const titleOf = (s: { kind: RecordKind; id: string }) => recordName(fundingFolder, s.kind, s.id);
    const sharedTitle = (s: { kind: RecordKind; id: string }) => sources.some((o) => o.id !== s.id && titleOf(o) === titleOf(s));
    const fundingSource = (i: number): string => {
      const source = sources[i];
      const title = titleOf(source);
      const name = title === undefined ? source.id : sharedTitle(source) ? `${title} (${source.id})` : title;
      return source.kind === 'agreement' ? name : ctx.t('show.fundingApplication', { name });
    };
    if (kind === 'organisation') {
      tables.push({
        title: ctx.t('show.funding'),
        columns: [{ header: ctx.t('show.year'), align: 'right' }, { header: ctx.t('show.pool') }, { header: ctx.t('show.agreement') }, { header: ctx.t('show.fundingKind') }, { header: ctx.t('show.amount'), align: 'right' }],
        // Pools by name from the whole folder (a few records): they are not among those read with the one shown.
        rows: funding.map((f, i) => [String(f.year), whole.records.pool.get(f.pool)?.name ?? f.pool, fundingSource(i), valueLabel(ctx.lang, f.kind), formatAmount(wholeKroner(f.amount), ctx.lang)]),
        notes: funding.length === 0 ? [ctx.t('show.noFunding')] : [ctx.t('show.fundingNote')],
      });
    }
    emit(ctx, opts, {
      heading: `${ctx.t(`kind.${kind}`)} ${id} (${file})`,
      tables,
      json: {
        kind, id, file, record,
        referredBy: referrers.map((r) => ({ kind: r.kind, id: r.id, field: r.field })),
        ...(kind === 'organisation' ? {
          consultations: via.map((r) => ({ id: r.id, field: r.field, hearingParty: r.via })),
          funding: funding.map((f) => ({ ...(f.agreement !== undefined ? { agreement: f.agreement } : { application: f.application }), pool: f.pool, year: f.year, kind: f.kind, amount_dkk: wholeKroner(f.amount), exact_amount_dkk: Math.round(f.amount * 100) / 100 })),
        } : {}),
      },
    });
    return EXIT.ok;
  };
}
