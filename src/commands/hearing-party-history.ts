// civsam hearing-party history ORG: every consultation the organisation (or the hearing party
// given by its id) was eligible for, invited to, and answered.
import type { CommandContext } from '../context/context.js';
import { loadValidFolder } from '../context/load.js';
import { emit } from '../context/output.js';
import { EXIT, UserError } from '../domain/errors.js';
import { historyReport } from '../reports/hearing.js';

export async function run(ctx: CommandContext, opts: { format?: string; output?: string }, [id]: string[]): Promise<number> {
  const folder = loadValidFolder(ctx);
  const organisation = folder.records.organisation.has(id) ? id : folder.records['hearing-party'].get(id)?.organisation;
  if (organisation === undefined) throw new UserError('hearing.error.unknownOrganisation', { id });
  const report = historyReport(folder, organisation, ctx.lang, ctx.today);
  emit(ctx, opts, report);
  if ((report.json as { parties: string[] }).parties.length === 0) ctx.stderr.write(ctx.t('hearing.history.notOnList', { id: organisation }) + '\n');
  return EXIT.ok;
}
