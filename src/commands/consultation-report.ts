// civsam consultation report ID: after the deadline, the parties heard alphabetically with a mark
// and date where a response came, the response rate, and eligible parties not invited with reasons.
import type { CommandContext } from '../context/context.js';
import { loadValidFolder } from '../context/load.js';
import { emit } from '../context/output.js';
import { dateOption } from '../domain/dates.js';
import { EXIT } from '../domain/errors.js';
import { findConsultation } from '../context/hearing-options.js';
import { consultationReport } from '../reports/hearing.js';

export async function run(ctx: CommandContext, opts: { asOf?: string; format?: string; output?: string }, [id]: string[]): Promise<number> {
  const asOf = dateOption(opts.asOf, '--as-of', ctx.today);
  const folder = loadValidFolder(ctx);
  const report = consultationReport(folder, findConsultation(folder, id), asOf, ctx.lang);
  emit(ctx, opts, report);
  for (const n of report.notes) ctx.stderr.write(ctx.errColor.yellow(n) + '\n');
  return EXIT.ok;
}
