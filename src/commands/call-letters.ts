// `civsam call letters CALL --output DIR` (or --out DIR): one answer per decided application
// (granted, partly granted, refused; none for withdrawn or undecided ones), in Markdown and HTML, in
// the language of the command (the data folder's unless --lang says otherwise): the decision, the
// amount, the criteria it was judged by and rests on, the reasons, and the lines on contact and
// complaint. No letter is written while a decision of the call is one the audit marks as an error (a
// refusal whose reasons name no criterion, a decision without every score, a grant over the amount
// applied for, …), a partial grant gives no amount, or a grant in full gives less than was applied
// for: the letter would tell the applicant something the region cannot stand by. All or none, as the
// round's answers go out together: no applicant hears before another whose answer is still being put
// right. The refusal names each application and what is wrong. A letter without a case number leaves
// out the sentence that asks for one, and the command says which letters have none. A call with no
// decision to answer yet gets no letters and no folder, and is told what comes first.
// Nor is one written while an assessor disqualified in the call (a declared tie to an applicant)
// still has scores in the files: the ranking leaves them out, but the case must not show them.
// Assessors are never named in a letter. Written through the atomic writer, never into the data folder.
// A Ctrl-C stops between two letters (each file is whole, no temporary file is left) and says how
// many were written; what a run killed outright left, the next run into the folder removes.
// A letter is replaced only when it is as civsam wrote it (its digest is kept beside the letters in
// LETTERS_RECORD): one a person has edited since, or one civsam did not write, is never overwritten
// unless --overwrite says so. Such a letter is kept (Markdown and HTML together) and the others are
// written all the same; the command then names the applications whose letters were not written and
// ends with exit 2, since not every answer in the folder says what the register says. A letter civsam wrote earlier for an application of the call that
// now gets none (its decision taken back, or withdrawn) or that is no longer in the register is
// removed when it is as civsam wrote it, and said; one changed by hand since is kept and named.
import { createHash } from 'node:crypto';
import { closeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CommandContext } from '../context/context.js';
import { dataFolderName } from '../context/data-folder.js';
import { loadValidFolder, resolveDataDir } from '../context/load.js';
import { outputFolder } from '../context/output-folder.js';
import { refuseUnreadablePath } from '../domain/path-check.js';
import { applicationsOf, assessorPanel, criterionText, grantedAmount, scoredCriteria, type AssessorPanel } from '../domain/applications.js';
import { callContactOf } from '../domain/call-contact.js';
import { EXIT, UserError } from '../domain/errors.js';
import type { DataFolder } from '../domain/folder.js';
import type { Application, Call } from '../domain/kinds.js';
import { formatAmount, formatDate } from '../i18n/format.js';
import { andList, listWords, type Message } from '../i18n/index.js';
import { callRounds } from '../audit/grants.js';
import { RULES } from '../audit/registry.js';
import { buildRanking } from '../reports/ranking.js';
import { runAudit } from '../audit/run.js';
import { messageText } from '../audit/text.js';
import { markdownText } from '../output/table.js';
import { isInsideFolder, makeFolders } from '../store/paths.js';
import { removeFile, snapshot, writeFileAtomic } from '../store/atomic-file.js';
import { notRegularMessage, outputTarget } from '../store/read-file.js';
import { removeLeftoverTemporaries } from '../store/leftover-temporaries.js';
import { openRegular, readUpTo } from '../store/read-file.js';
import { listenForStop, stopCheck } from '../store/stop-request.js';

type Opts = { output?: string; out?: string; overwrite?: boolean };

/** The digests of the letters civsam wrote in a folder, by file name. */
const LETTERS_RECORD = '.civsam-letters.json';

const digest = (text: string | Buffer): string => createHash('sha256').update(text).digest('hex');

/** A letter is a few kilobytes; a file far larger in its place is read no further (it is not civsam's). */
const LETTER_LIMIT = 4 * 1024 * 1024;

