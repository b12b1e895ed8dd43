// How an audit finding is written for people, shared by `audit` and `consultation audit`: records by
// kind, id and name, related records grouped by kind, the principle by its name in the reader's
// language. The ids stay in JSON and in CSV's id columns, which are for machines.
import type { Finding, RecordRef } from '../audit/finding.js';
import { messageText } from '../audit/text.js';
import type { DataFolder } from '../domain/folder.js';
import { idWithName, recordName } from '../domain/record-name.js';
import { translate, type Language, type MessageKey } from '../i18n/index.js';
import type { Table } from './table.js';

/** The principle's title in the reader's language, or its id when the model lacks it. */
export function principleName(folder: DataFolder, lang: Language, id: string): string {
  return folder.model?.principles.find((x) => x.id === id)?.title[lang] ?? id;
}

const kindWords = new Map<Language, Map<string, string>>();

/** A record kind as the reader's language says it (`aftale`), looked up once per language and kind. */
function kindWord(lang: Language, kind: string): string {
  let words = kindWords.get(lang);
  if (!words) kindWords.set(lang, (words = new Map()));
  let word = words.get(kind);
  if (word === undefined) words.set(kind, (word = translate(lang, `audit.kind.${kind}` as MessageKey)));
  return word;
}

/** `aftale 2025-psyk-009 (Natcafé for hjemløse)`. */
export function subjectText(folder: DataFolder, lang: Language, r: RecordRef): string {
  return `${kindWord(lang, r.kind)} ${idWithName(folder, r.kind, r.id)}`;
}

/**
 * Related records grouped by kind, one line per kind: `organisation: a (A), b (B)`, at most `limit`
 * of each. A finding may name hundreds of peers: each kind's list grows in place, and only the
 * records shown are looked up by name.
 */
export function relatedText(folder: DataFolder, lang: Language, related: readonly RecordRef[], limit = Infinity): string {
  if (related.length === 0) return ''; // most findings: nothing to group
  // Per kind, in the order kinds first appear: the records shown, and how many there are in all
  // (the hundreds past the limit are only counted).
  const byKind = new Map<string, { shown: string[]; count: number }>();
  for (const r of related) {
    let group = byKind.get(r.kind);
    if (!group) byKind.set(r.kind, (group = { shown: [], count: 0 }));
    if (group.count++ < limit) group.shown.push(idWithName(folder, r.kind, r.id));
  }
  const lines: string[] = [];
  for (const [kind, { shown, count }] of byKind) {
    if (count > limit) shown.push(translate(lang, 'audit.moreRelated', { count: count - limit }));
    lines.push(`${kindWord(lang, kind)}: ${shown.join(', ')}`);
  }
  return lines.join('\n');
}

/**
 * One row per finding, for CSV: each id beside its name (the rule's title, the principle's and records'
 * names). Severity and kinds are words in the reader's language, as in the table: a CSV is opened in
 * a spreadsheet by people; JSON keeps the codes.
 */
export function flatFindingsTable(folder: DataFolder, findings: readonly Finding[], lang: Language, ruleTitle: (rule: string) => string): Table {
  const keys = ['audit.col.rule', 'audit.col.ruleTitle', 'audit.col.severity', 'audit.col.principle', 'audit.col.principleName', 'audit.col.subjectKind', 'audit.col.subjectId', 'audit.col.subjectName', 'audit.col.related', 'audit.col.relatedNames', 'audit.col.message'] as const;
  return {
    columns: keys.map((k) => ({ header: translate(lang, k) })),
    rows: findings.map((f) => [
      f.rule, ruleTitle(f.rule), translate(lang, `audit.severity.${f.severity}`), f.principle, principleName(folder, lang, f.principle), kindWord(lang, f.subject.kind), f.subject.id, recordName(folder, f.subject.kind, f.subject.id) ?? '',
      f.related.map((r) => `${kindWord(lang, r.kind)}:${r.id}`).join(' '), f.related.map((r) => recordName(folder, r.kind, r.id) ?? r.id).join('; '), messageText(lang, f.message),
    ]),
  };
}
