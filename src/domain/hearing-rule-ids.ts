// The ids of the hearing rules (audit/hearing-rule-list.ts), without their code: what validate checks a
// consultation's `opened_despite` against on every thread, where loading the rules themselves would
// cost every run their start-up. A test holds the two lists equal.
export const HEARING_RULE_IDS = ['hearing-omission', 'hearing-seats', 'hearing-rotation', 'hearing-out-of-scope', 'hearing-short-deadline', 'hearing-not-opened', 'hearing-points-undecided', 'hearing-closed-early'] as const;
