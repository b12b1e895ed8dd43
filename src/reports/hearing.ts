// The hearing commands' reports as data (JSON) and tables (terminal, CSV, Markdown): the plan, the
// hearing list for the letter, the report after the deadline, and an organisation's history.
// Pure: the folder and what was computed in, text in the reader's language out.
import type { DataFolder } from '../domain/folder.js';
import type { Consultation, HearingParty } from '../domain/kinds.js';
import { daysBetween, isLate } from '../domain/dates.js';
import { listWords, translate, type Language, type MessageKey, type MessageParams } from '../i18n/index.js';
import { messageOr } from '../i18n/values.js';
import { formatDate, formatShare } from '../i18n/format.js';
import type { Table } from './table.js';
import { functionalAddress } from '../hearing/contacts.js';
import { invitedTo, organisationHistory } from '../hearing/history.js';
import type { Plan } from '../hearing/plan.js';
import { consultationOpened, eligibleParties, hearingIndex } from '../domain/scope.js';
import { titleList } from '../audit/make.js';

export interface Report {
  json: unknown;
  tables: Table[];
  heading: string;
  /** Diagnostics for stderr (a note, never data). */
  notes: string[];
}

type T = (key: MessageKey, params?: MessageParams) => string;
const tr = (lang: Language): T => (key, params) => translate(lang, key, params);

/**
 * Danish alphabetical order (æ, ø, å last; "Aa" as å), the order a Danish hearing list is read in:
 * by the letters, so a name written with a bracket or a quote sorts where its first letter does.
 */
const danish = new Intl.Collator('da', { ignorePunctuation: true });

function organisationName(folder: DataFolder, party: HearingParty | undefined, fallback: string): string {
  return (party && folder.records.organisation.get(party.organisation)?.name) ?? fallback;
}

/**
 * A party as a table shows it: by its organisation's name, as it is typed (consultation invite,
 * omit); its id only where two of the parties in `rows` share a name, as that is then what tells
 * them apart.
 */
function partyNames(rows: readonly { name: string; party: string }[]): (r: { name: string; party: string }) => string {
  const partiesOf = new Map<string, Set<string>>();
  for (const r of rows) {
    const parties = partiesOf.get(r.name) ?? new Set<string>();
    partiesOf.set(r.name, parties.add(r.party));
  }
  return (r) => (partiesOf.get(r.name)!.size > 1 && r.name !== r.party ? `${r.name} (${r.party})` : r.name);
}

function byName<T extends { name: string; party: string }>(a: T, b: T): number {
  return danish.compare(a.name, b.name) || (a.party < b.party ? -1 : a.party > b.party ? 1 : 0);
}

const statusKey = (s: Consultation['status']): MessageKey => `hearing.status.${s}` as MessageKey;

// ---------------------------------------------------------------------------------------- plan

