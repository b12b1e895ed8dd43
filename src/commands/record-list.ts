// `civsam <kind> list`: the records of one kind, filtered by the obvious fields, as a table or
// as JSON (the records themselves), CSV or Markdown.
import type { CommandContext } from '../context/context.js';
import { loadValidPart } from '../context/load.js';
import { noneShown } from '../output/labels.js';
import { leftOutCounts } from '../validate/valid-part.js';
import { chooseFormat, emit } from '../context/output.js';
import type { DataFolder } from '../domain/folder.js';
import type { Agreement, Application, Call, Consultation, HearingParty, Offer, Organisation, Pool, RecordKind } from '../domain/kinds.js';
import { descendantsIndex, municipalityIds, offerActive, reachOf } from '../domain/reach.js';
import { applicationsByCall, grantedAmount, selectionOf } from '../domain/applications.js';
import { EXIT } from '../domain/errors.js';
import { compareNames, nameKey } from '../domain/text.js';
import type { MessageKey } from '../i18n/index.js';
import { formatAmount, formatDate } from '../i18n/format.js';
import { valueLabel } from '../i18n/values.js';
import type { Cell, Column } from '../output/table.js';

export interface ListOpts {
  area?: string[];
  patientGroup?: string[];
  municipality?: string[];
  status?: string;
  organisation?: string[];
  pool?: string[];
  kind?: string[];
  type?: string[];
  channel?: string;
  call?: string[];
  format?: string;
  output?: string;
}

type AnyRec = Record<string, unknown> & { id: string; areas?: string[]; patient_groups?: string[]; municipalities?: string[]; scope?: 'regional' | 'national' };

const list = (v: unknown): string[] => (Array.isArray(v) ? (v as string[]) : []);

/** A call's status: as recorded, else open until its deadline has passed. */
export function callStatus(c: Call, today: string): string {
  return c.status ?? (c.deadline < today ? 'closed' : 'open');
}

/** The organisations a record concerns (for --organisation). */
function organisationsOf(kind: RecordKind, r: AnyRec, folder: DataFolder): string[] {
  switch (kind) {
    case 'organisation': return [r.id];
    case 'offer': return [(r as unknown as Offer).organisation];
    case 'agreement': return (r as unknown as Agreement).organisations;
    case 'hearing-party': return [(r as unknown as HearingParty).organisation];
    case 'call': { const c = r as unknown as Call; const s = selectionOf(c, applicationsOfCall(folder, c.id)); return [...list(c.invited), ...s.applicants, ...s.selected]; }
    case 'consultation': return list((r as unknown as Consultation).invited).map((p) => folder.records['hearing-party'].get(p)?.organisation ?? '');
    case 'application': return (r as unknown as Application).organisations;
    default: return [];
  }
}

const byCall = new WeakMap<DataFolder, Map<string, Application[]>>();
/** A call's applications, the folder's grouped by call once for the whole list. */
function applicationsOfCall(folder: DataFolder, id: string): Application[] {
  let map = byCall.get(folder);
  if (!map) byCall.set(folder, (map = applicationsByCall(folder.records.application.values())));
  return map.get(id) ?? [];
}

