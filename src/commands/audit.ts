// civsam audit: every rule of the audit registry over the data folder on a date, findings grouped
// by rule with the record, a one-line explanation, the related records and the principle; then a
// summary. Exit 1 when a finding at or above --fail-on exists; 2 when the folder does not validate.
import type { CommandContext } from '../context/context.js';
import { loadValidFolder } from '../context/load.js';
import { chooseFormat, emit } from '../context/output.js';
import { dateOption } from '../domain/dates.js';
import type { DataFolder } from '../domain/folder.js';
import type { Area, CollaborationModel } from '../domain/kinds.js';
import type { AuditRule, Finding, RecordRef, Severity } from '../audit/finding.js';
import { RULES } from '../audit/registry.js';
import { fails, findingJson, runAudit, type AuditSummary } from '../audit/run.js';
import { messageText } from '../audit/text.js';
import { push } from '../audit/make.js';
import { readModel, textWidth, wrapText } from './model.js';
import { EXIT, UserError } from '../domain/errors.js';
import type { Language, MessageKey } from '../i18n/index.js';
import { formatDate } from '../i18n/format.js';
import { messageOr, valueLabel } from '../i18n/values.js';
import type { StyledCell, Table } from '../output/table.js';

export interface AuditOpts {
  rule?: string[];
  area?: Area;
  asOf?: string;
  failOn?: Severity | 'never';
  explain?: string;
  format?: string;
  output?: string;
}

export async function run(ctx: CommandContext, opts: AuditOpts): Promise<number> {
  if (opts.explain !== undefined) {
    const rule = findRule(opts.explain);
    // The principle's title comes from model.yaml when it can be read; the records are not needed.
    explain(ctx, rule, readModel(ctx));
    return EXIT.ok;
  }
  // Chosen rules run and print in the registry's order, whatever order they were given in.
  const chosen = new Set((opts.rule ?? []).map((id) => findRule(id).id));
  const rules = chosen.size ? RULES.filter((r) => chosen.has(r.id)) : RULES;
  const asOf = dateOption(opts.asOf, '--as-of', ctx.today);
  const format = chooseFormat(opts);
  const folder = loadValidFolder(ctx);
  const result = runAudit(folder, rules, { asOf, area: opts.area });
  const { findings, summary } = result;

  if (format === 'json') {
    emit(ctx, opts, { json: { findings: findings.map((f) => findingJson(ctx.lang, f)), summary }, tables: [] });
  } else if (format === 'csv') {
    emit(ctx, opts, { json: null, tables: [flatTable(ctx, findings)] });
  } else {
    emit(ctx, opts, {
      json: null,
      heading: ctx.t('audit.heading', { date: formatDate(asOf, ctx.lang) }),
      // On a terminal a long list of related records is cut short; Markdown (a case file) keeps them all.
      tables: [...ruleTables(ctx, folder, rules, findings, format === 'table' && !opts.output ? TERMINAL_RELATED : Infinity), summaryTable(ctx, folder, rules, summary, opts.area)],
    });
  }
  return fails(findings, opts.failOn ?? 'error') ? EXIT.findings : EXIT.ok;
}

function findRule(id: string): AuditRule {
  const rule = RULES.find((r) => r.id === id);
  if (!rule) throw new UserError('audit.error.unknownRule', { rule: id, rules: RULES.map((r) => r.id).join(', ') });
  return rule;
}

function refText(ctx: CommandContext, r: RecordRef): string {
  return `${ctx.t(`audit.kind.${r.kind}` as MessageKey)} ${r.id}`;
}

/** How many related records of one kind a terminal row shows before it says how many more there are. */
const TERMINAL_RELATED = 12;

/** Related records grouped by kind, one line per kind: `organisation: a, b, c`, at most `limit` of each. */
function relatedText(ctx: CommandContext, related: RecordRef[], limit: number): string {
  const byKind = new Map<string, string[]>();
  for (const r of related) push(byKind, r.kind, r.id);
  return [...byKind].map(([kind, ids]) => {
    const shown = ids.length > limit ? [...ids.slice(0, limit), ctx.t('audit.moreRelated', { count: ids.length - limit })] : ids;
    return `${ctx.t(`audit.kind.${kind}` as MessageKey)}: ${shown.join(', ')}`;
  }).join('\n');
}

