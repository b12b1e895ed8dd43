// `civsam history [KIND] NAME-OR-ID` and `civsam history --since DATE [--author NAME]`: every change, newest
// first, with its date, author, message and the fields changed (old → new). The values are the
// data the user asked for, so they go to stdout; contact persons' fields only with
// --include-personal-data, as in export.
import { existsSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { recordRel } from '../store/paths.js';
import type { CommandContext } from '../context/context.js';
import { dataFolderName } from '../context/data-folder.js';
import { resolveDataDir } from '../context/load.js';
import { chooseFormat, emit } from '../context/output.js';
import { shapeAt } from '../domain/shapes.js';
import { formatDate } from '../i18n/format.js';
import { fieldLabel, messageOr, valueLabel } from '../i18n/values.js';
import { COMMAND_OF, FOLDER_OF, RECORD_KINDS, REFERENCES, type RecordKind } from '../domain/kinds.js';
import { EXIT, UserError } from '../domain/errors.js';
import { listWords, translate, type Message } from '../i18n/index.js';
import { folderInRepository, inRepository } from '../store/git.js';
import { readHistory, recordVersions, removedRecords, type FieldChange, type HistoryEntry, type RecordChange } from '../store/history.js';
import type { Cell, Table } from '../output/table.js';
import { kindFromWord } from '../context/record-args.js';
import { notAName } from '../domain/ids.js';
import { dateOption } from '../domain/dates.js';

type Opts = { since?: string; author?: string; includePersonalData?: boolean; format?: string; output?: string };

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function show(value: unknown): string {
  if (value === undefined) return '';
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)) return value.join(', ');
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}

/**
 * Fields inside an object whose values `show` words (an amount in kroner, criteria by their text):
 * written as show writes them, not as data (`beløb: 100.000 kr.`, not `100000`).
 */
const SHOWN_AS_SHOW = /(^|\.)(amount_dkk|criteria)$/;

/**
 * Whether a field's values are written as `show` writes them: the fields above, and references to
 * vocabulary entries and other records, by their names (`Patientgrupper: – → Depression, Angst`,
 * not the ids the file holds).
 */
function shownAsShow(kind: RecordKind, field: string): boolean {
  return SHOWN_AS_SHOW.test(field) || REFERENCES[kind].some(([path]) => path.replace(/\.\*/g, '') === field);
}

/** A score of an assessment: the criterion it is for, and the score. */
type ScoreItem = { criterion: string; score?: unknown };

/** A list of scores (or none): every item an object naming the criterion it is for, each criterion once. */
function byCriterion(v: unknown): v is ScoreItem[] | undefined {
  if (v === undefined) return true;
  if (!Array.isArray(v) || v.length === 0 || !v.every((x) => isObject(x) && typeof x.criterion === 'string')) return false;
  return new Set(v.map((x: ScoreItem) => x.criterion)).size === v.length;
}

/** A value `show` lays out item by item or field by field: a list of objects, or an object. */
function structured(value: unknown): boolean {
  if (Array.isArray(value)) return value.some((v) => typeof v === 'object' && v !== null);
  return typeof value === 'object' && value !== null;
}

/** A changed list of objects (funding lines, criteria, scores) or object, in words, one line per item that changed. */
type ItemWords = (kind: RecordKind, id: string, field: string, before: unknown, after: unknown) => string;

/**
 * Lists of objects and objects as `show` writes them (`Midler 2: pulje: … · år: 2025 · beløb:
 * 600.000 kr.`), each item or field that changed on its own line, old → new; the folder as it is now
 * gives the names beside ids. Undefined when no change holds one, or the folder cannot be read.
 */
