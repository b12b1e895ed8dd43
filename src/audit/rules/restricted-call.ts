// restricted-call [error]: an agreement established through a call sent only to invited
// organisations, when a peer of the agreement at the call's publication date was not invited,
// unless the call gives a `channel_reason`; [warning] when it does.
import type { AuditRule } from '../finding.js';
import { bySubject, filled, finding, nameOf, ref } from '../make.js';
import { peerIndex } from '../peers.js';

export const rule: AuditRule = {
  id: 'restricted-call',
  severity: 'error',
  principle: 'openness',
  title: 'audit.rule.restricted-call.title',
  explanation: 'audit.rule.restricted-call.explain',
  check({ folder }) {
    const peers = peerIndex(folder);
    const out = [];
    for (const a of folder.records.agreement.values()) {
      const callId = a.established_by?.call;
      if (callId === undefined || a.status === 'cancelled') continue;
      const call = folder.records.call.get(callId);
      if (!call || call.channel !== 'invited') continue;
      const invited = new Set(call.invited ?? []);
      const left = peers.peersOf(a, call.published).filter((o) => !invited.has(o.id));
      if (left.length === 0) continue;
      const reasoned = filled(call.channel_reason) !== undefined;
      out.push(finding(rule, ref('agreement', a.id), [ref('call', call.id), ...left],
        reasoned ? 'audit.rule.restricted-call.messageReasoned' : 'audit.rule.restricted-call.message',
        { call: nameOf(folder, 'call', call.id), count: left.length, published: call.published }, reasoned ? 'warning' : 'error'));
    }
    return out.sort(bySubject);
  },
};
