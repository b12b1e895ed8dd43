// funding-outside-period [warning]: an agreement with money for a year in which it does not run
// (before the year it starts, or after the year it ends). The money counts against the pool's
// budget for that year all the same (allocation.ts counts every line of an active or ended
// agreement), and the published grant cannot say when it is used: its planned dates stay empty
// (reports/grants.ts). Usually the year or the period was typed wrong, and a person must say
// which, so the finding gives both commands. A warning: the data is valid. Cancelled agreements
// are not judged; drafts are, so the slip is caught before the agreement is made (said as what
// will happen once it is made: a draft's money counts nowhere yet). One finding per
// agreement, naming every such line.
import { andList, type Message } from '../../i18n/index.js';
import type { AuditRule, Finding } from '../finding.js';
import { amount, bySubject, finding, fundingEditCommand, nameOf, ref } from '../make.js';

export const rule: AuditRule = {
  id: 'funding-outside-period',
  severity: 'warning',
  principle: 'openness',
  title: 'audit.rule.funding-outside-period.title',
  explanation: 'audit.rule.funding-outside-period.explain',
  check({ folder }) {
    const out: Finding[] = [];
    for (const a of folder.records.agreement.values()) {
      if (a.status === 'cancelled' || !a.funding?.length) continue;
      const first = Number(a.start.slice(0, 4));
      const last = a.end === undefined ? Infinity : Number(a.end.slice(0, 4));
      const outside = a.funding.filter((l) => l.year < first || l.year > last);
      if (outside.length === 0) continue;
      const lines: Message[] = outside.map((l) => ({ key: 'audit.rule.funding-outside-period.line', params: { amount: amount(l.amount_dkk), pool: nameOf(folder, 'pool', l.pool), year: String(l.year) } }));
      out.push(finding(rule, ref('agreement', a.id), [...new Set(outside.map((l) => l.pool))].map((p) => ref('pool', p)), a.status === 'draft' ? 'audit.rule.funding-outside-period.messageDraft' : 'audit.rule.funding-outside-period.message', {
        lines: andList(lines),
        years: new Set(outside.map((l) => l.year)).size,
        period: a.end === undefined
          ? { key: 'audit.rule.funding-outside-period.periodOpen', params: { start: a.start } }
          : { key: 'audit.rule.funding-outside-period.period', params: { start: a.start, end: a.end } },
        // Every line the agreement has (--funding replaces them all), the year of those outside left for the user to give.
        command: fundingEditCommand(a.id, a.funding.map((l) => ({ pool: l.pool, year: outside.includes(l) ? undefined : l.year, kind: l.kind, amount: l.amount_dkk }))),
        id: a.id,
      }));
    }
    return out.sort(bySubject);
  },
};
