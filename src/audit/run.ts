// Running the audit: the chosen rules over the loaded folder on a date, narrowed to an area, with a
// summary. Pure: the folder and the date come in, findings and counts go out.
import type { DataFolder } from '../domain/folder.js';
import { agreementAreas } from '../domain/reach.js';
import { recordName } from '../domain/record-name.js';
import type { Area } from '../domain/kinds.js';
import type { Language } from '../i18n/index.js';
import type { AuditRule, Finding, RecordRef, Severity } from './finding.js';
import { messageText } from './text.js';

export interface AuditSummary {
  asOf: string;
  findings: number;
  errors: number;
  warnings: number;
  /** Each rule that ran with its number of findings, in the registry's order. */
  byRule: Record<string, number>;
}

/** Whether a value (a kept one, read back as JSON) is an AuditSummary. */
export function isAuditSummary(v: unknown): v is AuditSummary {
  if (v === null || typeof v !== 'object') return false;
  const s = v as Record<string, unknown>;
  const count = (n: unknown) => Number.isSafeInteger(n) && (n as number) >= 0;
  return typeof s.asOf === 'string' && count(s.findings) && count(s.errors) && count(s.warnings)
    && s.byRule !== null && typeof s.byRule === 'object' && Object.values(s.byRule as object).every(count);
}

export interface AuditResult {
  findings: Finding[];
  summary: AuditSummary;
}

export interface AuditOptions {
  asOf: string;
  area?: Area;
}

/** The areas the subject of a finding belongs to (an offer without areas: its organisation's). */
export function subjectAreas(folder: DataFolder, subject: RecordRef): readonly string[] {
  const r = folder.records;
  switch (subject.kind) {
    case 'offer': {
      const offer = r.offer.get(subject.id);
      return offer?.areas?.length ? offer.areas : r.organisation.get(offer?.organisation ?? '')?.areas ?? [];
    }
    case 'agreement': {
      const agreement = r.agreement.get(subject.id);
      return agreement ? agreementAreas(folder, agreement) : [];
    }
    default:
      return (r[subject.kind].get(subject.id) as { areas?: string[] } | undefined)?.areas ?? [];
  }
}

export function runAudit(folder: DataFolder, rules: readonly AuditRule[], { asOf, area }: AuditOptions): AuditResult {
  const findings: Finding[] = [];
  const byRule: Record<string, number> = {};
  for (const rule of rules) {
    let found = rule.check({ folder, asOf });
    if (area) found = found.filter((f) => subjectAreas(folder, f.subject).includes(area));
    byRule[rule.id] = found.length;
    findings.push(...found);
  }
  const errors = findings.filter((f) => f.severity === 'error').length;
  return { findings, summary: { asOf, findings: findings.length, errors, warnings: findings.length - errors, byRule } };
}

const RANK: Record<Severity | 'never', number> = { warning: 1, error: 2, never: 3 };

/** True when a finding at or above `failOn` exists (exit code 1). */
export function fails(findings: readonly Finding[], failOn: Severity | 'never'): boolean {
  return findings.some((f) => RANK[f.severity] >= RANK[failOn]);
}

/**
 * A finding as `--format json` gives it: the message as text in the reader's language; with the
 * folder, the subject and each related record also carry their `name` (title, or the organisation's name).
 */
export function findingJson(lang: Language, f: Finding, folder?: DataFolder) {
  const named = (r: RecordRef) => {
    const name = folder ? recordName(folder, r.kind, r.id) : undefined;
    return name === undefined ? r : { ...r, name };
  };
  return { rule: f.rule, severity: f.severity, principle: f.principle, subject: named(f.subject), related: f.related.map(named), message: messageText(lang, f.message) };
}
