// civsam overview expiring: agreements to renew, end or evaluate soon, and those left active past their end.
import type { CommandContext } from '../context/context.js';
import { loadValidPart } from '../context/load.js';
import { leftOutCounts } from '../validate/valid-part.js';
import { EXIT } from '../domain/errors.js';
import { expiringView } from '../output/expiring.js';
import { namesOf } from '../output/labels.js';
import { buildExpiringReport } from '../reports/expiring.js';
import { expiringFilter, output, start, withinDays, type OutputOptions, type OverviewFilters } from '../context/overview-options.js';

type Options = OutputOptions & Pick<OverviewFilters, 'within' | 'area' | 'organisation'>;

export async function run(ctx: CommandContext, opts: Options): Promise<number> {
  const { asOf } = start(ctx, opts);
  const days = withinDays(opts.within);
  const part = loadValidPart(ctx, ['agreement', 'organisation', 'pool']);
  const { folder } = part;
  const report = buildExpiringReport(folder, asOf, days ?? folder.policy.expiring_days, expiringFilter(ctx, folder, opts));
  output(ctx, opts, report, () => expiringView(report, namesOf(folder), ctx.lang, leftOutCounts(part.leftOut)), { leftOut: part.leftOut, kinds: ['agreement'] });
  return EXIT.ok;
}
