// short-project-chain [warning]: one organisation holds `short_chain_count` or more
// development-funded agreements for overlapping patient groups, each at most
// `short_project_months` long (start to end), each starting no more than three months after the
// previous one ended and sharing a patient group with it, none of them draft or cancelled.
//
// Development-funded: it has funding lines and all of them are development. The finding's subject
// is the chain's latest agreement (the one to renew as running costs); the earlier ones are related.
// An organisation's agreements are compared with each other only, so the cost follows the
// number of agreements each organisation holds.
import type { Agreement } from '../../domain/kinds.js';
import { addMonths, monthsBetween } from '../../domain/dates.js';
import { agreementAreas } from '../../domain/reach.js';
import type { AuditRule, Finding } from '../finding.js';
import { bySubject, finding, nameOf, push, ref, titleList } from '../make.js';
import { concernedGroups, groupTree, overlaps } from '../../domain/scope.js';

const GAP_MONTHS = 3;

export const rule: AuditRule = {
  id: 'short-project-chain',
  severity: 'warning',
  principle: 'long-term',
  title: 'audit.rule.short-project-chain.title',
  explanation: 'audit.rule.short-project-chain.explain',
  check({ folder }) {
    const { short_project_months: maxMonths, short_chain_count: minCount } = folder.policy;
    const tree = groupTree(folder);
    const byOrg = new Map<string, Agreement[]>();
    for (const a of folder.records.agreement.values()) {
      if (a.status === 'draft' || a.status === 'cancelled' || a.end === undefined) continue;
      const lines = a.funding ?? [];
      if (lines.length === 0 || lines.some((l) => l.kind !== 'development')) continue;
      if (monthsBetween(a.start, a.end) > maxMonths) continue;
      for (const o of new Set(a.organisations)) push(byOrg, o, a);
    }
    const out: Finding[] = [];
    for (const [org, list] of byOrg) {
      if (list.length < minCount) continue;
      list.sort((x, y) => (x.start < y.start ? -1 : x.start > y.start ? 1 : x.id < y.id ? -1 : 1));
      const groups = list.map((a) => concernedGroups(tree, a.patient_groups, agreementAreas(folder, a), true));
      // Longest chain ending at each agreement: a predecessor started earlier, ended no more than
      // three months before this one started, and shares a patient group with it.
      const length = list.map(() => 1);
      const prev = list.map(() => -1);
      // The latest start that follows each agreement closely enough, worked out once per agreement.
      const followBy = list.map((a) => addMonths(a.end!, GAP_MONTHS));
      for (let j = 0; j < list.length; j++) {
        for (let i = 0; i < j; i++) {
          const p = list[i];
          if (p.start >= list[j].start || list[j].start > followBy[i]) continue;
          if (!overlaps(groups[i], groups[j])) continue;
          if (length[i] + 1 > length[j]) {
            length[j] = length[i] + 1;
            prev[j] = i;
          }
        }
      }
      const extended = new Set(prev.filter((p) => p >= 0));
      for (let j = 0; j < list.length; j++) {
        if (length[j] < minCount || extended.has(j)) continue;
        const chain: Agreement[] = [];
        for (let k = j; k >= 0; k = prev[k]) chain.unshift(list[k]);
        const earlier = chain.slice(0, -1);
        out.push(finding(rule, ref('agreement', list[j].id), earlier.map((a) => ref('agreement', a.id)), 'audit.rule.short-project-chain.message', {
          organisation: nameOf(folder, 'organisation', org), count: chain.length, agreements: titleList(folder, 'agreement', chain.map((a) => a.id)), months: maxMonths,
        }));
      }
    }
    return out.sort(bySubject);
  },
};
