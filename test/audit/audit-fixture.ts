// Small folders for audit tests: records written as JSON (valid YAML 1.2) next to the expectation,
// and the audit run in-process on them.
import { expect } from 'vitest';
import { readFolder } from '../../src/store/load-folder.js';
import { checkFolder } from '../../src/validate/check-folder.js';
import { RULES } from '../../src/audit/registry.js';
import { findingJson, runAudit } from '../../src/audit/run.js';
import type { Area } from '../../src/domain/kinds.js';
import type { Language } from '../../src/i18n/index.js';
import { baseFiles, makeFolder, type Files } from '../helpers/folder.js';

export type Rec = Record<string, unknown>;

/** A record file from an object: JSON is YAML, and ids name the files. */
export function record(folder: string, rec: Rec): Files {
  return { [`${folder}/${rec.id as string}.yaml`]: JSON.stringify(rec) + '\n' };
}

export function organisation(id: string, extra: Rec = {}): Rec {
  return { id, name: `Forening ${id}`, kind: 'patient-association', areas: ['psychiatry'], patient_groups: ['depression'], municipalities: ['aarhus'], status: 'active', ...extra };
}

export function agreement(id: string, extra: Rec = {}): Rec {
  return { id, title: `Aftale ${id}`, organisations: ['alpha'], areas: ['psychiatry'], patient_groups: ['depression'], municipalities: ['aarhus'], start: '2025-01-01', status: 'active', ...extra };
}

export function pool(id: string, extra: Rec = {}): Rec {
  return { id, name: `Pulje ${id}`, areas: ['psychiatry', 'health'], eligible_kinds: ['development', 'operation'], budgets: [{ year: 2025, amount_dkk: 1_000_000 }], ...extra };
}

export function call(id: string, extra: Rec = {}): Rec {
  return { id, title: `Opslag ${id}`, areas: ['psychiatry'], patient_groups: ['depression'], municipalities: ['aarhus'], published: '2024-10-01', deadline: '2024-11-01', channel: 'public', ...extra };
}

export function offer(id: string, extra: Rec = {}): Rec {
  return { id, organisation: 'alpha', title: `Tilbud ${id}`, type: 'peer-group', patient_groups: ['depression'], areas: ['psychiatry'], municipalities: ['aarhus'], active_from: '2025-01-01', ...extra };
}

/** A folder of the base files plus records: [folder, record] pairs. */
export function folderWith(records: Array<[string, Rec]>): Files {
  const files: Files = baseFiles();
  delete files['organisations/alpha.yaml'];
  Object.assign(files, record('organisations', organisation('alpha')));
  for (const [f, r] of records) Object.assign(files, record(f, r));
  return files;
}

/** Runs one rule (or all) on the folder and returns the findings as `--format json` gives them. */
export function auditOf(files: Files, rule?: string, opts: { asOf?: string; area?: Area; lang?: Language } = {}) {
  const { folder, problems } = checkFolder(readFolder(makeFolder(files)));
  expect(problems.filter((p) => p.severity === 'error').map((p) => `${p.file}:${p.line} ${p.rule}`)).toEqual([]);
  const rules = rule ? RULES.filter((r) => r.id === rule) : RULES;
  expect(rules.length).toBeGreaterThan(0);
  const result = runAudit(folder, rules, { asOf: opts.asOf ?? '2026-11-23', area: opts.area });
  return result.findings.map((f) => findingJson(opts.lang ?? 'en', f));
}
