// civsam overview coverage: where in the region each patient group has active offers, and where not.
import type { CommandContext } from '../cli/context.js';
import { coverageView } from '../render/coverage.js';
import { namesOf } from '../render/labels.js';
import { buildCoverageReport } from '../report/coverage.js';
import { runOverview, selected, selectedAreas, type OutputOptions } from './overview-common.js';

interface Options extends OutputOptions {
  area?: string[];
  patientGroup?: string[];
}

export async function run(ctx: CommandContext, opts: Options): Promise<number> {
  return runOverview(ctx, opts, (folder, asOf) => buildCoverageReport(folder, asOf, {
    areas: selectedAreas(ctx, folder, opts.area),
    patientGroups: selected(ctx, folder, 'patient-group', '--patient-group', opts.patientGroup),
  }), (report, folder) => coverageView(report, namesOf(folder), ctx.lang));
}
