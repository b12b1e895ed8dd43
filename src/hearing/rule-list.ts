// The five hearing rules, in the order `civsam consultation audit` reports them. `civsam audit`
// lists them in audit/registry.ts like every other rule.
import { rule as hearingOmission } from '../audit/rules/hearing-omission.js';
import { rule as hearingOutOfScope } from '../audit/rules/hearing-out-of-scope.js';
import { rule as hearingRotation } from '../audit/rules/hearing-rotation.js';
import { rule as hearingSeats } from '../audit/rules/hearing-seats.js';
import { rule as hearingShortDeadline } from '../audit/rules/hearing-short-deadline.js';
import type { HearingRule } from './rules.js';

export const HEARING_RULES: readonly HearingRule[] = [hearingOmission, hearingSeats, hearingRotation, hearingOutOfScope, hearingShortDeadline];