export function planReport(folder: DataFolder, plan: Plan, lang: Language): Report {
  const t = tr(lang);
  const c = plan.consultation;
  const limited = c.selection === 'limited' && c.seats !== undefined;
  const eligible = plan.rows.length;
  // Numbered as the proposal runs, 1, 2, 3 without a gap: a party left out (omitted, or no seat)
  // has no place in it, and a skipped number would read as a row missing.
  let place = 0;
  const rows = plan.rows.map((r) => ({
    party: r.party.id,
    organisation: r.party.organisation,
    name: organisationName(folder, r.party, r.party.organisation),
    since: r.party.since,
    invited: r.record.invited,
    of: plan.window.length,
    last_invited: r.record.lastInvited ? { consultation: r.record.lastInvited.id, opens: r.record.lastInvited.opens } : null,
    answered: r.record.answered,
    waited: r.waited,
    proposed: r.proposed,
    rank: r.proposed ? ++place : null,
    reason: r.reason ? translate(lang, r.reason.key, r.reason.params) : null,
    omitted_reason: r.omittedReason ?? null,
  }));
  const json = {
    consultation: {
      id: c.id || null, title: c.title || null, areas: c.areas, patient_groups: c.patient_groups ?? [], opens: c.opens,
      selection: c.selection, seats: c.seats ?? null, status: c.id ? c.status : null,
    },
    history: plan.window.map((h) => h.id),
    rotation_history: plan.rotation.map((h) => h.id),
    proposal: plan.proposal,
    parties: rows,
  };
  const shownName = partyNames(rows);
  const columns = [
    { header: t('hearing.col.rank'), align: 'right' as const },
    { header: t('hearing.col.organisation') },
    { header: t('hearing.col.since') },
    { header: t('hearing.col.invited') },
    { header: t('hearing.col.lastInvited') },
    { header: t('hearing.col.answers'), align: 'right' as const },
    { header: t('plan.col.why') },
  ];
  const tableRows = rows.map((r) => [
    r.rank ?? '',
    shownName(r),
    formatDate(r.since, lang),
    // Of no earlier consultation on the subject: nothing to count (not "0 af 0").
    r.of === 0 ? '–' : t('hearing.invitedOf', { count: r.invited, total: r.of }),
    r.last_invited ? formatDate(r.last_invited.opens, lang) : '–',
    r.answered,
    // One line per party, in words: why it is proposed (✓) or not.
    r.proposed ? `✓ ${r.reason ?? ''}` : r.reason ?? '',
  ]);
  // Earlier consultations by their titles, as the rows name parties by name (the JSON keeps their ids).
  const titles = (list: Consultation[]) => titleList(folder, 'consultation', list.map((h) => h.id));
  const notes = [
    eligible === 0 ? t('hearing.plan.noEligible') : t('hearing.plan.proposal', { count: plan.proposal.length, eligible }),
  ];
  const heading = [
    c.id ? t('hearing.plan.heading', { title: c.title, id: c.id }) : t('hearing.plan.headingDraft'),
    limited ? t('hearing.plan.selectionLimited', { seats: c.seats!, opens: formatDate(c.opens, lang) }) : t('hearing.plan.selectionAll', { opens: formatDate(c.opens, lang) }),
    plan.window.length ? t('hearing.plan.window', { count: plan.window.length, titles: titles(plan.window) }) : t('hearing.plan.windowNone'),
    // With no rotation history, what decides instead is said once here, not in every row's reason.
    ...(limited ? [plan.rotation.length ? t('hearing.plan.rotation', { titles: titles(plan.rotation) }) : t(plan.window.length ? 'hearing.plan.rotationFirst' : 'hearing.plan.rotationNone')] : []),
  ].join('\n');
  return { json, heading, tables: [{ columns, rows: tableRows, notes }], notes: [] };
}

// ---------------------------------------------------------------------------------- list-parties

export function hearingListReport(folder: DataFolder, c: Consultation, includeContacts: boolean, lang: Language): Report {
  const t = tr(lang);
  const parties = folder.records['hearing-party'];
  let personal = 0;
  const rows = (c.invited ?? []).map((id) => {
    const party = parties.get(id);
    const org = party ? folder.records.organisation.get(party.organisation) : undefined;
    const row: { party: string; organisation: string; name: string; website: string | null; contact?: string | null } = {
      party: id, organisation: party?.organisation ?? id, name: org?.name ?? id, website: org?.website ?? null,
    };
    if (includeContacts) {
      const address = functionalAddress(org?.contact, folder.settings?.policy?.functional_address_words);
      if (!address && org?.contact?.email) personal++;
      row.contact = address ?? null;
    }
    return row;
  }).sort(byName);
  const columns = [{ header: t('hearing.col.organisation') }, ...(includeContacts ? [{ header: t('hearing.col.contact') }] : [])];
  const tableRows = rows.map((r) => [r.name, ...(includeContacts ? [r.contact ?? t('hearing.list.noContact')] : [])]);
  const notes: string[] = [];
  if (rows.length === 0) notes.push(t('hearing.list.empty', { id: c.id }));
  if (personal > 0) notes.push(t('hearing.list.personalLeftOut', { count: personal }));
  return {
    json: { consultation: { id: c.id, title: c.title }, parties: rows },
    heading: t('hearing.list.heading', { title: c.title }),
    tables: rows.length ? [{ columns, rows: tableRows, notes: [t('hearing.list.count', { count: rows.length })] }] : [],
    notes,
  };
}

// ---------------------------------------------------------------------------------------- report

