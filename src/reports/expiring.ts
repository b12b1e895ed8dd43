// `civsam overview expiring`: active agreements whose end or next evaluation falls within the
// coming days (the policy's `expiring_days`, or `--within`), and those past their end but still
// marked active. Only `active` agreements are listed: a draft has not begun, an ended or
// cancelled one needs nothing done.
import type { DataFolder } from '../domain/folder.js';
import type { Agreement, Area } from '../domain/kinds.js';
import { addDays, daysBetween } from '../domain/dates.js';
import { agreementAreas } from '../domain/reach.js';

export interface ExpiringFilter {
  /** Agreements of these areas (an agreement without areas counts in its patient groups' areas). */
  areas?: readonly Area[];
  organisations?: readonly string[];
}

export type ExpiringReason = 'ends' | 'evaluation-due' | 'past-end';

export interface Named { id: string; name: string }

export interface ExpiringEntry {
  agreement: { id: string; title: string; status: Agreement['status']; start: string; end: string | null; evaluationDue: string | null };
  organisations: Named[];
  /** ends: `end` within the window · evaluation-due: `evaluation_due` within it · past-end: `end` before `asOf` while still active. */
  reason: ExpiringReason;
  /** The date the reason is about (`end` or `evaluation_due`). */
  date: string;
  /** Days from `asOf` to `date`: 0 today, negative in the past. */
  days: number;
  pools: Named[];
}

export interface ExpiringReport {
  report: 'expiring';
  asOf: string;
  withinDays: number;
  /** The window's last day: `asOf` + `withinDays`. */
  until: string;
  filters: { areas: Area[]; organisations: string[] };
  /** By date, then agreement id; an agreement may appear once per reason. */
  entries: ExpiringEntry[];
  totals: { agreements: number; ends: number; evaluationDue: number; pastEnd: number };
}

const REASON_ORDER: Record<ExpiringReason, number> = { 'past-end': 0, ends: 1, 'evaluation-due': 2 };

export function buildExpiringReport(folder: DataFolder, asOf: string, withinDays: number, filter: ExpiringFilter = {}): ExpiringReport {
  const until = addDays(asOf, withinDays);
  // An agreement that names no areas has its organisations' (the audit's definition).
  const areasOf = (a: Agreement): Set<string> => new Set(agreementAreas(folder, a));
  const entries: ExpiringEntry[] = [];
  for (const a of folder.records.agreement.values()) {
    if (a.status !== 'active') continue;
    if (filter.organisations?.length && !a.organisations.some((o) => filter.organisations!.includes(o))) continue;
    if (filter.areas?.length) {
      const areas = areasOf(a);
      if (!filter.areas.some((x) => areas.has(x))) continue;
    }
    const found: Array<[ExpiringReason, string]> = [];
    if (a.end !== undefined && a.end < asOf) found.push(['past-end', a.end]);
    else if (a.end !== undefined && a.end <= until) found.push(['ends', a.end]);
    if (a.evaluation_due !== undefined && a.evaluation_due >= asOf && a.evaluation_due <= until) found.push(['evaluation-due', a.evaluation_due]);
    if (found.length === 0) continue;
    const pools = [...new Set((a.funding ?? []).map((l) => l.pool))].map((id) => ({ id, name: folder.records.pool.get(id)?.name ?? id }));
    const organisations = a.organisations.map((id) => ({ id, name: folder.records.organisation.get(id)?.name ?? id }));
    for (const [reason, date] of found) {
      entries.push({
        agreement: { id: a.id, title: a.title, status: a.status, start: a.start, end: a.end ?? null, evaluationDue: a.evaluation_due ?? null },
        organisations, reason, date, days: daysBetween(asOf, date), pools,
      });
    }
  }
  entries.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : x.agreement.id < y.agreement.id ? -1 : x.agreement.id > y.agreement.id ? 1 : REASON_ORDER[x.reason] - REASON_ORDER[y.reason]));
  const count = (r: ExpiringReason) => entries.filter((e) => e.reason === r).length;
  return {
    report: 'expiring',
    asOf,
    withinDays,
    until,
    filters: { areas: [...(filter.areas ?? [])], organisations: [...(filter.organisations ?? [])] },
    entries,
    totals: { agreements: new Set(entries.map((e) => e.agreement.id)).size, ends: count('ends'), evaluationDue: count('evaluation-due'), pastEnd: count('past-end') },
  };
}
