// `civsam consultation audit`: the hearing rules run on one consultation, and the findings as a
// report in the audit's shape (issue 5: JSON `{findings, summary}`, grouped by rule in a table or
// Markdown, exit 1 at or above --fail-on). Pure: the folder, the consultation and the date in.
import type { Finding, Severity } from '../audit/finding.js';
import type { DataFolder } from '../core/folder.js';
import type { Consultation } from '../core/kinds.js';
import { translate, type Language } from '../i18n/index.js';
import type { Table } from '../render/table.js';
import type { HearingRule } from './rules.js';

export interface ConsultationAudit {
  consultation: Consultation;
  asOf: string;
  findings: Finding[];
  byRule: Record<string, number>;
}

export function auditConsultation(folder: DataFolder, consultation: Consultation, rules: readonly HearingRule[], asOf: string): ConsultationAudit {
  const findings: Finding[] = [];
  const byRule: Record<string, number> = {};
  for (const rule of rules) {
    const found = rule.checkConsultation(folder, consultation, asOf);
    byRule[rule.id] = found.length;
    findings.push(...found);
  }
  return { consultation, asOf, findings, byRule };
}

const RANK: Record<Severity | 'never', number> = { warning: 1, error: 2, never: 3 };

/** True when a finding at or above `failOn` exists: the command exits 1. */
export function failsAt(findings: readonly Finding[], failOn: Severity | 'never'): boolean {
  return findings.some((f) => RANK[f.severity] >= RANK[failOn]);
}

export function auditJson(audit: ConsultationAudit, lang: Language) {
  const errors = audit.findings.filter((f) => f.severity === 'error').length;
  return {
    findings: audit.findings.map((f) => ({
      rule: f.rule, severity: f.severity, principle: f.principle, subject: f.subject, related: f.related,
      message: translate(lang, f.message.key, f.message.params),
    })),
    summary: { asOf: audit.asOf, findings: audit.findings.length, errors, warnings: audit.findings.length - errors, byRule: audit.byRule },
  };
}

function principleTitle(folder: DataFolder, id: string, lang: Language): string {
  const p = folder.model?.principles.find((x) => x.id === id);
  return p ? `${p.title[lang]} (${id})` : id;
}

/** One table per rule that found something: severity, finding and related records; then the summary. */
export function auditTables(folder: DataFolder, audit: ConsultationAudit, rules: readonly HearingRule[], lang: Language): { heading: string; tables: Table[]; summary: string } {
  const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate(lang, key, params);
  const c = audit.consultation;
  const tables: Table[] = [];
  for (const rule of rules) {
    const found = audit.findings.filter((f) => f.rule === rule.id);
    if (found.length === 0) continue;
    tables.push({
      title: t('hearing.audit.ruleTitle', { rule: rule.id, title: { key: rule.title } }),
      columns: [{ header: t('hearing.col.severity') }, { header: t('hearing.col.finding') }, { header: t('hearing.col.related') }],
      rows: found.map((f) => [
        t(f.severity === 'error' ? 'hearing.severity.error' : 'hearing.severity.warning'),
        translate(lang, f.message.key, f.message.params),
        f.related.map((r) => `${r.kind} ${r.id}`).join('\n'),
      ]),
      notes: [t('hearing.audit.principle', { principle: principleTitle(folder, rule.principle, lang) })],
    });
  }
  const errors = audit.findings.filter((f) => f.severity === 'error').length;
  const summary = audit.findings.length === 0
    ? t('hearing.audit.clean', { id: c.id, asOf: audit.asOf })
    : t('hearing.audit.summary', { errors, warnings: audit.findings.length - errors, id: c.id, asOf: audit.asOf });
  return { heading: t('hearing.audit.heading', { title: c.title, id: c.id }), tables, summary };
}
