// The høringsnotat as Markdown (to paste into a case document) and as a whole HTML page (to file or
// send): the same sections in the same order, every value from the data escaped for its format.
import { formatDate } from '../i18n/format.js';
import { translate, type Language, type MessageKey, type MessageParams } from '../i18n/index.js';
import type { HearingNote, NotePoint } from '../reports/hearing-note.js';
import { openedDespiteText, openedLateText } from '../reports/hearing.js';
import { markdownText } from './table.js';

/** The note as a sequence of blocks, the one structure both renderers walk. */
type Block =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'subheading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[]; numbered?: boolean; marked?: boolean[] }
  | { kind: 'points'; points: { summary: string; answer: string }[] };

function blocks(note: HearingNote, lang: Language): Block[] {
  const t = (key: MessageKey, params?: MessageParams) => translate(lang, key, params);
  const c = note.consultation;
  const date = (d: string) => formatDate(d, lang);
  const out: Block[] = [
    { kind: 'title', text: t('hearingNote.title', { title: c.title }) },
  ];
  const early = note.closedEarly;
  const course = { title: c.title, opens: date(c.opens), deadline: date(c.deadline), days: c.days };
  // Closed before its deadline: it did not run to the deadline, and the note is final, with when and why.
  const ran = early
    ? early.date ? t('hearingNote.introClosedEarly', { ...course, closed: date(early.date) }) : t('hearingNote.introClosedEarlyUndated', course)
    // Not sent out by the note's day (not yet its day, or still planned past it): said in the present,
    // not as a course that has run (the same test as consultationOpened's, on the note's fields).
    : c.status === 'planned' || note.asOf < c.opens ? t('hearingNote.introAhead', course) : t('hearingNote.intro', course);
  // Who it went to and who answered, in words for none, one and all (`ingen afgav høringssvar`, not `0 afgav`).
  const sentTo = t('hearingNote.sentTo', { count: note.parties.length, responded: note.responded, silent: note.parties.length - note.responded });
  // A late response counts, said as the hearing report says it.
  const late = note.late > 0 ? ` ${t('course.lateCount', { count: note.late })}` : '';
  out.push({ kind: 'paragraph', text: `${ran} ${sentTo}${late}` });
  // Sent out later than planned, or despite errors in its hearing list: said as the file keeps it, with the region's reason.
  if (note.openedLate) out.push({ kind: 'paragraph', text: openedLateText(note.openedLate, lang) });
  if (note.openedDespite) out.push({ kind: 'paragraph', text: openedDespiteText(note.openedDespite, lang) });
  if (early) out.push({ kind: 'paragraph', text: t('hearingNote.closedEarlyReason', { reason: early.reason ?? t('hearing.report.noReason') }) });
  else if (note.asOf <= c.deadline) out.push({ kind: 'paragraph', text: t('hearingNote.preliminary', { asOf: date(note.asOf) }) });
  out.push({ kind: 'heading', text: t('hearingNote.partiesHeading') });
  out.push({ kind: 'paragraph', text: note.parties.length ? t('hearingNote.partiesLead', { count: note.parties.length }) : t('hearingNote.noParties') });
  if (note.parties.length) {
    out.push({
      kind: 'list',
      items: note.parties.map((p) => (p.received ? t(p.late ? 'hearingNote.partyAnsweredLate' : 'hearingNote.partyAnswered', { name: p.name, date: date(p.received) }) : p.name)),
      marked: note.parties.map((p) => p.responded),
    });
  }
  out.push({ kind: 'heading', text: t('hearingNote.pointsHeading') });
  const withPoints = note.parties.filter((p) => p.points.length > 0);
  if (withPoints.length === 0) out.push({ kind: 'paragraph', text: t('hearingNote.noPoints') });
  for (const p of withPoints) {
    out.push({ kind: 'subheading', text: p.name });
    out.push({ kind: 'points', points: p.points.map((x) => ({ summary: x.summary, answer: answer(x, t) })) });
  }
  const silent = note.parties.filter((p) => p.responded && p.points.length === 0);
  if (silent.length) out.push({ kind: 'paragraph', text: t('hearingNote.answeredWithoutPoints', { count: silent.length, names: silent.map((p) => p.name).join(', ') }) });
  out.push({ kind: 'heading', text: t('hearingNote.notInvitedHeading') });
  if (note.notInvited.length === 0) out.push({ kind: 'paragraph', text: t('hearingNote.allInvited') });
  else {
    const limited = c.selection === 'limited' && c.seats !== null;
    out.push({ kind: 'list', items: note.notInvited.map((n) => t('hearingNote.notInvitedItem', { name: n.name, reason: n.reason ?? (limited ? t('hearing.report.noSeat', { seats: c.seats! }) : t('hearing.report.noReason')) })) });
  }
  return out;
}

function answer(p: NotePoint, t: (key: MessageKey, params?: MessageParams) => string): string {
  if (p.disposition === null) return t('hearingNote.undecided');
  const what = t(`hearingNote.disposition.${p.disposition}` as MessageKey);
  return p.reason ? t('hearingNote.answerWithReason', { disposition: what, reason: p.reason }) : t('hearingNote.answer', { disposition: what });
}

const MARK = '✓';


export function hearingNoteMarkdown(note: HearingNote, lang: Language): string {
  const lines: string[] = [];
  for (const b of blocks(note, lang)) {
    switch (b.kind) {
      case 'title': lines.push(`# ${markdownText(b.text)}`, ''); break;
      case 'heading': lines.push(`## ${markdownText(b.text)}`, ''); break;
      case 'subheading': lines.push(`### ${markdownText(b.text)}`, ''); break;
      case 'paragraph': lines.push(markdownText(b.text), ''); break;
      case 'list': lines.push(...b.items.map((x, i) => `- ${b.marked ? (b.marked[i] ? `${MARK} ` : '') : ''}${markdownText(x)}`), ''); break;
      case 'points': lines.push(...b.points.flatMap((x, i) => [`${i + 1}. ${markdownText(x.summary)}`, `   ${markdownText(x.answer)}`]), ''); break;
    }
  }
  return lines.join('\n').replace(/\n+$/, '\n');
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ESC[c]);

/** A whole page: printable, readable without a stylesheet of the site's. */
export function hearingNoteHtml(note: HearingNote, lang: Language): string {
  const body: string[] = [];
  let title = '';
  for (const b of blocks(note, lang)) {
    switch (b.kind) {
      case 'title': title = b.text; body.push(`<h1>${esc(b.text)}</h1>`); break;
      case 'heading': body.push(`<h2>${esc(b.text)}</h2>`); break;
      case 'subheading': body.push(`<h3>${esc(b.text)}</h3>`); break;
      case 'paragraph': body.push(`<p>${esc(b.text)}</p>`); break;
      case 'list': body.push(`<ul>\n${b.items.map((x, i) => `<li>${b.marked?.[i] ? `<span aria-hidden="true">${MARK}</span> ` : ''}${esc(x)}${b.marked?.[i] ? `<span class="visually-hidden"> (${esc(translate(lang, 'hearingNote.answeredMark'))})</span>` : ''}</li>`).join('\n')}\n</ul>`); break;
      case 'points': body.push(`<ol>\n${b.points.map((x) => `<li><p>${esc(x.summary)}</p><p>${esc(x.answer)}</p></li>`).join('\n')}\n</ol>`); break;
    }
  }
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:45rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}</style>
</head>
<body>
<main>
${body.join('\n')}
</main>
</body>
</html>
`;
}