/** One invited party of a consultation, with the day its response came (the report's `invited`). */
export interface HeardParty {
  party: string;
  organisation: string;
  name: string;
  responded: boolean;
  received: string | null;
  late: boolean;
}

/** Every party invited to `c` with its response, in Danish alphabetical order: the hearing report's list, and the site's. */
export function heardParties(folder: DataFolder, c: Consultation): HeardParty[] {
  const parties = folder.records['hearing-party'];
  // The first response of each party, as responseOf finds it, without searching the list per party.
  const firstResponse = new Map<string, string | undefined>();
  for (const r of c.responses ?? []) if (!firstResponse.has(r.party)) firstResponse.set(r.party, r.received);
  return (c.invited ?? []).map((id) => {
    const received = firstResponse.get(id) ?? null;
    // A response after the deadline still counts, marked late.
    const late = received !== null && isLate(received, c.deadline);
    return { party: id, organisation: parties.get(id)?.organisation ?? id, name: organisationName(folder, parties.get(id), id), responded: received !== null, received, late };
  }).sort(byName);
}

/** What the region did with a point a response raised; null until decided. */
export type Disposition = 'accommodated' | 'partly' | 'not';

export interface ResponsePoint {
  party: string;
  organisation: string;
  name: string;
  summary: string;
  disposition: Disposition | null;
  reason: string | null;
}

/** The points the responses raised, party by party in the order of `heard`, each party's in the order recorded. */
function responsePoints(c: Consultation, heard: readonly HeardParty[]): ResponsePoint[] {
  const pointsOf = new Map<string, NonNullable<NonNullable<Consultation['responses']>[number]['points']>>();
  for (const r of c.responses ?? []) if (!pointsOf.has(r.party)) pointsOf.set(r.party, r.points ?? []);
  return heard.flatMap((h) => (pointsOf.get(h.party) ?? []).map((x) => ({
    party: h.party, organisation: h.organisation, name: h.name, summary: x.summary, disposition: (x.disposition ?? null) as Disposition | null, reason: x.reason ?? null,
  })));
}

/**
 * How a consultation closed before its deadline (`consultation close --early`): the day, when the
 * file holds it, and the reason. Undefined when it did not, or had not yet on `asOf`.
 */
export function closedEarly(c: Consultation, asOf: string): { date: string | null; reason: string | null } | undefined {
  if (c.status !== 'closed' || (c.closed_early === undefined && c.closed_early_reason === undefined)) return undefined;
  if (c.closed_early !== undefined && c.closed_early > asOf) return undefined;
  return { date: c.closed_early ?? null, reason: c.closed_early_reason ?? null };
}

/**
 * The day a consultation sent out after its planned day was planned to open (`planned_opens`, kept
 * by `consultation open`); undefined when it went out on its day or has not gone out.
 */
export function openedLate(c: Consultation): string | undefined {
  return c.status !== 'planned' && c.planned_opens !== undefined && isLate(c.opens, c.planned_opens) ? c.planned_opens : undefined;
}

/**
 * The error-level findings of its hearing list a consultation was sent out despite (`consultation
 * open --despite-findings`), by rule id, and the reason; undefined when there were none.
 */
export function openedDespite(c: Consultation): { rules: string[]; reason: string | null } | undefined {
  return c.status !== 'planned' && (c.opened_despite ?? []).length > 0 ? { rules: c.opened_despite!, reason: c.opened_despite_reason ?? null } : undefined;
}

/** The findings' rules by their names, as a sentence lists them (`Høringsberettiget part udeladt og …`); an id the catalogue lacks as itself. */
export function ruleTitles(lang: Language, rules: readonly string[]): string {
  return listWords(lang, rules.map((id) => messageOr(lang, `rule.${id}.title`, id)));
}

