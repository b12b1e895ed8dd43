// civsam model: the region's collaboration model from model.yaml in the reader's language — its
// principles with the audit rules that protect each, the stages a collaboration goes through with
// the evidence each asks for, and the public guidance.
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CommandContext } from '../context/context.js';
import { dataFolderName } from '../context/data-folder.js';
import { chooseFormat, emit } from '../context/output.js';
import type { CollaborationModel } from '../domain/kinds.js';
import { RULES } from '../audit/registry.js';
import { EXIT, UserError } from '../domain/errors.js';
import { schemaValidator } from '../domain/schema-validators.js';
import type { Language } from '../i18n/index.js';
import { MAX_FILE_BYTES, decode, parseStrict } from '../store/yaml-read.js';
import type { Table } from '../reports/table.js';
import { textWidth } from '../output/text-width.js';
import { wrapParagraphs } from '../output/table.js';

export interface ModelReport {
  title: string;
  introduction?: string;
  principles: Array<{ id: string; title: string; text: string; rules: string[] }>;
  stages: Array<{ id: string; title: string; text: string; evidence?: string; principles: string[] }>;
  how_to: Array<{ id: string; title: string; text: string }>;
}

/** The model in one language, each principle with the ids of the audit rules that protect it. */
export function modelReport(model: CollaborationModel, lang: Language, fallbackTitle: string): ModelReport {
  return {
    title: model.title?.[lang] ?? fallbackTitle,
    ...(model.introduction ? { introduction: model.introduction[lang] } : {}),
    principles: model.principles.map((p) => ({ id: p.id, title: p.title[lang], text: p.text[lang], rules: RULES.filter((r) => r.principle === p.id).map((r) => r.id) })),
    stages: model.stages.map((s) => ({ id: s.id, title: s.title[lang], text: s.text[lang], ...(s.evidence ? { evidence: s.evidence[lang] } : {}), principles: s.principles ?? [] })),
    how_to: (model.how_to ?? []).map((h) => ({ id: h.id, title: h.title[lang], text: h.text[lang] })),
  };
}

export async function run(ctx: CommandContext, opts: { format?: string; output?: string }): Promise<number> {
  const model = readModel(ctx);
  if (!model) throw new UserError('model.noModel', { dir: dataFolderName(ctx) });
  const report = modelReport(model, ctx.lang, ctx.t('model.defaultTitle'));
  const titleOf = new Map(report.principles.map((p) => [p.id, p.title]));
  const tables: Table[] = [
    {
      title: ctx.t('model.principles'),
      columns: [{ header: ctx.t('model.col.principle') }, { header: ctx.t('model.col.text') }, { header: ctx.t('model.col.rules') }],
      // People read the rules' titles; the ids stay in --format json (and audit --explain lists them).
      rows: report.principles.map((p) => [p.title, p.text, p.rules.map((id) => `• ${ruleTitle(ctx, id)}`).join('\n')]),
    },
    {
      title: ctx.t('model.stages'),
      columns: [{ header: ctx.t('model.col.step'), align: 'right' }, { header: ctx.t('model.col.stage') }, { header: ctx.t('model.col.text') }, { header: ctx.t('model.col.evidence') }, { header: ctx.t('model.col.principles') }],
      rows: report.stages.map((s, i) => [i + 1, s.title, s.text, s.evidence ?? '', s.principles.map((id) => titleOf.get(id) ?? id).join(', ')]),
    },
  ];
  if (report.how_to.length) {
    tables.push({
      title: ctx.t('model.howTo'),
      columns: [{ header: ctx.t('model.col.topic') }, { header: ctx.t('model.col.guidance') }],
      rows: report.how_to.map((h) => [h.title, h.text]),
    });
  }
  const heading = report.title;
  if (report.introduction) {
    // The terminal gets the introduction wrapped to its width; Markdown keeps its paragraphs whole.
    const intro = chooseFormat(opts) === 'table' && opts.output === undefined ? wrapParagraphs(report.introduction, textWidth(ctx)) : report.introduction.trim();
    tables[0].title = `${intro}\n\n${tables[0].title}`;
  }
  emit(ctx, opts, { json: report, tables, heading });
  return EXIT.ok;
}

function ruleTitle(ctx: CommandContext, id: string): string {
  const rule = RULES.find((r) => r.id === id);
  return rule ? ctx.t(rule.title) : id;
}

/**
 * model.yaml alone, read as the loader reads it (size limit, strict UTF-8, strict YAML, its schema;
 * the model has no rules beyond its schema), or undefined when it is missing or not valid. Printing
 * the model needs only this file, so the records are not read.
 */
export function readModel(ctx: CommandContext): CollaborationModel | undefined {
  const path = join(resolve(ctx.cwd, ctx.dataDir), 'model.yaml');
  try {
    if (!statSync(path).isFile() || statSync(path).size > MAX_FILE_BYTES) return undefined;
    const decoded = decode(readFileSync(path));
    if (!('text' in decoded)) return undefined;
    const parsed = parseStrict(decoded.text);
    if (parsed.problems.length > 0 || !schemaValidator('model')(parsed.data)) return undefined;
    return parsed.data as CollaborationModel;
  } catch {
    return undefined; // missing or unreadable: the caller says what to do
  }
}