/**
 * What a file in the folder holds: its bytes, undefined when there is none (anything unreadable is
 * left to the writer to say), or an empty buffer for what is not an ordinary file (a pipe is never
 * opened to wait on) — which is no letter civsam wrote.
 */
function existing(path: string): Buffer | undefined {
  try {
    const opened = openRegular(path, { follow: false });
    if ('refused' in opened) return Buffer.alloc(0);
    try {
      return readUpTo(opened.fd, opened.st.size, LETTER_LIMIT);
    } finally {
      closeSync(opened.fd);
    }
  } catch {
    return undefined;
  }
}

/** The record of what civsam wrote in the folder; empty when there is none or it cannot be read as one. */
function writtenBefore(out: string): Record<string, string> {
  try {
    const v = JSON.parse(existing(join(out, LETTERS_RECORD))?.toString('utf8') ?? '') as unknown;
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/**
 * The letters civsam wrote into the folder earlier (in `record`) that no decision stands behind any
 * longer: of an application of the call that now gets no letter (its decision taken back, or
 * withdrawn), or of one no longer in the register. One as civsam wrote it is removed, and its
 * digest with it; one changed since is kept and named, since a person may have sent or marked it.
 * By application id, in order.
 */
function removeStaleLetters(out: string, record: Record<string, string>, folder: DataFolder, apps: readonly Application[], lettered: ReadonlySet<string>): { removed: string[]; kept: string[]; keptFiles: string[] } {
  const ofCall = new Set(apps.map((a) => a.id));
  // An application's letter is its Markdown and its HTML: removed together, or kept together.
  const files = new Map<string, string[]>();
  for (const name of Object.keys(record).sort()) {
    const id = name.replace(/\.(md|html)$/, '');
    if (id === name || lettered.has(id) || (!ofCall.has(id) && folder.records.application.has(id))) continue;
    files.set(id, [...(files.get(id) ?? []), name]);
  }
  const removed: string[] = [];
  const kept = new Set<string>();
  const keptFiles: string[] = [];
  for (const [id, names] of files) {
    const found = names.map((name) => ({ name, path: join(out, name), before: snapshot(join(out, name)) })).filter((f) => {
      if (f.before.exists) return true;
      delete record[f.name];
      return false;
    });
    if (found.length === 0) continue;
    const changed = found.filter((f) => f.before.exists && (f.before.link || digest(existing(f.path) ?? '') !== record[f.name]));
    if (changed.length > 0) {
      kept.add(id);
      keptFiles.push(...found.map((f) => f.name));
      continue;
    }
    for (const f of found) {
      if (removeFile(f.path, f.before).ok) delete record[f.name];
      else {
        kept.add(id);
        keptFiles.push(f.name);
      }
    }
    if (found.every((f) => record[f.name] === undefined)) removed.push(id);
  }
  return { removed, kept: [...kept], keptFiles };
}

/** What removeStaleLetters did, said: the applications whose earlier letters went, and the files kept. */
function sayStaleLetters(ctx: CommandContext, stale: ReturnType<typeof removeStaleLetters>, dir: string): void {
  if (stale.removed.length > 0) ctx.stderr.write(ctx.t('letter.staleRemoved', { count: stale.removed.length, ids: stale.removed.join(', '), dir }) + '\n');
  if (stale.kept.length > 0) ctx.stderr.write(ctx.t('letter.staleKept', { count: stale.kept.length, ids: stale.kept.join(', '), files: stale.keptFiles.join(', '), dir }) + '\n');
}

/** A letter as plain parts: the renderers turn it into Markdown or HTML. */
export interface Letter {
  title: string;
  facts: Array<[string, string]>;
  decision: string;
  judgedBy: string[];
  restsOn: string[];
  reason?: string;
  closing: string[];
}

export function letterFor(ctx: CommandContext, folder: DataFolder, call: Call, app: Application): Letter | undefined {
  const d = app.decision;
  if (!d || d.outcome === 'withdrawn') return undefined;
  const region = folder.settings?.region;
  const orgs = app.organisations.map((o) => folder.records.organisation.get(o)?.name ?? o).join(', ');
  const applied = formatAmount(app.amount_dkk, ctx.lang);
  // A full grant without an amount is the amount applied for (a partial one without is never written: letterProblems).
  const granted = formatAmount(grantedAmount(app) ?? app.amount_dkk, ctx.lang);
  // What the money is for: the application's title; without one, the call it was made under.
  const r = region?.name ?? '';
  // A refusal on formal grounds says its ground, and rests on no criterion: it was not judged by them.
  const formal = d.outcome === 'refused' ? d.formal : undefined;
  const decision = formal === 'late'
    ? app.title !== undefined ? ctx.t('letter.refusedLate', { region: r, applied, what: app.title, deadline: call.deadline }) : ctx.t('letter.refusedLateCall', { region: r, applied, call: call.title, deadline: call.deadline })
    : formal === 'ineligible'
      ? app.title !== undefined ? ctx.t('letter.refusedIneligible', { region: r, applied, what: app.title, call: call.title }) : ctx.t('letter.refusedIneligibleCall', { region: r, applied, call: call.title })
    : app.title !== undefined
    ? d.outcome === 'granted' ? ctx.t('letter.granted', { region: r, granted, what: app.title })
      : d.outcome === 'partly' ? ctx.t('letter.partly', { region: r, granted, applied, what: app.title })
        : ctx.t('letter.refused', { region: r, applied, what: app.title })
    : d.outcome === 'granted' ? ctx.t('letter.grantedCall', { region: r, granted, call: call.title })
      : d.outcome === 'partly' ? ctx.t('letter.partlyCall', { region: r, granted, applied, call: call.title })
        : ctx.t('letter.refusedCall', { region: r, applied, call: call.title });
  const criteria = scoredCriteria(call);
  const judgedBy = formal ? [] : (call.criteria ?? []).map((c) => criterionText(c, ctx.lang));
  const restsOn = (formal ? [] : d.criteria ?? []).map((id) => criteria.find((c) => c.id === id)).filter((c) => c !== undefined).map((c) => criterionText(c!, ctx.lang));
  // Without a case number the applicant is not asked to give one (the application's id is none).
  // Reached as the call's page on the site says: the call's own contact, else its pool's, else the region's; without one, the region's website.
  const closing = [d.case_number ? ctx.t('letter.contact', { region: region?.name ?? '', how: contactWay(folder, call), case: d.case_number }) : ctx.t('letter.contactNoCase', { region: region?.name ?? '', how: contactWay(folder, call) })];
  closing.push(ctx.t(d.outcome === 'granted' ? 'letter.complaintGrant' : 'letter.complaint'));
  return {
    title: ctx.t('letter.title', { call: call.title }),
    facts: [
      [ctx.t('letter.to'), orgs],
      [ctx.t('letter.date'), formatDate(d.date, ctx.lang)],
      [ctx.t('letter.case'), d.case_number ?? ''],
      // The application as the applicant knows it, by its title; its id is the register's own (left out without a title).
      [ctx.t('letter.application'), app.title ?? ''],
    ],
    decision, judgedBy, restsOn, ...(d.reason ? { reason: d.reason } : {}), closing,
  };
}

/** How a letter tells the applicant to reach the region about the call: by e-mail, else phone (callContactOf), else the region's website; with none of them, nothing is added to the region's name. */
function contactWay(folder: DataFolder, call: Call): Message | string {
  const c = callContactOf(folder, call);
  if (c?.email) return { key: 'letter.via.email', params: { email: c.email } };
  if (c?.phone) return { key: 'letter.via.phone', params: { phone: c.phone } };
  const website = folder.settings?.region.website;
  return website ? { key: 'letter.via.website', params: { website } } : '';
}

export function letterMarkdown(ctx: CommandContext, l: Letter): string {
  const out = [`# ${markdownText(l.title)}`, '', ...l.facts.filter(([, v]) => v).map(([k, v]) => `- **${k}:** ${markdownText(v)}`), '', markdownText(l.decision), ''];
  if (l.reason) out.push(`## ${ctx.t('letter.reasonHeading')}`, '', markdownText(l.reason), '');
  if (l.restsOn.length) out.push(ctx.t('letter.restsOn'), '', ...l.restsOn.map((c) => `- ${markdownText(c)}`), '');
  if (l.judgedBy.length) out.push(`## ${ctx.t('letter.criteriaHeading')}`, '', ...l.judgedBy.map((c, i) => `${i + 1}. ${markdownText(c)}`), '');
  out.push(...l.closing.flatMap((c) => [markdownText(c), '']));
  return out.join('\n');
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function letterHtml(ctx: CommandContext, l: Letter): string {
  const parts = [`<!doctype html>`, `<html lang="${ctx.lang}">`, '<head><meta charset="utf-8">', `<title>${esc(l.title)}</title></head>`, '<body>', `<h1>${esc(l.title)}</h1>`,
    `<dl>${l.facts.filter(([, v]) => v).map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>`, `<p>${esc(l.decision)}</p>`];
  if (l.reason) parts.push(`<h2>${esc(ctx.t('letter.reasonHeading'))}</h2>`, `<p>${esc(l.reason).replace(/\r?\n/g, '<br>')}</p>`);
  if (l.restsOn.length) parts.push(`<p>${esc(ctx.t('letter.restsOn'))}</p>`, `<ul>${l.restsOn.map((c) => `<li>${esc(c)}</li>`).join('')}</ul>`);
  if (l.judgedBy.length) parts.push(`<h2>${esc(ctx.t('letter.criteriaHeading'))}</h2>`, `<ol>${l.judgedBy.map((c) => `<li>${esc(c)}</li>`).join('')}</ol>`);
  parts.push(...l.closing.map((c) => `<p>${esc(c)}</p>`), '</body>', '</html>', '');
  return parts.join('\n');
}

/**
 * Why an application's letter may not be written: the audit's errors about it (the rules' own
 * words, as `civsam audit` gives them), and a partial grant that says nothing of the amount.
 * Only decided applications that get a letter are looked at; in application-id order.
 */
export function letterProblems(ctx: CommandContext, folder: DataFolder, apps: readonly Application[]): Array<{ app: Application; problems: string[] }> {
  const lettered = new Map(apps.filter((a) => a.decision && a.decision.outcome !== 'withdrawn').map((a) => [a.id, a]));
  if (lettered.size === 0) return [];
  const byApp = new Map<string, string[]>();
  const add = (id: string, text: string) => {
    const list = byApp.get(id);
    if (list) list.push(text);
    else byApp.set(id, [text]);
  };
  for (const f of runAudit(folder, RULES, { asOf: ctx.today }).findings) {
    if (f.severity === 'error' && f.subject.kind === 'application' && lettered.has(f.subject.id)) add(f.subject.id, messageText(ctx.lang, f.message));
  }
  for (const a of lettered.values()) {
    const d = a.decision!;
    if (d.outcome === 'partly' && d.amount_dkk === undefined) add(a.id, ctx.t('letter.partlyNoAmount', { id: a.id }));
    // A letter tells a decision that has been made: one dated ahead would be sent before it.
    if (d.date > ctx.today) add(a.id, ctx.t('letter.decidedAfterToday', { id: a.id, date: d.date }));
    // An amount granted that does not fit the application (more, less called a grant in full, all of it called partial) is the audit's: grant-exceeds-application.
  }
  return [...lettered.values()].filter((a) => byApp.has(a.id)).map((app) => ({ app, problems: byApp.get(app.id)! }));
}

export async function letters(ctx: CommandContext, opts: Opts, args: unknown[]): Promise<number> {
  const id = String(args[0]);
  const outDir = outputFolder(ctx.cwd, opts, 'letter.outputTwice');
  if (!outDir) throw new UserError('letter.outMissing');
  const out = resolve(ctx.cwd, outDir);
  refuseUnreadablePath(out);
  if (isInsideFolder(resolveDataDir(ctx), out)) throw new UserError('letter.outInData', { dir: outDir, data: dataFolderName(ctx) });
  const folder = loadValidFolder(ctx);
  const call = folder.records.call.get(id);
  if (!call) throw new UserError('register.notFound', { kind: { key: 'kind.call' }, id });
  const apps = applicationsOf(folder, id).sort((a, b) => (a.id < b.id ? -1 : 1));
  // No decision to answer (no application yet, or none granted or refused): said, with what comes
  // first, rather than "0 letters written" into a folder made for nothing.
  if (!apps.some((a) => a.decision && a.decision.outcome !== 'withdrawn')) {
    const withdrawn = apps.filter((a) => a.decision?.outcome === 'withdrawn').length;
    ctx.stderr.write(ctx.t(apps.length === 0 ? 'letter.noApplications' : 'letter.noneDecided', { id, count: apps.length, withdrawn }) + '\n');
    // Letters written before a decision was taken back are no longer the call's answers.
    const record = writtenBefore(out);
    if (Object.keys(record).length > 0) {
      const stale = removeStaleLetters(out, record, folder, apps, new Set());
      if (stale.removed.length > 0) writeFileAtomic(join(out, LETTERS_RECORD), JSON.stringify(record, null, 1) + '\n', { mode: 0o640 });
      sayStaleLetters(ctx, stale, outDir);
    }
    return EXIT.ok;
  }
  // A decision the audit marks as an error (a refusal or partial grant without reasons naming the
  // criteria, missing scores, more granted than applied for, …) is not one to send: none is written
  // while one is, and each is named with what is wrong.
  const wrong = letterProblems(ctx, folder, apps);
  // The call's assessors as the audit just worked them out (callRounds, kept for the folder).
  const panel: AssessorPanel = callRounds(folder).find((r) => r.call.id === id) ?? assessorPanel(call, apps);
  if (wrong.length > 0) {
    // Each application on a line of its own (by its title, which people know it by), what is wrong beneath it.
    const lines = wrong.flatMap(({ app, problems }): Message[] => [
      app.title !== undefined ? { key: 'letter.problemTitled', params: { title: app.title, id: app.id } } : { key: 'letter.problemUntitled', params: { id: app.id } },
      ...problems.map((problem): Message => ({ key: 'letter.problemLine', params: { problem } })),
    ]);
    // With an assessor disqualified in the call, "assess" would read as "let them score the rest": said who may.
    throw new UserError(panel.tied.size > 0 ? 'letter.decisionsWrongTied' : 'letter.decisionsWrong', { count: wrong.length, list: { lines } });
  }
  // Then an assessor disqualified in the call (a declared tie to an applicant) whose scores are still in
  // the files: the ranking (the one `call ranking` gives, and the audit judges the decisions by) leaves
  // them out, but the files would still show a disqualified person taking part in the case the
  // letters close (assessor-conflict, an error of the call). None is written until they are removed,
  // each through `application assess --remove`, which the history records; the declaration stays.
  const ranking = buildRanking(folder, call, ctx.today, { panel });
  const uncounted = ranking.applications.filter((a) => a.uncounted > 0).map((a) => a.id).sort();
  if (uncounted.length > 0) {
    const organisations = andList(ranking.uncounted.organisations.map((o) => folder.records.organisation.get(o)?.name ?? o));
    throw new UserError('letter.disqualifiedScores', { count: ranking.uncounted.assessors, organisations, orgCount: ranking.uncounted.organisations.length, apps: uncounted.length, ids: uncounted.join(', '), first: uncounted[0], call: call.id });
  }
  const made: Array<{ id: string; files: Array<[name: string, text: string]> }> = [];
  for (const app of apps) {
    const letter = letterFor(ctx, folder, call, app);
    if (letter) made.push({ id: app.id, files: [[`${app.id}.md`, letterMarkdown(ctx, letter)], [`${app.id}.html`, letterHtml(ctx, letter)]] });
  }
  const record = writtenBefore(out);
  const isEdited = ([name, text]: [string, string]): boolean => {
    const now = existing(join(out, name));
    return now !== undefined && record[name] !== digest(now) && !now.equals(Buffer.from(text));
  };
  // A letter a person has changed is kept, Markdown and HTML together, unless --overwrite: the others are written.
  const keptEdited = opts.overwrite ? [] : made.filter((m) => m.files.some(isEdited));
  const editedFiles = keptEdited.flatMap((m) => m.files.filter(isEdited).map(([name]) => name));
  const toWrite = made.filter((m) => !keptEdited.includes(m));
  makeFolders(out, 0o750);
  // Once for the folder (what a killed run left); the letters are then written by the one writer.
  removeLeftoverTemporaries(out);
  let written = 0;
  let stale: ReturnType<typeof removeStaleLetters> = { removed: [], kept: [], keptFiles: [] };
  // Each file is written whole while a signal waits; it is heard between two letters.
  const stop = listenForStop();
  try {
    const stopRequested = stopCheck(stop, 0);
    for (const { files } of toWrite) {
      if (await stopRequested()) throw new UserError('letter.stopped', { count: written, dir: outDir }, stop.exitCode());
      for (const [name, text] of files) {
        const target = outputTarget(join(out, name));
        if ('refused' in target) throw new UserError('output.notRegular', { file: join(outDir, name), what: notRegularMessage(target.refused) });
        writeFileAtomic(target.path, text, { mode: 0o640 });
        record[name] = digest(text);
      }
      written++;
    }
    // Only once every letter is written: a run stopped part-way leaves the earlier ones as they were.
    // A kept letter's application still has its decision: its letter is not one to remove.
    stale = removeStaleLetters(out, record, folder, apps, new Set(made.map((m) => m.id)));
  } finally {
    stop.dispose();
    // What was written, also when stopped part-way: those letters may be replaced by the next run.
    if (written > 0 || stale.removed.length > 0) writeFileAtomic(join(out, LETTERS_RECORD), JSON.stringify(record, null, 1) + '\n', { mode: 0o640 });
  }
  if (written > 0) ctx.stderr.write(ctx.t('letter.written', { count: written, dir: outDir }) + '\n');
  sayStaleLetters(ctx, stale, outDir);
  // The applications left without a letter because the applicant withdrew them: named, so none seems forgotten.
  const withdrawn = apps.filter((a) => a.decision?.outcome === 'withdrawn');
  if (withdrawn.length > 0) ctx.stderr.write(ctx.t('letter.withdrawnSkipped', { count: withdrawn.length, list: withdrawn.map((a) => (a.title !== undefined ? ctx.t('letter.appTitled', { title: a.title, id: a.id }) : a.id)).join(', ') }) + '\n');
  const noCase = apps.filter((a) => a.decision && a.decision.outcome !== 'withdrawn' && !a.decision.case_number);
  if (noCase.length > 0) ctx.stderr.write(ctx.t('letter.noCaseNumber', { count: noCase.length, applicants: applicantsOf(ctx, folder, noCase), first: noCase[0].id }) + '\n');
  // Last, as the error it is: an answer in the folder is not the one the register holds.
  if (keptEdited.length > 0) throw new UserError('letter.edited', { count: keptEdited.length, ids: keptEdited.map((m) => m.id).join(', '), files: editedFiles.join(', '), dir: outDir });
  return EXIT.ok;
}

/**
 * The applicants of these applications by name, as a sentence lists them (`Beta og Gamma`); an
 * applicant with several of them is told apart by each application's title, or its id where it has none.
 */
function applicantsOf(ctx: CommandContext, folder: DataFolder, apps: readonly Application[]): string {
  const applicant = (a: Application) => listWords(ctx.lang, a.organisations.map((o) => folder.records.organisation.get(o)?.name ?? o));
  const names = apps.map(applicant);
  return listWords(ctx.lang, apps.map((a, i) => (names.indexOf(names[i]) !== names.lastIndexOf(names[i]) ? `${names[i]} (${a.title !== undefined ? ctx.t('audit.fmt.quoted', { text: a.title }) : a.id})` : names[i])));
}
