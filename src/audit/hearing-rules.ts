// What the five hearing rules share: each judges one consultation at a time, so
// `civsam consultation audit ID` runs them on one consultation and `civsam audit` on every
// consultation that is planned or open.
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

export function hearingRule(spec: Omit<HearingRule, 'check'>): HearingRule {
  return {
    ...spec,
    check: ({ folder, asOf }) => consultationsToAudit(folder).flatMap((c) => spec.checkConsultation(folder, c, asOf)),
  };
}

export const subjectOf = (c: Consultation): RecordRef => ({ kind: 'consultation', id: c.id });
export const partyRef = (id: string): RecordRef => ({ kind: 'hearing-party', id });
export const PRINCIPLE = 'fair-hearing';
