// civsam export 360giving: every grant (reports/grants.ts: one per agreement or application, pool,
// year and organisation) in the 360Giving Data Standard, as its JSON package or its flat CSV
// (comma-separated, decimal point, as 360Giving's tools read it), to stdout or atomically to --output.
import { extname, resolve } from 'node:path';
import type { CommandContext } from '../context/context.js';
import { loadValidFolder } from '../context/load.js';
import { writeOutputFile } from '../context/output.js';
import { EXIT, UserError } from '../domain/errors.js';
import { encodeCsv } from '../output/csv.js';
import { buildGrants, grantRow, grantsPackage, GRANT_COLUMNS } from '../reports/grants.js';

export async function run(ctx: CommandContext, opts: { format?: string; output?: string; overwrite?: boolean }): Promise<number> {
  const format = (opts.format ?? (opts.output ? extname(opts.output).slice(1).toLowerCase() : 'json')) || 'json';
  if (format !== 'json' && format !== 'csv') throw new UserError('openData.formatUnknown', { format });
  const folder = loadValidFolder(ctx);
  const grants = buildGrants(folder, folder.settings?.language ?? ctx.lang);
  const text = format === 'json'
    ? JSON.stringify(grantsPackage(grants), null, 2) + '\n'
    : encodeCsv([[...GRANT_COLUMNS], ...grants.map(grantRow)], { delimiter: ',', lang: 'en' });
  if (opts.output) writeOutputFile(ctx, opts.output, text, { replace: opts.overwrite === true });
  // Data, as `civsam export` writes it: the folder's text holds no control characters (validate refuses them).
  else ctx.stdout.write(text);
  const total = grants.reduce((s, g) => s + g.amountAwarded, 0);
  ctx.stderr.write(ctx.t('openData.grantsDone', { count: grants.length, total: total.toLocaleString(ctx.lang === 'da' ? 'da-DK' : 'en-GB') }) + '\n');
  return EXIT.ok;
}
