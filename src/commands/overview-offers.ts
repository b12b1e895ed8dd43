// civsam overview offers: which patient groups are offered what, by whom, where, and with whose money.
import type { CommandContext } from '../context/context.js';
import { namesOf } from '../output/labels.js';
import { offersView } from '../output/offers.js';
import { buildOffersReport } from '../reports/offers.js';
import { offersFilter, runOverview, type OutputOptions, type OverviewFilters } from '../context/overview-options.js';

type Options = OutputOptions & Pick<OverviewFilters, 'area' | 'patientGroup' | 'municipality' | 'organisation' | 'type'>;

export async function run(ctx: CommandContext, opts: Options): Promise<number> {
  return runOverview(ctx, opts, (folder, asOf) => buildOffersReport(folder, asOf, offersFilter(ctx, folder, opts)), (report, folder, leftOut) => offersView(report, namesOf(folder), ctx.lang, leftOut), ['offer', 'agreement', 'organisation', 'pool'], ['offer']);
}