async function itemWords(ctx: CommandContext, entries: HistoryEntry[], personal: boolean): Promise<ItemWords | undefined> {
  const needed = entries.some((e) => e.records.some((r) => r.kind && r.fields.some((f) => (!f.personal || personal) && (structured(f.old) || structured(f.new) || shownAsShow(r.kind!, f.field)))));
  if (!needed) return undefined;
  const [{ fieldRows, valueWords, ITEM_HEADING }, { loadFolder }] = await Promise.all([import('./record-show.js'), import('../context/load.js')]);
  let folder;
  try {
    folder = loadFolder(ctx).folder;
  } catch {
    return undefined; // no folder to name things by: the values as data
  }
  const text = (c: Cell): string => (typeof c === 'object' && c !== null ? c.text : String(c ?? ''));
  const nest = (field: string, v: unknown): Record<string, unknown> => field.split('.').reduceRight<unknown>((inner, k) => ({ [k]: inner }), v) as Record<string, unknown>;
  // An application's criteria are named by its call's wording: the call it has now goes with the value.
  const context = (kind: RecordKind, id: string): Record<string, unknown> => (kind === 'application' ? { call: folder.records.application.get(id)?.call } : {});
  const rowsOf = (kind: RecordKind, id: string, field: string, v: unknown): Map<string, string> => {
    if (v === undefined) return new Map();
    // The field itself given a value (an application's call) is not taken from the record as it is now.
    const around = Object.fromEntries(Object.entries(context(kind, id)).filter(([k]) => k !== field.split('.')[0]));
    const own = new Set(fieldRows(around, kind, folder, ctx).map(([label]) => text(label)));
    return new Map(fieldRows({ ...around, ...nest(field, v) }, kind, folder, ctx).map(([label, value]): [string, string] => [text(label), text(value)]).filter(([label]) => !own.has(label)));
  };
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const objects = (v: unknown): v is Array<Record<string, unknown>> => Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'object' && x !== null && !Array.isArray(x));
  /**
   * Two versions of a list of objects, item by item, and inside an item field by field (lists in
   * it again item by item): only what changed, under the item's heading (`Svar 1, bemærkning 1:
   * stillingtagen: – → ikke imødekommet; begrundelse: – → …`). An item added or removed whole is
   * `whole`'s to say (at the top, as show lays it out).
   */
  const byItem = (kind: RecordKind, id: string, path: string, heading: string, before: unknown[], after: unknown[], whole: (label: string, a: unknown, b: unknown) => string): string[] => {
    const words = valueWords(context(kind, id), kind, folder, ctx);
    const value = (at: string, v: unknown) => (v === undefined ? '–' : words.inline(at, v).trim() || '–');
    const itemName = (at: string) => messageOr(ctx.lang, `label.item.${at.split('.').pop()}`, fieldLabel(ctx.lang, kind, at));
    const lines: string[] = [];
    for (let i = 0; i < Math.max(before.length, after.length); i++) {
      const [a, b] = [before[i], after[i]];
      if (same(a, b)) continue;
      const label = `${heading} ${i + 1}`;
      if (!isObject(a) || !isObject(b)) {
        lines.push(whole(label, a, b));
        continue;
      }
      const own: string[] = [];
      const nested: string[] = [];
      for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
        if (same(a[k], b[k])) continue;
        const at = `${path}.${k}`;
        if (byCriterion(a[k]) && byCriterion(b[k])) {
          nested.push(...scoreLines(label, at, a[k] ?? [], b[k] ?? [], value));
        } else if ((objects(a[k]) || objects(b[k])) && [a[k], b[k]].every((v) => v === undefined || objects(v))) {
          nested.push(...byItem(kind, id, at, `${label}, ${itemName(at).toLocaleLowerCase(ctx.lang)}`, (a[k] as unknown[] | undefined) ?? [], (b[k] as unknown[] | undefined) ?? [], (l, x, y) => `${l}: ${value(at, x)} → ${value(at, y)}`));
        } else {
          own.push(`${words.sub(at)}: ${value(at, a[k])} → ${value(at, b[k])}`);
        }
      }
      if (own.length > 0) lines.push(`${label}: ${own.join('; ')}`);
      lines.push(...nested);
    }
    return lines;
  };
  /**
   * An assessment's scores, each by the criterion it is for, as `show` names it (`Bedømmelse 1,
   * karakter for »Faglig kvalitet«: 3 → 4`): matched by criterion, not by place in the list, so a
   * score added before another does not read as every score after it changed.
   */
  const scoreLines = (label: string, at: string, before: ScoreItem[], after: ScoreItem[], value: (at: string, v: unknown) => string): string[] => {
    const was = new Map(before.map((s) => [s.criterion, s.score]));
    const now = new Map(after.map((s) => [s.criterion, s.score]));
    const lines: string[] = [];
    for (const criterion of new Set([...now.keys(), ...was.keys()])) {
      if (same(was.get(criterion), now.get(criterion))) continue;
      const name = ctx.t('label.scoreFor', { criterion: value(`${at}.criterion`, criterion) });
      lines.push(`${label}, ${name}: ${value(`${at}.score`, was.get(criterion))} → ${value(`${at}.score`, now.get(criterion))}`);
    }
    return lines;
  };
  return (kind, id, field, before, after) => {
    const old = rowsOf(kind, id, field, before);
    const now = rowsOf(kind, id, field, after);
    // A numbered list of objects (responses, funding lines), both versions there: item by item.
    if (objects(before) && objects(after) && ITEM_HEADING[field] === undefined) {
      const heading = messageOr(ctx.lang, `label.item.${field.split('.').pop()}`, fieldLabel(ctx.lang, kind, field));
      return byItem(kind, id, field, heading, before, after, (label) => `${label}: ${old.get(label) || '–'} → ${now.get(label) || '–'}`).join('\n');
    }
    const lines: string[] = [];
    for (const label of new Set([...old.keys(), ...now.keys()])) {
      if (old.get(label) === now.get(label)) continue;
      lines.push(`${label}: ${old.get(label) || '–'} → ${now.get(label) || '–'}`);
    }
    return lines.join('\n');
  };
}

