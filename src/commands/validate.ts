// civsam validate: every problem in the data folder, located as file:line:col, grouped by file.
import { join } from 'node:path';
import type { CommandContext } from '../context/context.js';
import { loadFolder, resolveDataDir } from '../context/load.js';
import { kindWord, shown } from '../context/names.js';
import { EXIT } from '../domain/errors.js';
import type { DataFolder } from '../domain/folder.js';
import { RECORD_KINDS, REFERENCES, VOCABULARIES, kindOfFile, type RecordKind, type Target } from '../domain/kinds.js';
import { enumNames, targetNames, type NameIndex, type NamedEntry } from '../domain/names.js';
import { translate, type Message } from '../i18n/index.js';
import { valueLabel } from '../i18n/values.js';
import type { Problem } from '../store/load-folder.js';
import { fieldAt, parseStrict, type PathSegment } from '../store/yaml-read.js';
import { problemLine } from '../output/problem-line.js';
import { severityCounts } from '../i18n/severity-counts.js';

export async function run(ctx: CommandContext, opts: { format?: string; cache?: boolean }): Promise<number> {
  const loaded = loadFolder(ctx, { cache: opts.cache !== false, anyFolder: true });
  const { fileCount } = loaded;
  // The reader of a record's file (with the writer's module and its YAML library) is loaded only
  // when a problem needs its file read again: a folder without such problems never loads it.
  const needsNearest = !ctx.fromHistory && loaded.problems.some((p) => NEAR_KEYS.has(p.message.key));
  const readRecord = needsNearest ? (await import('../store/write-record.js')).readRecordFile : undefined;
  const problems = readRecord ? withNearest(ctx, loaded.folder, loaded.problems, readRecord) : loaded.problems;
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const files = new Set(problems.map((p) => p.file)).size;
  if (opts.format === 'json') {
    ctx.stdout.write(JSON.stringify({
      dataDir: ctx.dataDir,
      valid: errors === 0,
      problems: problems.map((p) => ({ file: p.file, line: p.line, col: p.col, rule: p.rule, severity: p.severity, message: translate(ctx.lang, p.message.key, p.message.params) })),
      summary: { errors, warnings, filesWithProblems: files, filesRead: fileCount },
    }, null, 2) + '\n');
  } else {
    renderText(ctx, problems);
    const c = ctx.errColor;
    const summary = problems.length === 0
      ? c.green(ctx.t('validate.clean', { files: fileCount }))
      : (errors > 0 ? c.red : c.yellow)(ctx.t('validate.summary', { counts: severityCounts(errors, warnings), files, read: fileCount }));
    ctx.stderr.write(summary + '\n');
  }
  return errors > 0 ? EXIT.invalid : EXIT.ok;
}

/**
 * The problems go to stdout (they are the command's output), grouped by file with a blank line
 * between; on a terminal (or as wide as $COLUMNS says) each is wrapped to its width, piped each
 * stays one line (scripts read them so).
 */
function renderText(ctx: CommandContext, problems: Problem[]): void {
  const c = ctx.color;
  const width = ctx.stdout.isTTY ? ctx.stdout.columns : Number(ctx.env.COLUMNS) || undefined;
  let last: string | undefined;
  for (const p of problems) {
    if (last !== undefined && p.file !== last) ctx.stdout.write('\n');
    last = p.file;
    ctx.stdout.write(problemLine(ctx.lang, ctx.dataDir, p, { where: (w) => c.bold((p.severity === 'error' ? c.red : c.yellow)(w)), warning: c.yellow, width: width && Math.max(width, 40) }) + '\n');
  }
}

const TARGETS: readonly Target[] = [...RECORD_KINDS, ...VOCABULARIES];

/** What a field at `path` of a record of `kind` refers to (REFERENCES: `patient_groups.*`), if anything. */
function referenceAt(kind: RecordKind, path: readonly PathSegment[]): Target | undefined {
  const written = path.map((s) => (typeof s === 'number' ? '*' : s)).join('.');
  return REFERENCES[kind].find(([at]) => at === written)?.[1];
}

