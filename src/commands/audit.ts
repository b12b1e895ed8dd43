// civsam audit: every rule of the audit registry over the data folder on a date, findings grouped
// by rule with the record, a one-line explanation, the related records and the principle; then a
// summary. Exit 1 when a finding at or above --fail-on exists; 2 when the folder does not validate.
import type { CommandContext } from '../context/context.js';
import { loadValidFolder } from '../context/load.js';
import { chooseFormat, emit } from '../context/output.js';
import { dateOption } from '../domain/dates.js';
import type { DataFolder } from '../domain/folder.js';
import { RECORD_KINDS, type Area, type CollaborationModel } from '../domain/kinds.js';
import type { AuditRule, Finding, Severity } from '../audit/finding.js';
import { RULES } from '../audit/registry.js';
import { fails, findingJson, runAudit, type AuditSummary } from '../audit/run.js';
import { messageText } from '../audit/text.js';
import { readModel } from './model.js';
import { wrapParagraphs } from '../output/table.js';
import { textWidth } from '../output/text-width.js';
import { EXIT, UserError } from '../domain/errors.js';
import { translate, type Language, type MessageKey } from '../i18n/index.js';
import { nameKey } from '../domain/text.js';
import { NameIndex, slips } from '../domain/names.js';
import { isValidId, MAX_NAME } from '../domain/ids.js';
import { formatDate } from '../i18n/format.js';
import { valueLabel } from '../i18n/values.js';
import type { StyledCell, Table } from '../output/table.js';
import { JsonList } from '../output/json.js';
import { flatFindingsTable, principleName, relatedText, subjectText } from '../reports/finding-view.js';
import { severityCounts } from '../i18n/severity-counts.js';

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
    const rule = findRule(ctx.lang, opts.explain, '--explain');
    // The principle's title comes from model.yaml when it can be read; the records are not needed.
    explain(ctx, rule, readModel(ctx));
    return EXIT.ok;
  }
  // Chosen rules run and print in the registry's order, whatever order they were given in.
  const chosen = chosenRules(ctx.lang, opts.rule ?? []);
  const rules = chosen.size ? RULES.filter((r) => chosen.has(r.id)) : RULES;
  const asOf = dateOption(opts.asOf, '--as-of', ctx.today);
  const format = chooseFormat(opts);
  // Every rule together reads every kind of record.
  const folder = loadValidFolder(ctx, chosen.size ? undefined : RECORD_KINDS);
  const result = runAudit(folder, rules, { asOf, area: opts.area });
  const { findings, summary } = result;

  if (format === 'json') {
    // Each finding's JSON is made as it is written, not all of them first.
    emit(ctx, opts, { json: { findings: new JsonList(findings, (f) => findingJson(ctx.lang, f, folder)), summary }, tables: [] });
  } else if (format === 'csv') {
    emit(ctx, opts, { json: null, tables: [flatFindingsTable(folder, findings, ctx.lang, (id) => ctx.t(findRule(ctx.lang, id, '--rule').title))] });
  } else {
    emit(ctx, opts, {
      json: null,
      heading: ctx.t('audit.heading', { date: formatDate(asOf, ctx.lang) }),
      // On a terminal a long list of related records is cut short; Markdown (a case file) keeps them all.
      // Each rule's table is made when it is written, so only one is held at a time.
      tables: (function* () {
        yield* ruleTables(ctx, folder, rules, findings, format === 'table' && !opts.output ? TERMINAL_RELATED : Infinity);
        yield summaryTable(ctx, folder, rules, summary, opts.area);
      })(),
    });
  }
  return fails(findings, opts.failOn ?? 'error') ? EXIT.findings : EXIT.ok;
}

/**
 * The rules `--rule` names, each value as typed: a rule's title may hold a comma, so a value is
 * first taken whole, then as several separated by commas. An empty value is refused rather than
 * read as no choice at all (which would run every rule).
 */
function chosenRules(lang: Language, given: readonly string[]): Set<string> {
  const chosen = new Set<string>();
  given.forEach((value, i) => {
    const position = given.length > 1 ? i + 1 : undefined;
    // A value too long for one rule may still be several, each short enough (findRule refuses a long one).
    const whole = value.trim().length <= MAX_NAME ? matchRule(lang, value) : { none: true };
    if ('rule' in whole) return void chosen.add(whole.rule.id);
    const parts = value.split(',').map((p) => p.trim()).filter(Boolean);
    if (parts.length === 0) throw new UserError('auditRule.empty', { option: '--rule' });
    for (const part of parts) chosen.add(findRule(lang, part, '--rule', position).id);
  });
  return chosen;
}

/** The fewest letters of an id that pick a rule by its start. */
const MIN_START = 3;

type RuleMatch = { rule: AuditRule } | { several: AuditRule[] } | { severalTitles: AuditRule[] } | { tooShort: AuditRule[] } | { none: true };

