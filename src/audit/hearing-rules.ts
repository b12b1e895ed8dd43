// What the hearing rules share: each judges one consultation at a time, so `civsam consultation
// audit ID` runs them on one consultation and `civsam audit` on every consultation that is planned
// or open (or, for the rules about how a consultation ended, every closed one).
import type { DataFolder } from '../domain/folder.js';
import type { Consultation } from '../domain/kinds.js';
import type { AuditRule, Finding, RecordRef } from './finding.js';
import { byOpens } from '../domain/scope.js';

export interface HearingRule extends AuditRule {
  checkConsultation(folder: DataFolder, consultation: Consultation, asOf: string): Finding[];
}

/** The consultations `civsam audit` judges: those not yet closed (planned or open), in opening order. */
export function consultationsToAudit(folder: DataFolder): Consultation[] {
  return [...folder.records.consultation.values()].filter((c) => c.status === 'planned' || c.status === 'open').sort(byOpens);
}

/** The closed consultations, in opening order: what the rules about how a consultation ended judge. */
function closedConsultations(folder: DataFolder): Consultation[] {
  return [...folder.records.consultation.values()].filter((c) => c.status === 'closed').sort(byOpens);
}

/** A hearing rule judged by `civsam audit` on the consultations not yet closed, or (`closed`) on those closed. */
export function hearingRule(spec: Omit<HearingRule, 'check'>, which: 'pending' | 'closed' = 'pending'): HearingRule {
  const judged = which === 'closed' ? closedConsultations : consultationsToAudit;
  return {
    ...spec,
    check: ({ folder, asOf }) => judged(folder).flatMap((c) => spec.checkConsultation(folder, c, asOf)),
  };
}

export const subjectOf = (c: Consultation): RecordRef => ({ kind: 'consultation', id: c.id });
export const partyRef = (id: string): RecordRef => ({ kind: 'hearing-party', id });
export const PRINCIPLE = 'fair-hearing';
