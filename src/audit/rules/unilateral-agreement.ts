// unilateral-agreement [error]: an agreement with no `established_by` while it has peers; the
// finding names the peers. Cancelled agreements are not judged.
import type { AuditRule } from '../finding.js';
import { bySubject, finding, ref } from '../make.js';
import { peerIndex } from '../peers.js';

export const rule: AuditRule = {
  id: 'unilateral-agreement',
  severity: 'error',
  principle: 'equal-access',
  title: 'audit.rule.unilateral-agreement.title',
  explanation: 'audit.rule.unilateral-agreement.explain',
  check({ folder }) {
    const peers = peerIndex(folder);
    const out = [];
    for (const a of folder.records.agreement.values()) {
      if (a.status === 'cancelled' || a.established_by !== undefined) continue;
      const found = peers.peersOf(a);
      if (found.length === 0) continue;
      out.push(finding(rule, ref('agreement', a.id), found,
        'audit.rule.unilateral-agreement.message', { count: found.length, start: a.start }));
    }
    return out.sort(bySubject);
  },
};
