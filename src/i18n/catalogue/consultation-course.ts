// Messages of a consultation's course in order: a response between the opening day and today, opened
// not before its opening day, closed before its deadline only with a reason, and late responses
// marked in the report. Errors show today's date, never a date the user typed or the record holds.
import { defineMessages } from '../define.js';

export const consultationCourse = defineMessages({
  'opt.consultation.now': 'open it today even if its opening day is later, and move its opening day (opens) to today',
  'opt.consultation.early': 'close it before its deadline (needs --reason)',
  'opt.consultation.closeReason': 'with --early: why it closes before its deadline (kept in the consultation\'s file)',
  'course.responseAfterToday': 'the response date is after today ({today}): a response is recorded once it has come. Give the day it was received with --date, or leave --date out to use today.',
  'course.responseBeforeOpens': 'the response date is before consultation {id} opened, so no response can have come then. Give the day it was received with --date; civsam consultation show {id} shows when it opens.',
  'course.notYetOpen': 'consultation {id} opens on a later day than today ({today}). Open it on its opening day, or give --now to open it today and move its opening day to today.',
  'course.closeBeforeDeadline': 'the deadline of consultation {id} is after today ({today}), so parties may still respond. Close it on the deadline or later, or give --early --reason TEXT to close it now and record why.',
  'course.earlyNeedsReason': '--early needs --reason TEXT: why the consultation closes before its deadline is kept in its file.',
  'course.reasonNeedsEarly': '--reason goes with --early (closing before the deadline); leave it out when closing on or after the deadline.',
  'course.notEarly': 'the deadline of consultation {id} is today ({today}) or has passed, so closing it now is not early. Leave out --early and --reason.',
  'course.receivedLate': '✓ {date} (late)',
  'course.lateCount': '{count, plural, one {# response came} other {# responses came}} after the deadline (marked late).',
  'course.closedEarly': 'Closed before its deadline: {reason}.',
}, {
  'opt.consultation.now': 'åbn den i dag, selv om åbningsdagen er senere, og flyt åbningsdagen til i dag',
  'opt.consultation.early': 'luk den før fristen (kræver --reason)',
  'opt.consultation.closeReason': 'sammen med --early: hvorfor den lukkes før fristen (gemmes i høringens fil)',
  'course.responseAfterToday': 'svardatoen ligger efter i dag ({today}): et høringssvar registreres, når det er kommet. Angiv den dag, svaret kom, med --date, eller udelad --date for at bruge dagens dato.',
  'course.responseBeforeOpens': 'svardatoen ligger før høringen {id} åbnede, så der kan ikke være kommet svar den dag. Angiv den dag, svaret kom, med --date; civsam consultation show {id} viser, hvornår høringen åbner.',
  'course.notYetOpen': 'høringen {id} åbner først efter i dag ({today}). Åbn den på åbningsdagen, eller brug --now for at åbne den i dag og flytte åbningsdagen til i dag.',
  'course.closeBeforeDeadline': 'fristen for høringen {id} ligger efter i dag ({today}), så parterne kan stadig svare. Luk den på fristen eller senere, eller brug --early --reason TEKST for at lukke den nu og skrive hvorfor.',
  'course.earlyNeedsReason': '--early kræver --reason TEKST: hvorfor høringen lukkes før fristen, gemmes i høringens fil.',
  'course.reasonNeedsEarly': '--reason hører sammen med --early (lukning før fristen); udelad den, når høringen lukkes på fristen eller senere.',
  'course.notEarly': 'fristen for høringen {id} er i dag ({today}) eller overskredet, så en lukning nu er ikke før tid. Udelad --early og --reason.',
  'course.receivedLate': '✓ {date} (for sent)',
  'course.lateCount': '{count, plural, one {# svar kom} other {# svar kom}} efter fristen (markeret for sent).',
  'course.closedEarly': 'Lukket før fristen: {reason}.',
});