/** What a merge made of a record one side had removed (RecordChange.atMerge), in words. */
const AT_MERGE: Record<NonNullable<RecordChange['atMerge']>, Message['key']> = {
  'kept-own': 'history.atMerge.keptOwn', 'took-theirs': 'history.atMerge.tookTheirs',
  'removed-own': 'history.atMerge.removedOwn', 'took-removal': 'history.atMerge.tookRemoval',
};

/** The report's field changes, personal values left out unless asked for. */
function visible(f: FieldChange, personal: boolean): FieldChange & { omitted?: true } {
  if (!f.personal || personal) return f;
  return { field: f.field, personal: true, omitted: true };
}

/**
 * The record the words name: a kind and its name or id (`org "Lys i Mørket"`, `org lyspunktet`), or
 * a name or id alone, of any kind. A name typed without quotes is its words joined by spaces.
 */
function recordWords(words: readonly string[]): { kind?: RecordKind; word: string } | undefined {
  if (words.length === 0) return undefined;
  const kind = kindFromWord(words[0]);
  // A kind alone names no record: `civsam history org` asks which.
  if (kind && words.length === 1) throw new UserError('history.kindOnly', { command: COMMAND_OF[kind] });
  const word = (kind ? words.slice(1) : words).join(' ');
  // Text that cannot be a name or an id (a path, escape codes) is refused without repeating it.
  const notName = notAName(word);
  if (notName) throw notName;
  return { kind, word };
}