export function consultationReport(folder: DataFolder, c: Consultation, asOf: string, lang: Language): Report {
  const t = tr(lang);
  const heard = heardParties(folder, c);
  const points = responsePoints(c, heard);
  const early = closedEarly(c, asOf);
  const sentLate = openedLate(c);
  const despite = openedDespite(c);
  const responded = heard.filter((h) => h.responded).length;
  const late = heard.filter((h) => h.late).length;
  const share = heard.length ? responded / heard.length : 0;
  const reasons = new Map((c.omitted ?? []).map((o) => [o.party, o.reason]));
  const notInvited = eligibleParties(hearingIndex(folder, asOf), c)
    .filter((p) => !invitedTo(c, p.id))
    .map((p) => ({ party: p.id, organisation: p.organisation, name: organisationName(folder, p, p.id), reason: reasons.get(p.id) ?? null }))
    .sort(byName);
  const limited = c.selection === 'limited' && c.seats !== undefined;
  const days = daysBetween(c.opens, c.deadline);
  const json = {
    consultation: { id: c.id, title: c.title, opens: c.opens, deadline: c.deadline, days, status: c.status, selection: c.selection, seats: c.seats ?? null, planned_opens: c.planned_opens ?? null, opened_despite: c.opened_despite ?? [], opened_despite_reason: c.opened_despite_reason ?? null, closed_early: c.closed_early ?? null, closed_early_reason: c.closed_early_reason ?? null },
    invited: heard,
    response_rate: { responded, invited: heard.length, share: Math.round(share * 1000) / 1000 },
    points,
    not_invited: notInvited,
  };
  // Parties by name, in all three tables alike (a party not invited may share its name with one heard).
  const shownName = partyNames([...heard, ...notInvited]);
  const heardTable: Table = {
    title: t('hearing.report.heard'),
    columns: [{ header: t('hearing.col.organisation') }, { header: t('hearing.col.response') }],
    rows: heard.map((h) => [shownName(h), h.received ? t(h.late ? 'course.receivedLate' : 'hearing.report.received', { date: formatDate(h.received, lang) }) : t('hearing.report.none')]),
    notes: [
      t('hearing.report.rate', { responded, invited: heard.length, share: formatShare(share, lang) }),
      ...(late > 0 ? [t('course.lateCount', { count: late })] : []),
      ...(responded > 0 && points.length === 0 ? [t('hearingNote.noPoints')] : []),
      ...(notInvited.length === 0 ? [t('hearing.report.allInvited')] : []),
    ],
  };
  // The høringsnotat's summary (consultation report --format md) in the table too: each point, what the region did with it and why.
  const pointsTable: Table = {
    title: t('hearing.report.points'),
    columns: [{ header: t('hearing.col.organisation') }, { header: t('hearing.col.point') }, { header: t('hearing.col.disposition') }, { header: t('hearing.col.reason') }],
    rows: points.map((x) => [shownName(x), x.summary, x.disposition ? t(`hearingNote.disposition.${x.disposition}`) : t('hearing.report.undecided'), x.reason ?? t('hearing.report.none')]),
  };
  const notInvitedTable: Table = {
    title: t('hearing.report.notInvited'),
    columns: [{ header: t('hearing.col.organisation') }, { header: t('hearing.col.reason') }],
    rows: notInvited.map((n) => [shownName(n), n.reason ?? (limited ? t('hearing.report.noSeat', { seats: c.seats! }) : t('hearing.report.noReason'))]),
  };
  const heading = [
    t('hearing.report.heading', { title: c.title, id: c.id }),
    // The opening day in the tense it has as of the report's day: ahead (a planned one's opening day is
    // still ahead until it has passed, as hearing-not-opened counts it), passed, or passed without the consultation going out.
    t(c.opens > asOf || (c.status === 'planned' && c.opens === asOf) ? 'hearing.report.datesAhead' : c.status === 'planned' ? 'hearing.report.datesNotOpened' : 'hearing.report.dates', { opens: formatDate(c.opens, lang), deadline: formatDate(c.deadline, lang), days, status: t(statusKey(c.status)) }),
    // Sent out on another day than planned, or despite an error in its list: said as the høringsnotat
    // says it (a decision the file keeps, with its reason, not a problem still open).
    ...(sentLate ? [openedLateText(sentLate, lang)] : []),
    ...(despite ? [openedDespiteText(despite, lang)] : []),
    ...(early ? [closedEarlyText(early, lang)] : []),
    // No party invited: said in words, not as an empty list and a rate of 0 of 0.
    ...(heard.length === 0 ? [t('hearingNote.noParties')] : []),
  ].join('\n');
  // Closed early, no more responses are awaited.
  const notes = asOf <= c.deadline && !early ? [t('hearing.report.beforeDeadline', { deadline: c.deadline, asOf })] : [];
  return { json, heading, tables: [...(heard.length ? [heardTable] : []), ...(points.length ? [pointsTable] : []), ...(notInvited.length ? [notInvitedTable] : [])], notes };
}

