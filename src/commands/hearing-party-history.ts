// civsam hearing-party history ORG: every consultation the organisation (or the hearing party
// given by its id) was eligible for, invited to, and answered.
import type { CommandContext } from '../cli/context.js';
import { loadValidFolder } from '../cli/load.js';
import { emit } from '../cli/output.js';
import { EXIT, UserError } from '../errors.js';
import { historyReport } from '../hearing/reports.js';

export async function run(ctx: CommandContext, opts: { format?: string; output?: string }, [id]: string[]): Promise<number> {
  const folder = loadValidFolder(ctx);
  const organisation = folder.records.organisation.has(id) ? id : folder.records['hearing-party'].get(id)?.organisation;
  if (organisation === undefined) throw new UserError('hearing.error.unknownOrganisation', { id });
  const report = historyReport(folder, organisation, ctx.lang);
  emit(ctx, opts, report);
  if ((report.json as { parties: string[] }).parties.length === 0) ctx.stderr.write(ctx.t('hearing.history.notOnList', { id: organisation }) + '\n');
  return EXIT.ok;
}
