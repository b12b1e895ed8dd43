// The eight hearing rules, in the order `civsam consultation audit` reports them. `civsam audit`
// lists them in audit/registry.ts like every other rule.
import { rule as hearingOmission } from './rules/hearing-omission.js';
import { rule as hearingOutOfScope } from './rules/hearing-out-of-scope.js';
import { rule as hearingRotation } from './rules/hearing-rotation.js';
import { rule as hearingSeats } from './rules/hearing-seats.js';
import { rule as hearingShortDeadline } from './rules/hearing-short-deadline.js';
import { rule as hearingNotOpened } from './rules/hearing-not-opened.js';
import { rule as hearingPointsUndecided } from './rules/hearing-points-undecided.js';
import { rule as hearingClosedEarly } from './rules/hearing-closed-early.js';
import type { HearingRule } from './hearing-rules.js';

export const HEARING_RULES: readonly HearingRule[] = [hearingOmission, hearingSeats, hearingRotation, hearingOutOfScope, hearingShortDeadline, hearingNotOpened, hearingPointsUndecided, hearingClosedEarly];
