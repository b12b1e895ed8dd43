// civsam consultation list-parties ID: the hearing list to attach to the hearing letter, the
// organisations in Danish alphabetical order; functional addresses only with --include-contacts.
import type { CommandContext } from '../cli/context.js';
import { loadValidFolder } from '../cli/load.js';
import { emit } from '../cli/output.js';
import { EXIT } from '../errors.js';
import { findConsultation } from '../hearing/input.js';
import { hearingListReport } from '../hearing/reports.js';

export async function run(ctx: CommandContext, opts: { includeContacts?: boolean; format?: string; output?: string }, [id]: string[]): Promise<number> {
  const folder = loadValidFolder(ctx);
  const report = hearingListReport(folder, findConsultation(folder, id), opts.includeContacts === true, ctx.lang);
  emit(ctx, opts, report);
  for (const n of report.notes) ctx.stderr.write(n + '\n');
  return EXIT.ok;
}
