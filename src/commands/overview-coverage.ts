// civsam overview coverage: where in the region each patient group has active offers, and where not.
import type { CommandContext } from '../cli/context.js';
import { loadValidFolder } from '../cli/load.js';
import { EXIT } from '../errors.js';
import { coverageView } from '../render/coverage.js';
import { namesOf } from '../render/labels.js';
import { buildCoverageReport } from '../report/coverage.js';
import { output, selected, selectedAreas, start, type OutputOptions } from './overview-common.js';

interface Options extends OutputOptions {
  area?: string[];
  patientGroup?: string[];
}

export async function run(ctx: CommandContext, opts: Options): Promise<number> {
  const { asOf } = start(ctx, opts);
  const folder = loadValidFolder(ctx);
  const report = buildCoverageReport(folder, asOf, {
    areas: selectedAreas(ctx, folder, opts.area),
    patientGroups: selected(ctx, folder, 'patient-group', '--patient-group', opts.patientGroup),
  });
  output(ctx, opts, report, () => coverageView(report, namesOf(folder), ctx.lang));
  return EXIT.ok;
}
