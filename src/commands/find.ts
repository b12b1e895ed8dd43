// `civsam find TEXT [--kind KIND]`: records and vocabulary entries by id, name or title, accents
// and case ignored, best match first.
import type { CommandContext } from '../context/context.js';
import { loadFolder } from '../context/load.js';
import { emit } from '../context/output.js';
import { EXIT, UsageError, UserError } from '../domain/errors.js';
import { MAX_NAME } from '../domain/ids.js';
import { kindFromName, RECORD_KINDS, VOCABULARY_WORDS, type Target } from '../domain/kinds.js';
import { caseKey } from '../domain/text.js';
import type { MessageKey } from '../i18n/index.js';
import { findInFolder, FIND_KINDS } from '../reports/find.js';

interface FindOpts {
  kind?: string[];
  format?: string;
  output?: string;
}

const KIND_KEY: Record<string, string> = { 'patient-groups': 'patient-group', municipalities: 'municipality', 'offer-types': 'offer-type' };
const kindKey = (k: Target) => `kind.${KIND_KEY[k] ?? k}` as MessageKey;

/** The kinds --kind names (a record kind's or a vocabulary's word in either language); all when none. */
function kindsOf(ctx: CommandContext, words: readonly string[] | undefined): Target[] {
  if (!words?.length) return [...FIND_KINDS];
  const out: Target[] = [];
  for (const w of words) {
    const word = caseKey(w).replace(/ /g, '-');
    const k = kindFromName(word) ?? (Object.hasOwn(VOCABULARY_WORDS, word) ? VOCABULARY_WORDS[word] : undefined);
    if (!k) throw new UsageError('names.badValue', { what: '--kind', choices: FIND_KINDS.map((t) => ctx.t(kindKey(t))).join(', ') });
    if (!out.includes(k)) out.push(k);
  }
  return out;
}

export async function run(ctx: CommandContext, opts: FindOpts, args: unknown[]): Promise<number> {
  const text = String(args[0] ?? '');
  if (caseKey(text) === '') throw new UserError('find.empty');
  // Longer than any name: refused as where a record is named, before the folder is read.
  // Said as a search: a shorter part of the name, not the command just run.
  if (text.trim().length > MAX_NAME) throw new UserError('find.tooLong', { max: MAX_NAME });
  const kinds = kindsOf(ctx, opts.kind);
  const { folder, problems } = loadFolder(ctx);
  // A file with errors whose record could still be read is searched as it stands; one that could not is left out. Each is said as it is.
  const withErrors = new Set(problems.filter((p) => p.severity === 'error').map((p) => p.file));
  const read = new Set<string>();
  for (const kind of RECORD_KINDS) for (const id of folder.records[kind].keys()) { const f = folder.fileOf(kind, id); if (f !== undefined && withErrors.has(f)) read.add(f); }
  const leftOut = withErrors.size - read.size;
  if (leftOut > 0) ctx.stderr.write(`${ctx.t('find.leftOut', { count: leftOut })}\n`);
  if (read.size > 0) ctx.stderr.write(`${ctx.t('find.searchedWithErrors', { count: read.size })}\n`);
  const hits = findInFolder(folder, text, kinds, ctx.lang);
  if (hits.length === 0) ctx.stderr.write(`${ctx.t('find.none')}\n`);
  if (hits.length === 0 && (opts.format ?? 'table') === 'table' && opts.output === undefined) return EXIT.ok;
  emit(ctx, opts, {
    heading: ctx.t('find.heading', { count: hits.length }),
    tables: [{
      columns: [{ header: ctx.t('find.kind') }, { header: ctx.t('list.id') }, { header: ctx.t('list.name') }],
      rows: hits.map((h) => [ctx.t(kindKey(h.kind)), h.id, h.name]),
    }],
    json: hits,
  });
  return EXIT.ok;
}
