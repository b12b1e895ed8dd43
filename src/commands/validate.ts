// civsam validate: every problem in the data folder, located as file:line:col, grouped by file.
import type { CommandContext } from '../context/context.js';
import { loadFolder } from '../context/load.js';
import { EXIT } from '../domain/errors.js';
import { translate } from '../i18n/index.js';
import type { Problem } from '../store/load-folder.js';
import { problemLine } from '../output/problem-line.js';
import { severityCounts } from '../i18n/severity-counts.js';

export async function run(ctx: CommandContext, opts: { format?: string; cache?: boolean }): Promise<number> {
  const { problems, fileCount } = loadFolder(ctx, { cache: opts.cache !== false, anyFolder: true });
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const files = new Set(problems.map((p) => p.file)).size;
  if (opts.format === 'json') {
    ctx.stdout.write(JSON.stringify({
      dataDir: ctx.dataDir,
      valid: errors === 0,
      problems: problems.map((p) => ({ file: p.file, line: p.line, col: p.col, rule: p.rule, severity: p.severity, message: translate(ctx.lang, p.message.key, p.message.params) })),
      summary: { errors, warnings, filesWithProblems: files, filesRead: fileCount },
    }, null, 2) + '\n');
  } else {
    renderText(ctx, problems);
    const c = ctx.errColor;
    const summary = problems.length === 0
      ? c.green(ctx.t('validate.clean', { files: fileCount }))
      : (errors > 0 ? c.red : c.yellow)(ctx.t('validate.summary', { counts: severityCounts(errors, warnings), files, read: fileCount }));
    ctx.stderr.write(summary + '\n');
  }
  return errors > 0 ? EXIT.invalid : EXIT.ok;
}

/**
 * The problems go to stdout (they are the command's output), grouped by file with a blank line
 * between; on a terminal (or as wide as $COLUMNS says) each is wrapped to its width, piped each
 * stays one line (scripts read them so).
 */
function renderText(ctx: CommandContext, problems: Problem[]): void {
  const c = ctx.color;
  const width = ctx.stdout.isTTY ? ctx.stdout.columns : Number(ctx.env.COLUMNS) || undefined;
  let last: string | undefined;
  for (const p of problems) {
    if (last !== undefined && p.file !== last) ctx.stdout.write('\n');
    last = p.file;
    ctx.stdout.write(problemLine(ctx.lang, ctx.dataDir, p, { where: (w) => c.bold((p.severity === 'error' ? c.red : c.yellow)(w)), warning: c.yellow, width: width && Math.max(width, 40) }) + '\n');
  }
}