/**
 * A word that names no entry, with the names closest to what the file says (`Mente du: Depression
 * (depression)?`), as a record given by --from-file is told: a reference to an id that nothing has,
 * a reference written as a name or label (`hjemløshed`, `Civilsamfundspuljen`), and a fixed value
 * written as its label (`patientforening`). Only the files with such a problem are read again, for
 * the word at its place; the folder's check itself is left as fast as it is.
 */
function withNearest(ctx: CommandContext, folder: DataFolder, problems: Problem[], readRecordFile: (path: string) => { text?: string }): Problem[] {
  const dir = resolveDataDir(ctx);
  const parsed = new Map<string, ReturnType<typeof parseStrict> | undefined>();
  const indexes = new Map<Target, NameIndex>();
  const wordAt = (p: Problem): { word: unknown; path: PathSegment[] } => {
    if (!parsed.has(p.file)) {
      const text = readRecordFile(join(dir, p.file)).text;
      parsed.set(p.file, text === undefined ? undefined : parseStrict(text));
    }
    const file = parsed.get(p.file);
    const path = file ? fieldAt(file, p) : [];
    const word = file && path.reduce<unknown>((node, step) => (node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[step] : undefined), file.data);
    return { word, path };
  };
  const nearIn = (target: Target, word: string): NamedEntry[] => {
    let index = indexes.get(target);
    if (!index) indexes.set(target, (index = targetNames(folder, target)));
    const r = index.exact(word);
    return r.status === 'found' ? [index.get(r.id)!] : r.status === 'unknown' ? r.closest : r.candidates;
  };
  // By name and id, vocabulary entries too: in a file the id is what is written.
  const didYouMean = (near: readonly NamedEntry[]): Message => ({ key: 'names.didYouMean', params: { list: near.slice(0, 3).map((e) => shown(e, ctx.lang)).join(', ') } });
  return problems.map((p) => {
    if (p.message.key === 'problem.reference') {
      const said = (p.message.params?.target as Message | undefined)?.key;
      const target = TARGETS.find((t) => (kindWord(t) as Message).key === said);
      if (!target) return p;
      const { word } = wordAt(p);
      if (typeof word !== 'string') return p;
      const near = nearIn(target, word);
      if (near.length === 0) return p;
      return { ...p, message: { key: 'problem.referenceNear', params: { ...p.message.params, hint: didYouMean(near) } } };
    }
    if (p.message.key === 'problem.schema.patternId') {
      // A reference written as a name, a label or with capitals: the id of what it names.
      const kind = kindOfFile(p.file);
      const { word, path } = wordAt(p);
      const target = kind && referenceAt(kind, path);
      if (!target || typeof word !== 'string') return p;
      const near = nearIn(target, word);
      return near.length === 0 ? p : { ...p, message: { key: 'problem.withHint', params: { problem: p.message, hint: didYouMean(near) } } };
    }
    if (p.message.key === 'problem.schema.enum') {
      // A fixed value written as its label (`patientforening`): the code to write for it.
      const allowed = p.message.params?.allowed as { codes?: string[]; field?: string } | undefined;
      const { word } = wordAt(p);
      if (!allowed?.codes || typeof word !== 'string') return p;
      const index = enumNames(allowed.codes, allowed.field);
      const r = index.resolve(word);
      const near = r.status === 'found' ? [] : r.status === 'unknown' ? r.closest : r.candidates;
      const hint: Message | undefined = r.status === 'found' ? { key: 'problem.writeCode', params: { code: r.id, label: valueLabel(ctx.lang, r.id, allowed.field) } }
        : near.length > 0 ? { key: 'names.didYouMean', params: { list: near.slice(0, 3).map((e) => e.id).join(', ') } } : undefined;
      return hint ? { ...p, message: { key: 'problem.withHint', params: { problem: p.message, hint } } } : p;
    }
    return p;
  });
}

const NEAR_KEYS: ReadonlySet<string> = new Set(['problem.reference', 'problem.schema.patternId', 'problem.schema.enum']);
