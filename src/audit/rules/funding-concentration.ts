// funding-concentration [warning]: in a pool and year, one organisation receives more than
// `max_share` of what was allocated while organisations eligible for the pool (sharing an area
// with it) received nothing from it that year; the finding gives the share and the pool-year's
// Herfindahl–Hirschman index, and says when that index is above `hhi_warning`.
// Eligible: active at some time in that year (reach.ts `organisationActiveOn` on its first day: made
// inactive later, even today, it could still apply then), sharing an area with the pool, and
// registered by the end of that year.
import type { Organisation } from '../../domain/kinds.js';
import { hhi, poolYearTotals } from '../../domain/allocation.js';
import { organisationActiveOn } from '../../domain/reach.js';
import type { AuditRule, Finding } from '../finding.js';
import { amount, bySubject, finding, nameOf, percent, push, ref } from '../make.js';
import { andList } from '../../i18n/index.js';

/** How many of the organisations that received nothing a finding names (and its related records hold); the rest are counted. */
const NAMED = 5;

export const rule: AuditRule = {
  id: 'funding-concentration',
  severity: 'warning',
  principle: 'equal-access',
  title: 'audit.rule.funding-concentration.title',
  explanation: 'audit.rule.funding-concentration.explain',
  check({ folder }) {
    const { max_share: maxShare, hhi_warning: hhiWarning } = folder.policy;
    // The organisations of each area, gathered only when some pool-year has a share over the limit.
    let byArea: Map<string, Organisation[]> | undefined;
    const out: Finding[] = [];
    for (const py of poolYearTotals(folder)) {
      const pool = folder.records.pool.get(py.pool);
      if (!pool || py.total <= 0) continue;
      const over: Array<[string, number]> = [];
      py.byOrganisation.forEach((amt, org) => {
        if (amt / py.total > maxShare) over.push([org, amt]);
      });
      if (over.length === 0) continue;
      if (!byArea) {
        byArea = new Map();
        for (const o of folder.records.organisation.values()) {
          // Inactive with no date: never counted (as on every date).
          if (o.status !== 'active' && o.inactive_since === undefined) continue;
          for (const a of o.areas) push(byArea, a, o);
        }
      }
      const yearStart = `${py.year}-01-01`;
      const yearEnd = `${py.year}-12-31`;
      const unfunded = new Set<string>();
      for (const area of pool.areas) {
        for (const o of byArea.get(area) ?? []) {
          if (!py.byOrganisation.has(o.id) && organisationActiveOn(o, yearStart) && (o.registered === undefined || o.registered <= yearEnd)) unfunded.add(o.id);
        }
      }
      if (unfunded.size === 0) continue;
      const index = hhi(py);
      // Those passed over by name, the first few in name order (the rest counted): who to reach with the next call.
      const passedOver = [...unfunded].map((id) => ({ id, name: nameOf(folder, 'organisation', id) }))
        .sort((x, y) => x.name.localeCompare(y.name, 'da') || (x.id < y.id ? -1 : 1)).slice(0, NAMED);
      const rest = unfunded.size - passedOver.length;
      const names = andList([...passedOver.map((o) => o.name), ...(rest > 0 ? [{ key: 'audit.fmt.others' as const, params: { count: rest } }] : [])]);
      for (const [org, amt] of over) {
        out.push(finding(rule, ref('pool', pool.id), [ref('organisation', org), ...passedOver.map((o) => ref('organisation', o.id))],
          index > hhiWarning ? 'audit.rule.funding-concentration.messageHhiNamed' : 'audit.rule.funding-concentration.messageNamed', {
            organisation: nameOf(folder, 'organisation', org), share: percent(amt / py.total), amount: amount(amt), total: amount(py.total), year: String(py.year),
            unfunded: unfunded.size, names, hhi: index, limit: hhiWarning,
          }));
      }
    }
    return out.sort(bySubject);
  },
};