/**
 * The rule a word names: its id, its title as the audit prints it in either language, the two as
 * a list writes them (`evaluation-overdue (Evaluering er forsinket)`, `evaluation-overdue – Evaluering
 * er forsinket`), or the start of one id (`unilateral`) or of one title in the user's language
 * (`Puljen er`), of at least three letters; titles compared as names are (case, accents, spacing
 * and how the letters were composed ignored).
 */
function matchRule(lang: Language, given: string): RuleMatch {
  // Ids are small letters; one typed in capitals (EVAL, Unilateral) is the same id.
  const text = given.trim();
  const id = text.toLowerCase();
  const exact = RULES.find((r) => r.id === id);
  if (exact) return { rule: exact };
  const titled = (r: AuditRule, title: string): boolean => {
    const key = nameKey(title);
    return !!key && (['da', 'en'] as const).some((lang) => nameKey(translate(lang, r.title)) === key);
  };
  const byTitle = RULES.filter((r) => titled(r, text));
  if (byTitle.length === 1) return { rule: byTitle[0] };
  const listed = /^([a-z0-9-]+)\s*\((.+)\)$/is.exec(text) ?? /^([a-z0-9-]+)\s+[–-]\s+(.+)$/is.exec(text);
  const both = listed ? RULES.find((r) => r.id === listed[1].toLowerCase() && titled(r, listed[2])) : undefined;
  if (both) return { rule: both };
  const byStart = id ? RULES.filter((r) => r.id.startsWith(id)) : [];
  const key = nameKey(text);
  const byTitleStart = key.length >= MIN_START ? RULES.filter((r) => nameKey(translate(lang, r.title)).startsWith(key)) : [];
  if (byTitleStart.length > 0) {
    const either = RULES.filter((r) => byStart.includes(r) || byTitleStart.includes(r));
    if (either.length === 1) return { rule: either[0] };
    // The start of an id may be said back; other text the user typed is not.
    return either.length === byStart.length ? { several: either } : { severalTitles: either };
  }
  if (byStart.length === 0) return { none: true };
  if (text.length < MIN_START) return { tooShort: byStart };
  return byStart.length === 1 ? { rule: byStart[0] } : { several: byStart };
}

/** Rules one a line, by id and title, for a person to pick from. */
function ruleLines(rules: readonly AuditRule[]): { lines: Array<{ key: 'auditRule.line'; params: { id: string; title: { key: MessageKey } } }> } {
  return { lines: rules.map((r) => ({ key: 'auditRule.line', params: { id: r.id, title: { key: r.title } } })) };
}

/**
 * The rule the user named (see matchRule), else a refusal that says why: several rules start so
 * (those are listed), too few letters, or none (all are listed). Only an id-shaped word, or the
 * start of a rule's own id, is repeated back, never other text the user typed; when several
 * --rule were given, one that names nothing is told by its place.
 */
function findRule(lang: Language, given: string, option: '--rule' | '--explain', position?: number): AuditRule {
  // Refused at once, as a name too long is where a record is named: no rule's title is this long.
  if (given.trim().length > MAX_NAME) throw new UserError('auditRule.tooLong', { option, max: MAX_NAME });
  const match = matchRule(lang, given);
  if ('rule' in match) return match.rule;
  const text = given.trim();
  if (!text) throw new UserError('auditRule.empty', { option });
  if ('several' in match) throw new UserError('auditRule.several', { given: text, count: match.several.length, rules: ruleLines(match.several) });
  if ('severalTitles' in match) throw new UserError('auditRule.severalTitles', { option, count: match.severalTitles.length, rules: ruleLines(match.severalTitles) });
  if ('tooShort' in match) throw new UserError('auditRule.tooShort', { given: text, min: MIN_START, count: match.tooShort.length });
  const rules = ruleLines(RULES);
  // The rules the word is part of or a slip away from (`concentration`: funding-concentration),
  // by id or by title in either language, said as a list writes them so the suggestion can be copied.
  // Every word typed must be near one of the rule's words: `Noget andet` shares one common word
  // with a title, which is no reason to suggest it.
  const wordsOf = (s: string) => s.split(/[^\p{L}\p{N}]+/u).map((w) => nameKey(w)).filter((w) => w.length >= 3);
  const nearWord = (a: string, b: string) => (a.length >= 4 && b.length >= 4 && (a.startsWith(b.slice(0, 5)) || b.startsWith(a.slice(0, 5)))) || slips(a, b) <= (a.length >= 5 ? 2 : 1);
  const near = new NameIndex(RULES.map((r) => ({ id: r.id, names: [r.id, translate('da', r.title), translate('en', r.title)], display: { da: r.id, en: r.id } }))).closest(text)
    .map((e) => RULES.find((r) => r.id === e.id)!)
    .filter((r) => {
      const own = [r.id, translate('da', r.title), translate('en', r.title)].flatMap(wordsOf);
      return wordsOf(text).every((w) => own.some((o) => nearWord(w, o)));
    });
  if (near.length > 0) {
    const hint = { key: 'names.didYouMean', params: { list: near.map((r) => `${r.id} (${translate(lang, r.title)})`).join(', ') } } as const;
    if (isValidId(text)) throw new UserError('auditRule.unknownNear', { option, rule: text, hint, rules });
    if (position !== undefined) throw new UserError('auditRule.unknownNameAtNear', { option, position, hint, rules });
    throw new UserError('auditRule.unknownNameNear', { option, hint, rules });
  }
  if (isValidId(text)) throw new UserError('auditRule.unknown', { option, rule: text, rules });
  if (position !== undefined) throw new UserError('auditRule.unknownNameAt', { option, position, rules });
  throw new UserError('auditRule.unknownName', { option, rules });
}

