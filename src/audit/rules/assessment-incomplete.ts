// assessment-incomplete [error]: a granted, partly granted or refused application without a score
// for every criterion of its call from every assessor of the call (everyone who assessed any of
// its applications), an assessor with a declared tie to an applicant excepted: their scores do not
// count (forvaltningsloven § 3), so theirs are not missing. Withdrawn and undecided applications
// need no scores, nor do refusals on formal grounds (late, ineligible); calls with plain-text criteria are not scored. Each finding ends with the command
// that records the scores (the assessor by a placeholder: an assessor's name is never in a finding).
import { assessedBy, criterionText, missingScores, quotedCriterion, type ScoredCriterion } from '../../domain/applications.js';
import type { InLanguages } from '../../i18n/index.js';
import type { AuditRule, Finding } from '../finding.js';
import { callRounds } from '../grants.js';
import { bySubject, finding, nameOf, ref } from '../make.js';

export const rule: AuditRule = {
  id: 'assessment-incomplete',
  severity: 'error',
  principle: 'published-criteria',
  title: 'audit.rule.assessment-incomplete.title',
  explanation: 'audit.rule.assessment-incomplete.explain',
  check({ folder }) {
    const out: Finding[] = [];
    for (const { call, apps, criteria, counted: assessors, tied } of callRounds(folder)) {
      if (criteria.length === 0) continue;
      // Said beside the count, so that "assess" is not read as "let the disqualified assessor score the rest".
      const tiedAssessed = [...tied.keys()].filter((t) => apps.some((a) => assessedBy(a, t))).length;
      for (const app of apps) {
        const outcome = app.decision?.outcome;
        if (outcome === undefined || outcome === 'withdrawn') continue;
        // A refusal on formal grounds (late, ineligible) is made without judging the application.
        if (outcome === 'refused' && app.decision?.formal) continue;
        // Nobody assessed the call at all: every criterion lacks its score.
        const missing = assessors.length === 0 ? criteria.map((c) => ({ assessor: 0, criterion: c.id })) : missingScores(app, criteria, assessors);
        if (missing.length === 0) continue;
        const lacking = criteria.filter((c) => missing.some((m) => m.criterion === c.id));
        out.push(finding(rule, ref('application', app.id), [ref('call', call.id)], 'audit.rule.assessment-incomplete.message',
          { count: missing.length, criteriaCount: lacking.length, criteria: criteriaWording(lacking), call: nameOf(folder, 'call', call.id), assessors: assessors.length, tied: tiedAssessed, id: app.id, scores: lacking.map((c) => `--score ${c.id}=N`).join(' ') }));
      }
    }
    return out.sort(bySubject);
  },
};

/** The criteria by their wording, quoted as each language quotes (as every list of criteria: quotedCriterion). */
function criteriaWording(criteria: readonly ScoredCriterion[]): InLanguages {
  return { inLanguage: { da: criteria.map((c) => quotedCriterion(criterionText(c, 'da'), 'da')).join(', '), en: criteria.map((c) => quotedCriterion(criterionText(c, 'en'), 'en')).join(', ') } };
}
