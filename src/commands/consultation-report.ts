// civsam consultation report ID: after the deadline, the parties heard alphabetically with a mark
// and date where a response came, the response rate, and eligible parties not invited with reasons.
import type { CommandContext } from '../cli/context.js';
import { loadValidFolder } from '../cli/load.js';
import { emit } from '../cli/output.js';
import { dateOption } from '../core/dates.js';
import { EXIT } from '../errors.js';
import { findConsultation } from '../hearing/input.js';
import { consultationReport } from '../hearing/reports.js';

export async function run(ctx: CommandContext, opts: { asOf?: string; format?: string; output?: string }, [id]: string[]): Promise<number> {
  const asOf = dateOption(opts.asOf, '--as-of', ctx.today);
  const folder = loadValidFolder(ctx);
  const report = consultationReport(folder, findConsultation(folder, id), asOf, ctx.lang);
  emit(ctx, opts, report);
  for (const n of report.notes) ctx.stderr.write(ctx.errColor.yellow(n) + '\n');
  return EXIT.ok;
}
