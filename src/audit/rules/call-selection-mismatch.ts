// call-selection-mismatch [warning]: an agreement's organisations were not among its call's
// selected ones (as the call writes them, else as its applications show). Cancelled agreements are not judged.
import type { AuditRule } from '../finding.js';
import { selectionOf } from '../../domain/applications.js';
import { callRounds } from '../grants.js';
import { bySubject, finding, nameList, nameOf, ref } from '../make.js';

export const rule: AuditRule = {
  id: 'call-selection-mismatch',
  severity: 'warning',
  principle: 'published-criteria',
  title: 'audit.rule.call-selection-mismatch.title',
  explanation: 'audit.rule.call-selection-mismatch.explain',
  check({ folder }) {
    const out = [];
    // The applications of each call, as the rules on applications share them.
    const byCall = new Map(callRounds(folder).map((r) => [r.call.id, r.apps]));
    // Each call's selection, worked out once for all the agreements it established.
    const selections = new Map<string, Set<string>>();
    for (const a of folder.records.agreement.values()) {
      const callId = a.established_by?.call;
      if (callId === undefined || a.status === 'cancelled') continue;
      const call = folder.records.call.get(callId);
      if (!call) continue;
      let selected = selections.get(call.id);
      if (!selected) selections.set(call.id, (selected = new Set(selectionOf(call, byCall.get(call.id) ?? []).selected)));
      const notSelected = a.organisations.filter((o) => !selected.has(o));
      if (notSelected.length === 0) continue;
      out.push(finding(rule, ref('agreement', a.id), [ref('call', call.id)], 'audit.rule.call-selection-mismatch.message',
        { organisations: nameList(folder, 'organisation', notSelected), count: notSelected.length, call: nameOf(folder, 'call', call.id) }));
    }
    return out.sort(bySubject);
  },
};
