// civsam overview funding: each pool's money per year (or, --by organisation, each organisation's).
import type { CommandContext } from '../context/context.js';
import { loadValidPart } from '../context/load.js';
import { leftOutCounts } from '../validate/valid-part.js';
import { EXIT } from '../domain/errors.js';
import { yearOption } from '../domain/whole-numbers.js';
import { fundingByOrganisationView, fundingView, MONEY_KINDS } from '../output/funding.js';
import { namesOf } from '../output/labels.js';
import { wrapForTerminal } from '../output/table.js';
import { buildFundingByOrganisationReport, buildFundingReport, selectedPools } from '../reports/funding.js';
import { fundingFilter, output, start, type OutputOptions, type OverviewFilters } from '../context/overview-options.js';

type Options = OutputOptions & Pick<OverviewFilters, 'pool' | 'area'> & {
  year?: string[];
  by?: 'pool' | 'organisation';
  despiteErrors?: boolean;
};

export async function run(ctx: CommandContext, opts: Options): Promise<number> {
  const { asOf } = start(ctx, opts);
  const yearList = (opts.year ?? []).map((v) => yearOption(v, '--year'));
  const part = loadValidPart(ctx, ['agreement', 'organisation', 'pool']);
  const { folder } = part;
  const leftOut = leftOutCounts(part.leftOut);
  const filter = fundingFilter(ctx, folder, opts, yearList);
  const counted = { leftOut: part.leftOut, kinds: MONEY_KINDS };
  let missing;
  if (opts.by === 'organisation') {
    const report = buildFundingByOrganisationReport(folder, asOf, filter);
    missing = output(ctx, opts, report, () => fundingByOrganisationView(report, namesOf(folder), ctx.lang, leftOut), counted);
  } else {
    const report = buildFundingReport(folder, asOf, filter);
    missing = output(ctx, opts, report, () => fundingView(report, namesOf(folder), ctx.lang, folder.policy.hhi_warning, leftOut, selectedPools(folder, filter).length), counted);
  }
  // A money report whose sums lack money is shown (and written) with that said in it, but does not
  // pass for a whole one: it ends as invalid data does, unless the user asks for it as it is.
  if (missing.length > 0 && !opts.despiteErrors) {
    ctx.stderr.write(ctx.errColor.yellow(wrapForTerminal(ctx.t('overview.funding.sumsShort', { count: missing.length }), ctx)) + '\n');
    return EXIT.invalid;
  }
  return EXIT.ok;
}
