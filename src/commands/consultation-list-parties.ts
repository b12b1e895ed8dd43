// civsam consultation list-parties ID: the hearing list to attach to the hearing letter, the
// organisations in Danish alphabetical order; functional addresses only with --include-contacts.
import type { CommandContext } from '../context/context.js';
import { loadValidFolder } from '../context/load.js';
import { emit } from '../context/output.js';
import { EXIT } from '../domain/errors.js';
import { findConsultation } from '../context/hearing-options.js';
import { hearingListReport } from '../reports/hearing.js';

export async function run(ctx: CommandContext, opts: { includeContacts?: boolean; format?: string; output?: string }, [id]: string[]): Promise<number> {
  const folder = loadValidFolder(ctx);
  const report = hearingListReport(folder, findConsultation(folder, id), opts.includeContacts === true, ctx.lang);
  emit(ctx, opts, report);
  for (const n of report.notes) ctx.stderr.write(n + '\n');
  return EXIT.ok;
}