function severityText(ctx: CommandContext, s: Severity): string {
  return ctx.t(`audit.severity.${s}` as MessageKey);
}

/** The severity as a table cell: red for an error, yellow for a warning (on a terminal that shows colour). */
function severityCell(ctx: CommandContext, s: Severity): StyledCell {
  return { text: severityText(ctx, s), tone: s === 'error' ? 'bad' : 'warn' };
}

/** The principle's title in the reader's language with its id, or the id alone when the model lacks it. */
export function principleText(model: CollaborationModel | undefined, lang: Language, id: string): string {
  const p = model?.principles.find((x) => x.id === id);
  return p ? `${p.title[lang]} (${id})` : id;
}

function ruleTables(ctx: CommandContext, folder: DataFolder, rules: readonly AuditRule[], findings: Finding[], relatedLimit: number): Table[] {
  const tables: Table[] = [];
  for (const rule of rules) {
    const own = findings.filter((f) => f.rule === rule.id);
    if (own.length === 0) continue;
    tables.push({
      title: `${rule.id} · ${ctx.t(rule.title)}`,
      columns: [{ header: ctx.t('audit.col.record') }, { header: ctx.t('audit.col.severity') }, { header: ctx.t('audit.col.finding') }, { header: ctx.t('audit.col.related') }],
      rows: own.map((f) => [refText(ctx, f.subject), severityCell(ctx, f.severity), messageText(ctx.lang, f.message), relatedText(ctx, f.related, relatedLimit)]),
      notes: [ctx.t('audit.principleNote', { principle: principleText(folder.model, ctx.lang, rule.principle), rule: rule.id })],
    });
  }
  return tables;
}

function summaryTable(ctx: CommandContext, folder: DataFolder, rules: readonly AuditRule[], summary: AuditSummary, area: Area | undefined): Table {
  const date = formatDate(summary.asOf, ctx.lang);
  const line = area
    ? ctx.t('audit.summaryArea', { ...counts(summary), area: messageOr(ctx.lang, `audit.area.${area}`, valueLabel(ctx.lang, area)), date })
    : ctx.t('audit.summary', { ...counts(summary), date });
  return {
    title: ctx.t('audit.summaryTitle'),
    compact: true,
    columns: [{ header: ctx.t('audit.col.rule') }, { header: ctx.t('audit.col.severity') }, { header: ctx.t('audit.col.principle') }, { header: ctx.t('audit.col.findings'), align: 'right' }],
    rows: rules.map((r) => [r.id, severityCell(ctx, r.severity), principleText(folder.model, ctx.lang, r.principle), summary.byRule[r.id] ?? 0]),
    notes: [line],
  };
}

function counts(s: AuditSummary) {
  return { findings: s.findings, errors: s.errors, warnings: s.warnings };
}

/** One row per finding, for CSV. */
function flatTable(ctx: CommandContext, findings: Finding[]): Table {
  return {
    columns: ['audit.col.rule', 'audit.col.severity', 'audit.col.principle', 'audit.col.subjectKind', 'audit.col.subjectId', 'audit.col.related', 'audit.col.message']
      .map((k) => ({ header: ctx.t(k as MessageKey) })),
    rows: findings.map((f) => [f.rule, f.severity, f.principle, f.subject.kind, f.subject.id, f.related.map((r) => `${r.kind}:${r.id}`).join(' '), messageText(ctx.lang, f.message)]),
  };
}

function explain(ctx: CommandContext, rule: AuditRule, model: CollaborationModel | undefined): void {
  const width = textWidth(ctx);
  const c = ctx.color;
  const lines = [
    `${c.bold(rule.id)} · ${ctx.t(rule.title)}`,
    rule.id === 'restricted-call' ? ctx.t('audit.explain.severityRestricted') : ctx.t('audit.explain.severity', { severity: severityText(ctx, rule.severity) }),
    `${ctx.t('audit.explain.principle', { principle: principleText(model, ctx.lang, rule.principle) })}. ${ctx.t('audit.explain.principleHint')}`,
    '',
    wrapText(ctx.t(rule.explanation), width),
  ];
  ctx.stdout.write(lines.join('\n') + '\n');
}