/** The records that pass every given filter, in id order. */
export function filterRecords(kind: RecordKind, folder: DataFolder, opts: ListOpts, today: string): AnyRec[] {
  const all = [...folder.records[kind].values()] as unknown as AnyRec[];
  const groups = descendantsIndex(folder.vocabularies.patientGroups);
  const wantedGroups = opts.patientGroup ? new Set(opts.patientGroup.flatMap((g) => [...(groups.get(g) ?? [g])])) : undefined;
  const groupAreas = new Map(folder.vocabularies.patientGroups.map((g) => [g.id, g.areas as string[]]));
  const municipalities = municipalityIds(folder);
  return all.filter((r) => {
    if (opts.area && !list(r.areas).some((a) => opts.area!.includes(a))) return false;
    if (wantedGroups) {
      const own = list(r.patient_groups);
      // A consultation without patient groups concerns every group of its areas.
      const matches = own.length > 0 ? own.some((g) => wantedGroups.has(g))
        : kind === 'consultation' && [...wantedGroups].some((g) => (groupAreas.get(g) ?? []).some((a) => list(r.areas).includes(a)));
      if (!matches) return false;
    }
    if (opts.municipality) {
      const reach = reachOf(r, municipalities);
      if (!opts.municipality.some((m) => reach.has(m))) return false;
    }
    if (opts.status) {
      const status = kind === 'call' ? callStatus(r as unknown as Call, today) : kind === 'offer' ? offerStatus(r as unknown as Offer, folder, today) : r.status;
      if (status !== opts.status) return false;
    }
    if (opts.organisation && !organisationsOf(kind, r, folder).some((o) => opts.organisation!.includes(o))) return false;
    if (opts.pool) {
      const pools = kind === 'agreement' ? ((r as unknown as Agreement).funding ?? []).map((f) => f.pool) : [String((r as unknown as Call).pool ?? '')];
      if (!pools.some((p) => opts.pool!.includes(p))) return false;
    }
    if (opts.kind && !opts.kind.includes(String(r.kind))) return false;
    if (opts.type && !opts.type.includes(String(r.type))) return false;
    if (opts.channel && r.channel !== opts.channel) return false;
    if (opts.call && !opts.call.includes(String(r.call))) return false;
    return true;
  }).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * An offer's status on a day: planned (not started), ended, active as the overviews count it
 * (offerActive: its organisation is active too), or organisation-inactive: within its dates, but
 * its organisation is not active that day, so no overview counts it and neither does
 * `--status active`.
 */
export function offerStatus(o: Offer, folder: DataFolder, today: string): string {
  if (o.active_from > today) return 'planned';
  if (o.active_until !== undefined && o.active_until < today) return 'ended';
  return offerActive(o, folder, today) ? 'active' : 'organisation-inactive';
}

/**
 * How a row writes what it refers to: a fixed value by its label, an organisation, offer type or
 * call by its name, in the reader's language (a row's own id stays in its Id column); a date as
 * `5. dec. 2026` in a table and ISO in CSV, which a spreadsheet reads as a date. CSV is what a
 * person opens in Excel (its headers are in their language too); scripts read `--format json`,
 * the records themselves with their codes and ids.
 */
interface Say {
  value(code: string | undefined): string;
  values(v: unknown): string;
  date(iso: string | undefined): string;
  amount(dkk: number | undefined): string;
  organisations(ids: unknown): string;
  offerType(id: string): string;
  call(id: string): string;
}
type Row = (r: AnyRec, ctx: CommandContext, say: Say, folder: DataFolder) => Cell[];

/**
 * A kind's list: its columns (`headers`, as CSV, Markdown have them) and each record's cells. On a
 * terminal the name or title comes first (`onScreen`), the id whole beside it; a window too narrow
 * for them all leaves out the columns in `spared`, the first first, until the rest fit.
 */
interface ListColumns { headers: MessageKey[]; row: Row; onScreen: MessageKey[]; spared: MessageKey[] }

const COLUMNS: Record<RecordKind, ListColumns> = {
  organisation: {
    onScreen: ['list.name', 'list.id', 'list.orgKind', 'list.areas', 'list.status'],
    // An organisation's name is its own (validate refuses two by one name) and every command takes
    // it, so the name identifies the row: the id, widest of all (shown whole), gives way first, in
    // every narrow window, then the kind (most are of a few), then the areas; name and status stay.
    spared: ['list.id', 'list.orgKind', 'list.areas'],
    headers: ['list.id', 'list.name', 'list.orgKind', 'list.areas', 'list.status'],
    row: (r, _ctx, say) => { const o = r as unknown as Organisation; return [o.id, o.name, say.value(o.kind), say.values(o.areas), say.value(o.status)]; },
  },
  offer: {
    onScreen: ['list.title', 'list.id', 'list.organisation', 'list.type', 'list.from', 'list.until', 'list.status'],
    spared: ['list.until', 'list.from', 'list.id', 'list.type'],
    headers: ['list.id', 'list.title', 'list.organisation', 'list.type', 'list.from', 'list.until', 'list.status'],
    row: (r, ctx, say, folder) => { const o = r as unknown as Offer; return [o.id, o.title, say.organisations([o.organisation]), say.offerType(o.type), say.date(o.active_from), say.date(o.active_until), say.value(offerStatus(o, folder, ctx.today))]; },
  },
  agreement: {
    onScreen: ['list.title', 'list.id', 'list.organisations', 'list.start', 'list.end', 'list.status', 'list.funding'],
    // The status tells a draft or cancelled agreement's money from an active one's: it stays. The
    // dates give way first, then the id (title and organisations tell the rows apart as well).
    spared: ['list.start', 'list.end', 'list.id'],
    headers: ['list.id', 'list.title', 'list.organisations', 'list.start', 'list.end', 'list.status', 'list.funding'],
    row: (r, _ctx, say) => {
      const a = r as unknown as Agreement;
      const total = (a.funding ?? []).reduce((n, f) => n + f.amount_dkk, 0);
      return [a.id, a.title, say.organisations(a.organisations), say.date(a.start), say.date(a.end), say.value(a.status), total ? say.amount(total) : ''];
    },
  },
  pool: {
    onScreen: ['list.name', 'list.id', 'list.areas', 'list.eligibleKinds', 'list.years'],
    spared: ['list.eligibleKinds', 'list.id', 'list.years'],
    headers: ['list.id', 'list.name', 'list.areas', 'list.eligibleKinds', 'list.years'],
    row: (r, _ctx, say) => { const p = r as unknown as Pool; return [p.id, p.name, say.values(p.areas), say.values(p.eligible_kinds), p.budgets.map((b) => b.year).join(', ')]; },
  },
  call: {
    onScreen: ['list.title', 'list.id', 'list.channel', 'list.published', 'list.deadline', 'list.selected', 'list.status'],
    spared: ['list.published', 'list.channel', 'list.id', 'list.selected'],
    headers: ['list.id', 'list.title', 'list.channel', 'list.published', 'list.deadline', 'list.selected', 'list.status'],
    // Selected as its applications show it (granted in full or in part), or as a call written the old way lists it.
    row: (r, ctx, say, folder) => { const c = r as unknown as Call; return [c.id, c.title, say.value(c.channel), say.date(c.published), say.date(c.deadline), selectionOf(c, applicationsOfCall(folder, c.id)).selected.length, say.value(callStatus(c, ctx.today))]; },
  },
  'hearing-party': {
    onScreen: ['list.organisation', 'list.id', 'list.areas', 'list.since', 'list.status'],
    spared: ['list.since', 'list.id'],
    headers: ['list.id', 'list.organisation', 'list.areas', 'list.since', 'list.status'],
    row: (r, _ctx, say) => { const h = r as unknown as HearingParty; return [h.id, say.organisations([h.organisation]), say.values(h.areas), say.date(h.since), say.value(h.status)]; },
  },
  consultation: {
    onScreen: ['list.title', 'list.id', 'list.selection', 'list.opens', 'list.deadline', 'list.invited', 'list.responses', 'list.status'],
    spared: ['list.selection', 'list.opens', 'list.id', 'list.invited', 'list.responses'],
    headers: ['list.id', 'list.title', 'list.selection', 'list.opens', 'list.deadline', 'list.invited', 'list.responses', 'list.status'],
    row: (r, _ctx, say) => {
      const c = r as unknown as Consultation;
      return [c.id, c.title, c.selection === 'limited' ? `${say.value(c.selection)} (${c.seats ?? '?'})` : say.value(c.selection), say.date(c.opens), say.date(c.deadline), list(c.invited).length, list(c.responses).length, say.value(c.status)];
    },
  },
  application: {
    onScreen: ['list.title', 'list.id', 'list.organisations', 'list.call', 'list.fundingKind', 'list.applied', 'list.decision', 'list.granted'],
    // The organisations and the call tell applications apart (an organisation applies once to a
    // call), and the decision says where each stands: they stay. The kind of funding gives way first,
    // then the id (long, shown whole), the amounts, the title; a title left empty in most rows (many
    // applications have none) gives way before all of them (output/table.ts).
    spared: ['list.fundingKind', 'list.id', 'list.applied', 'list.granted', 'list.title'],
    headers: ['list.id', 'list.title', 'list.call', 'list.organisations', 'list.fundingKind', 'list.applied', 'list.decision', 'list.granted'],
    row: (r, _ctx, say) => {
      const a = r as unknown as Application;
      const granted = grantedAmount(a);
      return [a.id, a.title, say.call(a.call), say.organisations(a.organisations), say.value(a.kind), say.amount(a.amount_dkk), say.value(a.decision?.outcome), say.amount(granted)];
    },
  },
};

/** Whether two of the names are alike (by the register's uniqueness key); an empty name (an application without a title) is no name. */
function namesAlike(names: readonly Cell[]): boolean {
  const seen = new Set<string>();
  for (const n of names) {
    if (typeof n !== 'string' || n.trim() === '') continue;
    const key = nameKey(n);
    if (seen.has(key)) return true;
    seen.add(key);
  }
  return false;
}

export function listRecords(kind: RecordKind) {
  return async (ctx: CommandContext, opts: ListOpts): Promise<number> => {
    const part = loadValidPart(ctx, kind === 'organisation' ? [kind] : kind === 'application' ? [kind, 'organisation', 'call'] : kind === 'call' ? [kind, 'organisation', 'application'] : [kind, 'organisation']);
    const { folder } = part;
    const records = filterRecords(kind, folder, opts, ctx.today);
    const spec = COLUMNS[kind];
    const inTable = chooseFormat(opts) !== 'csv';
    const named = (id: string, name: string | undefined): string => name ?? id;
    const offerTypes = new Map(folder.vocabularies.offerTypes.map((t) => [t.id, t.name[ctx.lang]]));
    const say: Say = {
      value: (c) => (c ? valueLabel(ctx.lang, c) : ''),
      values: (v) => list(v).map((c) => valueLabel(ctx.lang, c)).join(', '),
      date: (d) => (d ? (inTable ? formatDate(d, ctx.lang) : d) : ''),
      amount: (n) => (n === undefined ? '' : inTable ? formatAmount(n, ctx.lang) : String(n)),
      organisations: (ids) => list(ids).map((id) => named(id, folder.records.organisation.get(id)?.name)).join(', '),
      offerType: (id) => named(id, offerTypes.get(id)),
      call: (id) => named(id, folder.records.call.get(id)?.title),
    };
    const onScreen = chooseFormat(opts) === 'table';
    const order = (onScreen ? spec.onScreen : spec.headers).map((h) => spec.headers.indexOf(h));
    // Two rows of one name (two agreements may share a title) are told apart by their ids only: the
    // Id column then stays in a narrow window, as the rows would otherwise look the same.
    const rows = records.map((r) => ({ id: r.id, cells: spec.row(r, ctx, say, folder) }));
    const idNeeded = onScreen && namesAlike(rows.map((r) => r.cells[spec.headers.indexOf(spec.onScreen[0])]));
    const spared = idNeeded ? spec.spared.filter((h) => h !== 'list.id') : spec.spared;
    const columns: Column[] = order.map((i) => spec.headers[i]).map((h) => ({
      header: ctx.t(h),
      align: h === 'list.selected' || h === 'list.invited' || h === 'list.responses' || h === 'list.funding' || h === 'list.applied' || h === 'list.granted' ? 'right' : 'left',
      ...(onScreen && spared.includes(h) ? { omitOrder: spared.indexOf(h) } : {}),
      ...(onScreen && h === 'list.id' ? { unbroken: true } : {}),
    }));
    // None to list: the sentence that says so, not a frame of headers (a CSV keeps its header row).
    const count = folder.records[kind].size;
    const things = ctx.t(`list.heading.${kind}`, { count });
    // None in the register, or none that could be read (records left out for errors may exist: never "there are none").
    const none = records.length > 0 ? undefined : count === 0 ? (noneShown(kind, leftOutCounts(part.leftOut), ctx.lang) ?? ctx.t('list.none', { things })) : ctx.t('list.noneMatch', { count, things, kind: { key: `kind.${kind}` as MessageKey } });
    // On screen and in Markdown, read by people: by the name shown first, in Danish order (Æ, Ø, Å
    // last), the id where names are alike. JSON and CSV keep id order, stable between runs for scripts and diffs.
    const format = chooseFormat(opts);
    if (format === 'table' || format === 'md') {
      // The name shown first; where a record has none (an application without a title), what its row shows next.
      const shown = spec.onScreen.filter((h) => h !== 'list.id').map((h) => spec.headers.indexOf(h));
      const name = (cells: Cell[]) => String(shown.map((i) => cells[i]).find((c) => c !== undefined && c !== '') ?? '');
      rows.sort((a, b) => compareNames(name(a.cells), name(b.cells)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    }
    emit(ctx, opts, {
      heading: none ? undefined : ctx.t(`list.heading.${kind}`, { count: records.length }),
      tables: [{ columns, rows: rows.map(({ cells }) => order.map((i) => cells[i])), keyColumns: 2, ...(none ? { notes: [none] } : {}) } as never],
      json: records,
    });
    // Offers left out of --status active only because their organisation is not active: said, so
    // the count is seen to agree with the overviews' rather than taken for a lost offer.
    if (kind === 'offer' && opts.status === 'active') {
      const count = filterRecords(kind, folder, { ...opts, status: 'organisation-inactive' }, ctx.today).length;
      if (count > 0) ctx.stderr.write(ctx.t('list.offersOrganisationInactive', { count, label: valueLabel(ctx.lang, 'organisation-inactive') }) + '\n');
    }
    return EXIT.ok;
  };
}
