// civsam overview offers: which patient groups are offered what, by whom, where, and with whose money.
import type { CommandContext } from '../context/context.js';
import { namesOf } from '../output/labels.js';
import { offersView } from '../output/offers.js';
import { buildOffersReport } from '../reports/offers.js';
import { runOverview, selected, selectedAreas, type OutputOptions } from '../context/overview-options.js';

interface Options extends OutputOptions {
  area?: string[];
  patientGroup?: string[];
  municipality?: string[];
  organisation?: string[];
  type?: string[];
}

export async function run(ctx: CommandContext, opts: Options): Promise<number> {
  return runOverview(ctx, opts, (folder, asOf) => buildOffersReport(folder, asOf, {
    areas: selectedAreas(ctx, folder, opts.area),
    patientGroups: selected(ctx, folder, 'patient-group', '--patient-group', opts.patientGroup),
    municipalities: selected(ctx, folder, 'municipality', '--municipality', opts.municipality),
    organisations: selected(ctx, folder, 'organisation', '--organisation', opts.organisation),
    types: selected(ctx, folder, 'offer-type', '--type', opts.type),
  }), (report, folder) => offersView(report, namesOf(folder), ctx.lang), ['offer', 'agreement', 'organisation', 'pool']);
}