export async function run(ctx: CommandContext, opts: Opts, args: unknown[]): Promise<number> {
  // The arguments first: a malformed record or date is refused before git or the folder is touched.
  const words = (Array.isArray(args[0]) ? args[0] : args).filter((a): a is string => typeof a === 'string');
  const named = recordWords(words);
  if (!named && opts.since === undefined && opts.author === undefined) throw new UserError('history.usage');
  if (opts.since !== undefined) dateOption(opts.since, '--since');

  const dir = realpathSync(resolveDataDir(ctx));
  const place = folderInRepository(dir);
  if (!place) throw new UserError('history.noRepository', { dir: dataFolderName(ctx) });
    // A record no longer in the folder is found as the others are, by its id or the name it last had.
  const record = named && (await import('../context/names.js')).findRecord(ctx, named.word, named.kind ? [named.kind] : RECORD_KINDS, () => removedRecords(place));

  const paths = record ? [inRepository(place, `${FOLDER_OF[record.kind]}/${record.id}.yaml`)] : [place.prefix || '.'];
  // One record's changes are numbered by the version each made (restore --to takes the number),
  // counted over its whole history even when --since or --author shows part of it.
  // The record's whole history is read once, and the changes since a day or by an author taken from it.
  const entries = record ? recordVersions(place, paths[0]).filtered({ since: opts.since, author: opts.author }) : readHistory(place, { paths, since: opts.since, author: opts.author });
  if (entries.length === 0) {
    // Nothing since the day or by the person asked about is said as that, not as a record never committed.
    const filter = { date: opts.since === undefined ? '' : formatDate(opts.since, ctx.lang), author: opts.author ?? '' };
    ctx.stderr.write((opts.since !== undefined || opts.author !== undefined || !record
      ? ctx.t(opts.since === undefined ? 'history.noneBy' : opts.author === undefined ? 'history.noneSince' : 'history.noneSinceBy', filter)
      : ctx.t('history.none', { kind: { key: `kind.${record.kind}` }, id: record.id })) + '\n');
    // Said in words: on a screen an empty table's headers add nothing (data formats still say there is none).
    if (chooseFormat(opts) === 'table' && opts.output === undefined) return EXIT.ok;
  }

  const personal = opts.includePersonalData === true;
  const json = entries.map((e) => ({ ...e, records: e.records.map((r) => ({ ...r, fields: r.fields.map((f) => visible(f, personal)) })) }));
  const omitted = !personal && entries.some((e) => e.records.some((r) => r.fields.some((f) => f.personal)));
  const heading = record
    ? ctx.t('history.headingRecord', { kind: { key: `kind.${record.kind}` }, id: record.id })
    : opts.since === undefined
      ? ctx.t('history.headingBy', { author: opts.author ?? '' })
      : ctx.t(opts.author ? 'history.headingSinceBy' : 'history.headingSince', { date: formatDate(opts.since, ctx.lang), author: opts.author ?? '' });
  const format = chooseFormat(opts);
  const forPeople = format !== 'csv';
  const items = forPeople ? await itemWords(ctx, entries, personal) : undefined;
  // The way back, last: the command that undoes the record's last change or brings it back.
  const restore: Message | undefined = !forPeople || entries.length === 0 ? undefined
    : !record ? { key: 'history.restoreHintMany' }
      : { key: existsSync(join(dir, recordRel(record.kind, record.id))) ? 'history.restoreHint' : 'history.restoreHintRemoved', params: { command: COMMAND_OF[record.kind], id: record.id } };
  emit(ctx, opts, { json: { record: record ?? null, since: opts.since ?? null, author: opts.author ?? null, personalDataOmitted: omitted, changes: json }, tables: [table(ctx, entries, personal, record === undefined, omitted, forPeople, format === 'table', items, restore)], heading });
  return EXIT.ok;
}

/**
 * The changes as a table. For people (table, Markdown) fields go by their names and dates as the
 * language writes them, fixed values by their labels; CSV keeps field names, codes and ISO dates.
 * On a terminal each change's date, author and message run across the table above its fields, so
 * the changed fields have the width of the window rather than what five columns leave them.
 */
