// Building findings: one place that turns a rule, a subject and a message into a Finding, and
// sorts a rule's findings into a stable order (by subject, then message parameters).
import { daysBetween } from '../domain/dates.js';
import type { DataFolder } from '../domain/folder.js';
import type { Agreement, RecordKind } from '../domain/kinds.js';
import { recordName } from '../domain/record-name.js';
import { andList, type Message, type MessageKey, type MessageParams } from '../i18n/index.js';
import type { AuditRule, Finding, RecordRef, Severity } from './finding.js';

export function ref(kind: RecordKind, id: string): RecordRef {
  return { kind, id };
}

export function finding(rule: Pick<AuditRule, 'id' | 'severity' | 'principle'>, subject: RecordRef, related: RecordRef[], key: MessageKey, params: MessageParams, severity: Severity = rule.severity): Finding {
  return { rule: rule.id, severity, principle: rule.principle, subject, related, message: { key, params } };
}

/**
 * A record as a finding's sentence names it: by its name or title, as a person reads it (`Lys i
 * Mørket fik …`, not `lyspunktet fik …`); by its id only when it has none. The ids stay in the
 * finding's subject and related records, for JSON, CSV and commands.
 */
export function nameOf(folder: DataFolder, kind: RecordKind, id: string): string {
  return recordName(folder, kind, id) ?? id;
}

/** Titles for a message, each in the reader's quotation marks (`»Natcafé«, »Værested«`), in the given order. */
export function titleList(folder: DataFolder, kind: RecordKind, ids: readonly string[]): Message {
  const quoted: Message[] = ids.map((id) => ({ key: 'audit.fmt.quoted', params: { text: nameOf(folder, kind, id) } }));
  return quoted.slice(0, -1).reduceRight<Message>((rest, first) => ({ key: 'audit.fmt.list', params: { first, rest } }), quoted[quoted.length - 1]);
}

/** Records' names for a message: comma-separated, in the given order. */
export function nameList(folder: DataFolder, kind: RecordKind, ids: readonly string[]): string {
  return ids.map((id) => nameOf(folder, kind, id)).join(', ');
}

/**
 * Field names in a message (`reason`, `approved_by`), shown by their labels in the reader's
 * language and joined as the language lists things: `reason, approved by and date`.
 */
export function fieldList(fields: readonly string[]): Message | string {
  return andList(fields.map((f) => ({ key: `label.${f}` as MessageKey })));
}

/** A whole-kroner amount in a message, formatted for the reader's language when shown. */
export function amount(n: number): { key: MessageKey; params: MessageParams } {
  return { key: 'audit.fmt.amount', params: { n: Math.round(n) } };
}

/** A share 0–1 in a message, as a percentage with one decimal. */
export function percent(share: number): { key: MessageKey; params: MessageParams } {
  return { key: 'audit.fmt.percent', params: { n: Math.round(share * 1000) / 10 } };
}

export function bySubject(a: Finding, b: Finding): number {
  if (a.subject.kind !== b.subject.kind) return a.subject.kind < b.subject.kind ? -1 : 1;
  if (a.subject.id !== b.subject.id) return a.subject.id < b.subject.id ? -1 : 1;
  const ka = JSON.stringify(a.message.params ?? {});
  const kb = JSON.stringify(b.message.params ?? {});
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** Trimmed text, or undefined when a field is absent or blank (a blank reason is no reason). */
export function filled(s: string | undefined): string | undefined {
  const t = s?.trim();
  return t ? t : undefined;
}

/** A funding line as a command writes it: a year or kind left undefined is written as its placeholder (`ÅR`, `ART`). */
export interface FundingFlag { pool: string; year?: number; kind?: 'development' | 'operation'; amount: number }

/**
 * `civsam agreement edit ID --funding POOL:YEAR:KIND:AMOUNT …`, one `--funding` per line: the
 * option replaces every line, so the advice writes out all the lines the agreement is to have.
 * A placeholder is refused by name when the command is typed as it is.
 */
export function fundingEditCommand(id: string, lines: readonly FundingFlag[]): Message {
  const flags: Message[] = lines.map((l) => ({
    key: 'audit.rule.agreement-below-grant.fundingFlag',
    params: {
      pool: l.pool,
      year: l.year === undefined ? { key: 'audit.rule.agreement-below-grant.yearWord' } : String(l.year),
      kind: { key: l.kind === undefined ? 'audit.rule.agreement-below-grant.kindWord' : (`value.${l.kind}` as MessageKey) },
      amount: String(l.amount),
    },
  }));
  const joined = flags.slice(0, -1).reduceRight<Message>((rest, first) => ({ key: 'audit.rule.agreement-below-grant.spaced', params: { first, rest } }), flags[flags.length - 1]);
  return { key: 'audit.rule.agreement-below-grant.agreementEdit', params: { id, flags: joined } };
}

/** Adds a value to the list under a key (in place: building lists by copying grows with their square). */
export function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * The findings for active agreements whose date (`end`, `evaluation_due`) has passed by `asOf`:
 * the message gets that date under `param` and the days since under `days`.
 */
export function activeAgreementsPast(rule: AuditRule, folder: DataFolder, asOf: string, date: (a: Agreement) => string | undefined, key: MessageKey, param: string): Finding[] {
  const out: Finding[] = [];
  for (const a of folder.records.agreement.values()) {
    const d = date(a);
    if (a.status !== 'active' || d === undefined || d >= asOf) continue;
    out.push(finding(rule, ref('agreement', a.id), [], key, { [param]: d, days: daysBetween(d, asOf) }));
  }
  return out.sort(bySubject);
}
