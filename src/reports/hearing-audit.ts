// `civsam consultation audit`: the hearing rules run on one consultation, and the findings in the
// audit's shape: JSON `{findings, summary}` through the audit's own `findingJson`, tables
// grouped by rule with related records grouped by kind, exit 1 at or above --fail-on. Pure.
import type { Finding } from '../audit/finding.js';
import { findingJson, type AuditSummary } from '../audit/run.js';
import { messageText } from '../audit/text.js';
import type { DataFolder } from '../domain/folder.js';
import type { Consultation } from '../domain/kinds.js';
import { translate, type Language, type MessageKey, type MessageParams } from '../i18n/index.js';
import type { Table } from './table.js';
import type { HearingRule } from '../audit/hearing-rules.js';
import { flatFindingsTable, principleName, relatedText } from './finding-view.js';
import { severityCounts } from '../i18n/severity-counts.js';

export interface ConsultationAudit {
  consultation: Consultation;
  findings: Finding[];
  summary: AuditSummary;
}

export function auditConsultation(folder: DataFolder, consultation: Consultation, rules: readonly HearingRule[], asOf: string): ConsultationAudit {
  const findings: Finding[] = [];
  const byRule: Record<string, number> = {};
  for (const rule of rules) {
    const found = rule.checkConsultation(folder, consultation, asOf);
    byRule[rule.id] = found.length;
    findings.push(...found);
  }
  const errors = findings.filter((f) => f.severity === 'error').length;
  return { consultation, findings, summary: { asOf, findings: findings.length, errors, warnings: findings.length - errors, byRule } };
}

export function auditJson(folder: DataFolder, audit: ConsultationAudit, lang: Language) {
  return { findings: audit.findings.map((f) => findingJson(lang, f, folder)), summary: audit.summary };
}

/** One table per rule that found something: severity, finding and related records by kind; then the summary line. */
export function auditTables(folder: DataFolder, audit: ConsultationAudit, rules: readonly HearingRule[], lang: Language): { heading: string; tables: Table[]; summary: string } {
  const t = (key: MessageKey, params?: MessageParams) => translate(lang, key, params);
  const c = audit.consultation;
  const tables: Table[] = [];
  for (const rule of rules) {
    const found = audit.findings.filter((f) => f.rule === rule.id);
    if (found.length === 0) continue;
    tables.push({
      title: t(rule.title),
      columns: [{ header: t('audit.col.severity') }, { header: t('audit.col.finding') }, { header: t('audit.col.related') }],
      rows: found.map((f) => [t(`audit.severity.${f.severity}` as MessageKey), messageText(lang, f.message), relatedText(folder, lang, f.related)]),
      notes: [t('audit.principleNote', { principle: principleName(folder, lang, rule.principle), rule: rule.id })],
    });
  }
  const s = audit.summary;
  const summary = s.findings === 0
    ? t('hearing.audit.clean', { id: c.id, asOf: s.asOf })
    : t('hearing.audit.summary', { counts: severityCounts(s.errors, s.warnings), id: c.id, asOf: s.asOf });
  return { heading: t('hearing.audit.heading', { title: c.title, id: c.id }), tables, summary };
}

/** One row per finding, for CSV (the columns of `civsam audit --format csv`). */
export function flatFindingsTableOf(folder: DataFolder, audit: ConsultationAudit, rules: readonly HearingRule[], lang: Language): Table {
  return flatFindingsTable(folder, audit.findings, lang, (id) => {
    const rule = rules.find((r) => r.id === id);
    return rule ? translate(lang, rule.title) : id;
  });
}