function table(ctx: CommandContext, entries: HistoryEntry[], personal: boolean, withRecord: boolean, omitted: boolean, forPeople: boolean, onScreen: boolean, items?: ItemWords, restore?: Message): Table {
  const t = (k: Message['key']) => ctx.t(k);
  const rows: Cell[][] = [];
  // One record's history: each change by the number of the version it made.
  const numbered = entries.some((e) => e.version !== undefined);
  const changeLine = (e: HistoryEntry, when: string) => (e.version !== undefined
    ? ctx.t('history.changeLineVersion', { version: e.version, when, author: e.author, message: e.message })
    : ctx.t('history.changeLine', { when, author: e.author, message: e.message }));
  const fieldName = (kind: RecordKind | undefined, field: string) => (forPeople && kind ? fieldLabel(ctx.lang, kind, field) : field);
  const valueText = (kind: RecordKind | undefined, field: string, v: unknown) => {
    const shape = forPeople && kind ? shapeAt(kind, field) : undefined;
    if (typeof v === 'string' && shape?.format === 'date') return formatDate(v, ctx.lang);
    const last = field.split('.').pop();
    if (shape && (shape.enum ?? shape.items?.enum)) return Array.isArray(v) ? v.map((x) => valueLabel(ctx.lang, String(x), last)).join(', ') : typeof v === 'string' ? valueLabel(ctx.lang, v, last) : show(v);
    return show(v);
  };
  for (const e of entries) {
    const when = forPeople ? `${formatDate(e.date.slice(0, 10), ctx.lang)} ${e.date.slice(11, 16)}` : e.date.slice(0, 16).replace('T', ' ');
    for (const r of e.records) {
      const what = r.kind ? `${translate(ctx.lang, `kind.${r.kind}` as Message['key'])} ${r.id}` : r.file;
      const fields = r.fields.map((f) => {
        // Taken by a merge from the other side: said as that change brought in (no value, so personal data too).
        if (f.from) return ctx.t('history.fromVersion', { field: fieldName(r.kind, f.field), version: f.from.version, author: f.from.author });
        const v = visible(f, personal);
        if ('omitted' in v) return `${fieldName(r.kind, f.field)}: ${t('history.personalOmitted')}`;
        if (items && r.kind && (structured(f.old) || structured(f.new) || shownAsShow(r.kind, f.field))) return items(r.kind, r.id ?? '', f.field, f.old, f.new) || `${fieldName(r.kind, f.field)}: – → –`;
        return `${fieldName(r.kind, f.field)}: ${valueText(r.kind, f.field, f.old) || '–'} → ${valueText(r.kind, f.field, f.new) || '–'}`;
      });
      // A merge shows only what it changed itself (store/history.ts): said so, beside its message;
      // a record one side had removed, as kept or removed there, in words.
      const change = t(r.atMerge ? (r.change === 'removed' ? 'history.change.removedAtMerge' : 'history.change.keptAtMerge') : e.merge ? 'history.change.merged' : e.discarded ? 'history.change.discarded' : (`history.change.${r.change}` as Message['key']));
      if (r.atMerge) fields.push(ctx.t(AT_MERGE[r.atMerge], { author: e.author }));
      // A version a sync threw away: shown as it was made, and said to be no step of the record as it is now.
      if (e.discarded) fields.push(ctx.t('history.discardedAtSync', { author: e.discarded.author }));
      // Put together from both sides: what came from whom, by the fields' names (never their values).
      if (r.combined) fields.push(ctx.t('history.combined', { parts: listWords(ctx.lang, r.combined.map((side) => ctx.t('history.combinedFrom', { fields: listWords(ctx.lang, side.fields.map((f) => fieldName(r.kind, f))), author: side.author }))) }));
      const said: Cell[] = onScreen ? [r === e.records[0] ? { text: changeLine(e, when), tone: 'strong' } : ''] : [...(numbered ? [e.version ?? ''] : []), when, e.author, e.message];
      rows.push([...said, ...(withRecord ? [what] : []), change, fields.join('\n')]);
    }
    if (e.records.length === 0) rows.push([...(onScreen ? [{ text: changeLine(e, when), tone: 'strong' as const }] : [...(numbered ? [e.version ?? ''] : []), when, e.author, e.message]), ...(withRecord ? [''] : []), '', '']);
  }
  return {
    columns: [
      ...(onScreen ? [{ header: t('history.col.message') }] : [...(numbered ? [{ header: t('history.col.version') }] : []), { header: t('history.col.date') }, { header: t('history.col.author') }, { header: t('history.col.message') }]),
      ...(withRecord ? [{ header: t('history.col.record') }] : []),
      { header: t('history.col.change') }, { header: t('history.col.fields') },
    ],
    ...(onScreen ? { groupColumn: 0 } : {}),
    rows,
    notes: omitted || restore ? [...(omitted ? [t('history.personalNote')] : []), ...(restore ? [ctx.t(restore.key, restore.params)] : [])] : undefined,
  };
}
