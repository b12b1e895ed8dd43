// civsam overview expiring: agreements to renew, end or evaluate soon, and those left active past their end.
import type { CommandContext } from '../context/context.js';
import { loadValidFolder } from '../context/load.js';
import { EXIT, UserError } from '../domain/errors.js';
import { expiringView } from '../output/expiring.js';
import { namesOf } from '../output/labels.js';
import { buildExpiringReport } from '../reports/expiring.js';
import { output, selected, selectedAreas, start, type OutputOptions } from '../context/overview-options.js';

interface Options extends OutputOptions {
  within?: string;
  area?: string[];
  organisation?: string[];
}

export async function run(ctx: CommandContext, opts: Options): Promise<number> {
  const { asOf } = start(ctx, opts);
  if (opts.within !== undefined && !/^\d{1,5}$/.test(opts.within)) throw new UserError('overview.error.within', { value: opts.within });
  const folder = loadValidFolder(ctx, ['agreement', 'organisation', 'pool']);
  const within = opts.within !== undefined ? Number(opts.within) : folder.policy.expiring_days;
  const report = buildExpiringReport(folder, asOf, within, {
    areas: selectedAreas(ctx, folder, opts.area),
    organisations: selected(ctx, folder, 'organisation', '--organisation', opts.organisation),
  });
  output(ctx, opts, report, () => expiringView(report, namesOf(folder), ctx.lang));
  return EXIT.ok;
}