/** "Høringen var planlagt til at åbne …, men blev sendt ud senere; …": the hearing report's and the høringsnotat's one sentence. */
export function openedLateText(planned: string, lang: Language): string {
  return translate(lang, 'hearingNote.openedLate', { planned: formatDate(planned, lang) });
}

/**
 * "Høringen blev sendt ud trods en fejl i høringslisten: Høringsberettiget part udeladt. Begrundelse …":
 * the findings by their names and the region's reason, in the hearing report and the høringsnotat alike.
 */
export function openedDespiteText(despite: { rules: readonly string[]; reason: string | null }, lang: Language): string {
  const reason = despite.reason ?? translate(lang, 'hearing.report.noReason');
  return `${translate(lang, 'hearingNote.openedDespite', { count: despite.rules.length, findings: ruleTitles(lang, despite.rules) })} ${translate(lang, 'hearingNote.openedDespiteReason', { reason })}`;
}

/** "Lukket før fristen den 10. dec. 2026: Alle har svaret": when and why, as far as the file says. */
export function closedEarlyText(early: { date: string | null; reason: string | null }, lang: Language): string {
  const reason = early.reason ?? translate(lang, 'hearing.report.noReason');
  return early.date ? translate(lang, 'hearing.report.closedEarly', { date: formatDate(early.date, lang), reason }) : translate(lang, 'course.closedEarly', { reason });
}

// --------------------------------------------------------------------------------------- history

/** `today`: a consultation counts as an invitation once it went out (consultationOpened), as the plan and the site count it. */
export function historyReport(folder: DataFolder, organisation: string, lang: Language, today: string): Report {
  const t = tr(lang);
  const lines = organisationHistory(folder, organisation);
  const org = folder.records.organisation.get(organisation);
  const yesNo = (b: boolean) => t(b ? 'hearing.yes' : 'hearing.no');
  const json = {
    organisation: { id: organisation, name: org?.name ?? null },
    parties: (hearingIndex(folder).partiesByOrganisation.get(organisation) ?? []).map((p) => p.id),
    consultations: lines.map((l) => ({
      consultation: l.consultation.id, title: l.consultation.title, opens: l.consultation.opens, status: l.consultation.status,
      party: l.party, eligible: l.eligible, invited: l.invited, omitted: l.omitted, answered: l.answered ?? null,
    })),
    summary: {
      eligible: lines.filter((l) => l.eligible).length,
      invited: lines.filter((l) => l.invited && consultationOpened(l.consultation, today)).length,
      answered: lines.filter((l) => l.answered !== undefined).length,
    },
  };
  const table: Table = {
    columns: [
      { header: t('hearing.col.consultation') }, { header: t('hearing.col.opens') }, { header: t('hearing.col.status') },
      { header: t('hearing.col.eligible') }, { header: t('hearing.col.invited') }, { header: t('hearing.col.answered') },
    ],
    rows: lines.map((l) => [
      `${l.consultation.title} (${l.consultation.id})`,
      formatDate(l.consultation.opens, lang),
      t(statusKey(l.consultation.status)),
      yesNo(l.eligible),
      l.invited ? t('hearing.yes') : l.omitted ? t('hearing.history.omitted') : t('hearing.no'),
      l.answered ? t('hearing.report.received', { date: formatDate(l.answered, lang) }) : l.invited ? t('hearing.report.none') : '',
    ]),
    notes: [t('hearing.history.summary', json.summary)],
  };
  const heading = t('hearing.history.heading', { name: org?.name ?? organisation, id: organisation });
  // No consultation at all: the heading and the counts say it; an empty table would say nothing more.
  if (lines.length === 0) return { json, heading: `${heading}\n${table.notes![0]}`, tables: [], notes: [] };
  return { json, heading, tables: [table], notes: [] };
}
