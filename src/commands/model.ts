// civsam model: the region's collaboration model from model.yaml in the reader's language — its
// principles with the audit rules that protect each, the stages a collaboration goes through with
// the evidence each asks for, and the public guidance.
import type { CommandContext } from '../cli/context.js';
import { loadFolder } from '../cli/load.js';
import { emit } from '../cli/output.js';
import type { CollaborationModel } from '../core/kinds.js';
import { RULES } from '../audit/registry.js';
import { EXIT, UserError } from '../errors.js';
import type { Language } from '../i18n/index.js';
import type { Table } from '../render/table.js';

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
  // Only model.yaml needs to be valid to print the model; other files' problems are validate's business.
  const { folder, problems } = loadFolder(ctx);
  const modelProblems = problems.some((p) => p.file === 'model.yaml' && p.severity === 'error');
  if (!folder.model || modelProblems) throw new UserError('model.noModel', { dir: ctx.dataDir });
  const report = modelReport(folder.model, ctx.lang, ctx.t('model.defaultTitle'));
  const titleOf = new Map(report.principles.map((p) => [p.id, p.title]));
  const tables: Table[] = [
    {
      title: ctx.t('model.principles'),
      columns: [{ header: ctx.t('model.col.principle') }, { header: ctx.t('model.col.text') }, { header: ctx.t('model.col.rules') }],
      rows: report.principles.map((p) => [`${p.title}\n(${p.id})`, p.text, p.rules.join('\n')]),
    },
    {
      title: ctx.t('model.stages'),
      columns: [{ header: '#', align: 'right' }, { header: ctx.t('model.col.stage') }, { header: ctx.t('model.col.text') }, { header: ctx.t('model.col.evidence') }, { header: ctx.t('model.col.principles') }],
      rows: report.stages.map((s, i) => [i + 1, s.title, s.text, s.evidence ?? '', s.principles.map((id) => titleOf.get(id) ?? id).join('\n')]),
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
  if (report.introduction) tables[0].title = `${report.introduction.trim()}\n\n${tables[0].title}`;
  emit(ctx, opts, { json: report, tables, heading });
  return EXIT.ok;
}
