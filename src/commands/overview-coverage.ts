// civsam overview coverage: where in the region each patient group has active offers, and where not.
import type { CommandContext } from '../context/context.js';
import { coverageView } from '../output/coverage.js';
import { namesOf } from '../output/labels.js';
import { buildCoverageReport } from '../reports/coverage.js';
import { runOverview, selected, selectedAreas, type OutputOptions } from '../context/overview-options.js';

interface Options extends OutputOptions {
  area?: string[];
  patientGroup?: string[];
}

export async function run(ctx: CommandContext, opts: Options): Promise<number> {
  return runOverview(ctx, opts, (folder, asOf) => buildCoverageReport(folder, asOf, {
    areas: selectedAreas(ctx, folder, opts.area),
    patientGroups: selected(ctx, folder, 'patient-group', '--patient-group', opts.patientGroup),
  }), (report, folder) => coverageView(report, namesOf(folder), ctx.lang), ['offer', 'organisation', 'pool']);
}