/** How many related records of one kind a terminal row shows before it says how many more there are. */
const TERMINAL_RELATED = 12;

function severityText(ctx: CommandContext, s: Severity): string {
  return ctx.t(`audit.severity.${s}` as MessageKey);
}

/** The severity as a table cell: red for an error, yellow for a warning (on a terminal that shows colour). */
function severityCell(ctx: CommandContext, s: Severity): StyledCell {
  return { text: severityText(ctx, s), tone: s === 'error' ? 'bad' : 'warn' };
}

function* ruleTables(ctx: CommandContext, folder: DataFolder, rules: readonly AuditRule[], findings: Finding[], relatedLimit: number): Generator<Table> {
  const byRule = new Map<string, Finding[]>();
  for (const f of findings) {
    const own = byRule.get(f.rule);
    if (own) own.push(f);
    else byRule.set(f.rule, [f]);
  }
  // One cell per severity, shared by the rows (thousands on a large register).
  const severity = { error: severityCell(ctx, 'error'), warning: severityCell(ctx, 'warning') };
  for (const rule of rules) {
    const own = byRule.get(rule.id) ?? [];
    if (own.length === 0) continue;
    yield {
      // People read the rule's title and the principle's name; the id is in the --explain hint.
      title: ctx.t(rule.title),
      columns: [{ header: ctx.t('audit.col.record') }, { header: ctx.t('audit.col.severity') }, { header: ctx.t('audit.col.finding') }, { header: ctx.t('audit.col.related') }],
      rows: own.map((f) => [subjectText(folder, ctx.lang, f.subject), severity[f.severity], messageText(ctx.lang, f.message), relatedText(folder, ctx.lang, f.related, relatedLimit)]),
      notes: [ctx.t('audit.principleNote', { principle: principleName(folder, ctx.lang, rule.principle), rule: rule.id })],
    };
  }
}

function summaryTable(ctx: CommandContext, folder: DataFolder, rules: readonly AuditRule[], summary: AuditSummary, area: Area | undefined): Table {
  const date = formatDate(summary.asOf, ctx.lang);
  const line = area
    ? ctx.t(summary.findings === 0 ? 'audit.summaryAreaNone' : 'audit.summaryArea', { ...counts(summary), area: valueLabel(ctx.lang, area), date })
    : ctx.t(summary.findings === 0 ? 'audit.summaryNone' : 'audit.summary', { ...counts(summary), date });
  return {
    title: ctx.t('audit.summaryTitle'),
    compact: true,
    columns: [{ header: ctx.t('audit.col.rule') }, { header: ctx.t('audit.col.severity') }, { header: ctx.t('audit.col.principle') }, { header: ctx.t('audit.col.findings'), align: 'right' }],
    rows: rules.map((r) => [ctx.t(r.title), severityCell(ctx, r.severity), principleName(folder, ctx.lang, r.principle), summary.byRule[r.id] ?? 0]),
    notes: [line],
  };
}

function counts(s: AuditSummary) {
  return { findings: s.findings, counts: severityCounts(s.errors, s.warnings) };
}

function explain(ctx: CommandContext, rule: AuditRule, model: CollaborationModel | undefined): void {
  const width = textWidth(ctx);
  const c = ctx.color;
  const lines = [
    `${c.bold(rule.id)} · ${ctx.t(rule.title)}`,
    rule.id === 'restricted-call' ? ctx.t('audit.explain.severityRestricted') : ctx.t('audit.explain.severity', { severity: severityText(ctx, rule.severity) }),
    `${ctx.t('audit.explain.principle', { principle: model?.principles.find((p) => p.id === rule.principle)?.title[ctx.lang] ?? rule.principle })} ${ctx.t('audit.explain.principleHint')}`,
    '',
    wrapParagraphs(ctx.t(rule.explanation, rule.explanationParams), width),
  ];
  ctx.stdout.write(lines.join('\n') + '\n');
}
