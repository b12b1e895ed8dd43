// ranking-inconsistent [warning]: a granted (or partly granted) application whose weighted total
// is lower than a refused one's in the same call, unless its decision names a criterion of the
// call on which it scored higher than the refused one (geographic spread, a group not yet served).
import { isGrant, meanScores, weightedTotal } from '../../domain/applications.js';
import type { AuditRule, Finding } from '../finding.js';
import { callRounds } from '../grants.js';
import { bySubject, finding, nameOf, ref } from '../make.js';

export const rule: AuditRule = {
  id: 'ranking-inconsistent',
  severity: 'warning',
  principle: 'published-criteria',
  title: 'audit.rule.ranking-inconsistent.title',
  explanation: 'audit.rule.ranking-inconsistent.explain',
  check({ folder }) {
    const out: Finding[] = [];
    // Only the scores that count (an assessor with a declared tie to an applicant's do not), as the ranking counts them.
    for (const { apps, criteria, counted } of callRounds(folder)) {
      if (criteria.length === 0) continue;
      const ids = new Set(criteria.map((c) => c.id));
      const scored = apps.map((app) => ({ app, total: weightedTotal(app, criteria, counted), means: meanScores(app, counted) }));
      // A refusal on formal grounds was not made by the scores: a higher total there says nothing of the grants.
      const refused = scored.filter((s) => s.app.decision?.outcome === 'refused' && !s.app.decision.formal && s.total !== undefined);
      for (const g of scored) {
        if (!isGrant(g.app.decision?.outcome) || g.total === undefined) continue;
        const named = (g.app.decision?.criteria ?? []).filter((c) => ids.has(c));
        for (const r of refused) {
          if (r.total! <= g.total) continue;
          if (named.some((c) => (g.means.get(c) ?? 0) > (r.means.get(c) ?? 0))) continue;
          out.push(finding(rule, ref('application', g.app.id), [ref('application', r.app.id)], 'audit.rule.ranking-inconsistent.message',
            { total: g.total, refused: nameOf(folder, 'application', r.app.id), refusedTotal: r.total! }));
        }
      }
    }
    return out.sort(bySubject);
  },
};
