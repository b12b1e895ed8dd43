// civsam consultation audit ID: the hearing rules on one consultation before it goes out, with
// findings in the audit's format and exit codes (1 at or above --fail-on, 2 on invalid data).
import { resolve } from 'node:path';
import type { Severity } from '../audit/finding.js';
import { fails } from '../audit/run.js';
import { makeChalk } from '../output/colors.js';
import type { CommandContext } from '../context/context.js';
import { loadValidFolder } from '../context/load.js';
import { chooseFormat, writeOutputFile } from '../context/output.js';
import { dateOption } from '../domain/dates.js';
import { EXIT } from '../domain/errors.js';
import { andList } from '../i18n/index.js';
import { auditConsultation, auditJson, auditTables, flatFindingsTableOf } from '../reports/hearing-audit.js';
import { findConsultation } from '../context/hearing-options.js';
import { HEARING_RULES } from '../audit/hearing-rule-list.js';
import { renderCsv, renderMarkdown, renderTerminalTable, wrapText } from '../output/table.js';

interface Options {
  asOf?: string;
  failOn?: Severity | 'never';
  format?: string;
  output?: string;
}

export async function run(ctx: CommandContext, opts: Options, [id]: string[]): Promise<number> {
  const asOf = dateOption(opts.asOf, '--as-of', ctx.today);
  const format = chooseFormat(opts);
  const folder = loadValidFolder(ctx);
  const consultation = findConsultation(folder, id);
  const audit = auditConsultation(folder, consultation, HEARING_RULES, asOf);

  let text: string;
  // Columns a narrow window had no room for, said after the report as every table command says them.
  const leftOut = new Set<string>();
  if (format === 'json') {
    text = JSON.stringify(auditJson(folder, audit, ctx.lang), null, 2) + '\n';
  } else if (format === 'csv') {
    text = renderCsv([flatFindingsTableOf(folder, audit, HEARING_RULES, ctx.lang)], ctx.lang);
  } else {
    const { heading, tables, summary } = auditTables(folder, audit, HEARING_RULES, ctx.lang);
    if (format === 'md') {
      text = renderMarkdown(tables, ctx.lang, heading) + summary + '\n';
    } else {
      const toFile = opts.output !== undefined;
      const color = toFile ? makeChalk(0) : ctx.color;
      const width = Math.max(toFile ? 120 : ctx.stdout.isTTY ? ctx.stdout.columns : Number(ctx.env.COLUMNS) || 100, 30);
      const paint = audit.summary.findings === 0 ? color.green : audit.summary.errors > 0 ? color.red : color.yellow;
      text = wrapText(heading, width).map((l) => color.bold(l)).join('\n') + '\n\n'
        + tables.map((t) => {
          const drawn = renderTerminalTable(t, ctx.lang, width, color);
          for (const header of drawn.leftOut) leftOut.add(header);
          return drawn.text + '\n';
        }).join('')
        + wrapText(summary, width).map((l) => paint(l)).join('\n') + '\n';
    }
  }
  if (opts.output !== undefined) writeOutputFile(ctx, opts.output, text);
  else ctx.stdout.write(text);
  if (leftOut.size > 0) ctx.stderr.write(ctx.t('output.columnsLeftOut', { count: leftOut.size, columns: andList([...leftOut]) }) + '\n');
  return fails(audit.findings, opts.failOn ?? 'error') ? EXIT.findings : EXIT.ok;
}
