// Every audit rule, in the order reports list them. Adding a rule is adding its file under
// rules/ and one line here.
import type { AuditRule } from './finding.js';
import { rule as unilateralAgreement } from './rules/unilateral-agreement.js';
import { rule as exemptionIncomplete } from './rules/exemption-incomplete.js';
import { rule as restrictedCall } from './rules/restricted-call.js';
import { rule as callSelectionMismatch } from './rules/call-selection-mismatch.js';
import { rule as fundingConcentration } from './rules/funding-concentration.js';
import { rule as shortProjectChain } from './rules/short-project-chain.js';
import { rule as poolKindNotEligible } from './rules/pool-kind-not-eligible.js';
import { rule as poolAreaMismatch } from './rules/pool-area-mismatch.js';
import { rule as poolOvercommitted } from './rules/pool-overcommitted.js';
import { rule as fundingOutsidePeriod } from './rules/funding-outside-period.js';
import { rule as agreementExpired } from './rules/agreement-expired.js';
import { rule as evaluationOverdue } from './rules/evaluation-overdue.js';
import { rule as inactiveParty } from './rules/inactive-party.js';
import { rule as staleContact } from './rules/stale-contact.js';
import { rule as hearingOmission } from './rules/hearing-omission.js';
import { rule as hearingSeats } from './rules/hearing-seats.js';
import { rule as hearingRotation } from './rules/hearing-rotation.js';
import { rule as hearingOutOfScope } from './rules/hearing-out-of-scope.js';
import { rule as hearingShortDeadline } from './rules/hearing-short-deadline.js';
import { rule as hearingNotOpened } from './rules/hearing-not-opened.js';
import { rule as hearingPointsUndecided } from './rules/hearing-points-undecided.js';
import { rule as hearingClosedEarly } from './rules/hearing-closed-early.js';
import { rule as assessmentIncomplete } from './rules/assessment-incomplete.js';
import { rule as decisionWithoutReason } from './rules/decision-without-reason.js';
import { rule as assessorConflict } from './rules/assessor-conflict.js';
import { rule as assessorUndeclared } from './rules/assessor-undeclared.js';
import { rule as rankingInconsistent } from './rules/ranking-inconsistent.js';
import { rule as lateApplicationGranted } from './rules/late-application-granted.js';
import { rule as refusedLateInTime } from './rules/refused-late-in-time.js';
import { rule as criteriaMissingForKind } from './rules/criteria-missing-for-kind.js';
import { rule as grantExceedsApplication } from './rules/grant-exceeds-application.js';
import { rule as agreementBelowGrant } from './rules/agreement-below-grant.js';
import { rule as reportOverdue } from './rules/report-overdue.js';
import { rule as grantedWhileReportOverdue } from './rules/granted-while-report-overdue.js';

export const RULES: readonly AuditRule[] = [
  unilateralAgreement,
  exemptionIncomplete,
  restrictedCall,
  callSelectionMismatch,
  fundingConcentration,
  shortProjectChain,
  poolKindNotEligible,
  poolAreaMismatch,
  poolOvercommitted,
  fundingOutsidePeriod,
  agreementExpired,
  evaluationOverdue,
  inactiveParty,
  staleContact,
  hearingOmission,
  hearingSeats,
  hearingRotation,
  hearingOutOfScope,
  hearingShortDeadline,
  hearingNotOpened,
  hearingPointsUndecided,
  hearingClosedEarly,
  assessmentIncomplete,
  decisionWithoutReason,
  assessorConflict,
  assessorUndeclared,
  rankingInconsistent,
  lateApplicationGranted,
  refusedLateInTime,
  criteriaMissingForKind,
  grantExceedsApplication,
  agreementBelowGrant,
  reportOverdue,
  grantedWhileReportOverdue,
];
