// civsam publish: the public transparency site, built from the data folder as of a date and
// written to --output. The pages are built in memory by a pure function; only this file touches disk.
import { relative, resolve, sep } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import type { CommandContext } from '../context/context.js';
import { loadValidFolder } from '../context/load.js';
import { outputFolder } from '../context/output-folder.js';
import { refuseUnreadablePath } from '../domain/path-check.js';
import { RECORD_KINDS } from '../domain/kinds.js';
import { dateOption } from '../domain/dates.js';
import { EXIT, UserError, fileSystemReasonOf } from '../domain/errors.js';
import { listWords, type Language } from '../i18n/index.js';
import { sitePages } from '../site/site.js';
import { checkSiteFolder, isFileSystemError, writeSite, type SiteLeft } from '../site/write-site.js';
import { RULES } from '../audit/registry.js';
import { isAuditSummary, runAudit } from '../audit/run.js';
import { keptResult } from '../context/kept-result.js';
import { severityCounts } from '../i18n/severity-counts.js';

/**
 * From this many records on, the site's open data is built on a thread of its own: the thread's
 * start and its copy of the folder cost about 0.2 s at the bench folder's 45,000 records, which
 * the open data's building on the other core repays several times over.
 */
const OPEN_DATA_THREAD_FROM = 5000;

export interface PublishOptions {
  output?: string;
  /** --output's earlier name, kept so scripts that use it go on working. */
  out?: string;
  asOf?: string;
  lang?: string;
  requireClean?: boolean;
  /** Replace or remove files civsam did not write, or that were changed since, too. */
  overwrite?: boolean;
}

export async function run(ctx: CommandContext, given: PublishOptions): Promise<number> {
  const opts = { ...given, out: outputFolder(ctx.cwd, given, 'publish.outputTwice') };
  if (!opts.out) throw new UserError('publish.outMissing');
  const asOf = dateOption(opts.asOf, '--as-of', ctx.today);
  const dataDir = resolve(ctx.cwd, ctx.dataDir);
  const outDir = resolve(ctx.cwd, opts.out);
  refuseUnreadablePath(outDir);
  const inside = relative(dataDir, outDir);
  if (inside === '' || (!inside.startsWith('..') && !inside.startsWith(sep) && !/^[A-Za-z]:/.test(inside))) {
    throw new UserError('publish.outInsideData', { dir: opts.out });
  }
  checkSiteFolder(outDir, opts.out);
  // Publishing builds hundreds of megabytes of pages that are garbage once written. By default V8
  // lets its heap grow to four times what was live at its last full collection before it collects
  // again (538 MB at bench scale, for 230 MB live). Growing by half kept the peak at 370 MB but
  // collected so often that publishing took 5.3–5.6 s; growing to three times takes 4.96–4.98 s
  // with a peak of 410–434 MB (three runs each, bench folder, quiet machine).
  setFlagsFromString('--heap-growing-percent=200');
  // The site shows every kind of record.
  const folder = loadValidFolder(ctx, RECORD_KINDS);
  // The audit runs first, so whoever publishes sees what the site will state plainly instead of
  // the ideal; --require-clean turns an error into a refusal before anything is written.
  // Its counts are kept with the folder snapshot: publishing an unchanged folder again does not audit it again.
  const summary = keptResult(ctx, 'audit-summary', [asOf], () => runAudit(folder, RULES, { asOf }).summary, isAuditSummary);
  ctx.stderr.write((summary.findings === 0 ? ctx.t('publish.audit.clean', { date: asOf }) : ctx.t('publish.audit.summary', { findings: summary.findings, counts: severityCounts(summary.errors, summary.warnings), date: asOf, isoDate: asOf })) + '\n');
  if (opts.requireClean && summary.errors > 0) throw new UserError('publish.audit.refused', { errors: summary.errors, date: asOf, isoDate: asOf });
  const primary: Language = folder.settings?.language ?? 'da';
  const languages: Language[] = opts.lang === 'both' ? [primary, primary === 'da' ? 'en' : 'da'] : [(opts.lang as Language | undefined) ?? primary];
  let result;
  try {
    result = await writeSite(outDir, opts.out, sitePages(folder, { asOf, languages }, { from: OPEN_DATA_THREAD_FROM }), { overwrite: opts.overwrite === true });
  } catch (e) {
    if (!isFileSystemError(e)) throw e;
    // Said as what it left: the site as it was, nothing published, or some pages in place.
    const left = (e as { siteUnchanged?: SiteLeft }).siteUnchanged;
    const key = left === 'asItWas' ? 'publish.writeFailedUnchanged' : left === 'nothing' ? 'publish.writeFailedNothing' : 'publish.writeFailed';
    throw new UserError(key, { dir: opts.out, ...fileSystemReasonOf(e.code) });
  }
  const { written, unchanged, removed, paths } = result;
  const pages = paths.filter((p) => p.endsWith('.html')).length;
  ctx.stderr.write(ctx.errColor.green(ctx.t('publish.done', { pages, files: paths.length, dir: opts.out, date: asOf, written, unchanged, removed })) + '\n');
  // In words (dansk, engelsk), the other languages with the folder they are in.
  const languageWords = languages.map((l, i) => (i === 0 ? ctx.t(`value.${l}`) : ctx.t('publish.languageIn', { language: ctx.t(`value.${l}`), folder: `${l}/` })));
  ctx.stderr.write(ctx.t('publish.languages', { languages: listWords(ctx.lang, languageWords) }) + '\n');
  if (result.finishedAfterStop !== undefined) {
    ctx.stderr.write(ctx.errColor.yellow(ctx.t('publish.finishedAfterStop')) + '\n');
    return result.finishedAfterStop;
  }
  return EXIT.ok;
}
