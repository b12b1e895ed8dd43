// civsam overview coverage: where in the region each patient group has active offers, and where not.
import type { CommandContext } from '../context/context.js';
import { coverageView } from '../output/coverage.js';
import { namesOf } from '../output/labels.js';
import { buildCoverageReport } from '../reports/coverage.js';
import { coverageFilter, runOverview, type OutputOptions, type OverviewFilters } from '../context/overview-options.js';

type Options = OutputOptions & Pick<OverviewFilters, 'area' | 'patientGroup'>;

export async function run(ctx: CommandContext, opts: Options): Promise<number> {
  return runOverview(ctx, opts, (folder, asOf) => buildCoverageReport(folder, asOf, coverageFilter(ctx, folder, opts)), (report, folder, leftOut) => coverageView(report, namesOf(folder), ctx.lang, leftOut), ['offer', 'organisation', 'pool'], ['offer']);
}
