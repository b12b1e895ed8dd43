// civsam overview funding: each pool's money per year (or, --by organisation, each organisation's).
import type { CommandContext } from '../context/context.js';
import { loadValidFolder } from '../context/load.js';
import { EXIT } from '../domain/errors.js';
import { yearOption } from '../domain/whole-numbers.js';
import { fundingByOrganisationView, fundingView } from '../output/funding.js';
import { namesOf } from '../output/labels.js';
import { buildFundingByOrganisationReport, buildFundingReport } from '../reports/funding.js';
import { output, selected, selectedAreas, start, type OutputOptions } from '../context/overview-options.js';

interface Options extends OutputOptions {
  year?: string[];
  pool?: string[];
  area?: string[];
  by?: 'pool' | 'organisation';
}

export async function run(ctx: CommandContext, opts: Options): Promise<number> {
  const { asOf } = start(ctx, opts);
  const yearList = (opts.year ?? []).map((v) => yearOption(v, '--year'));
  const folder = loadValidFolder(ctx, ['agreement', 'organisation', 'pool']);
  const filter = { years: yearList, pools: selected(ctx, folder, 'pool', '--pool', opts.pool), areas: selectedAreas(ctx, folder, opts.area) };
  if (opts.by === 'organisation') {
    const report = buildFundingByOrganisationReport(folder, asOf, filter);
    output(ctx, opts, report, () => fundingByOrganisationView(report, namesOf(folder), ctx.lang));
  } else {
    const report = buildFundingReport(folder, asOf, filter);
    output(ctx, opts, report, () => fundingView(report, namesOf(folder), ctx.lang, folder.policy.hhi_warning));
  }
  return EXIT.ok;
}
