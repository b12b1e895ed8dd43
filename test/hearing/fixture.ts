// Small hearing-list folders for the tests: organisations, hearing parties and consultations written
// as YAML from a few fields, loaded and validated the way every command loads them.
import { expect } from 'vitest';
import type { DataFolder } from '../../src/domain/folder.js';
import { readFolder } from '../../src/store/load-folder.js';
import { checkFolder } from '../../src/validate/check-folder.js';
import { translate } from '../../src/i18n/index.js';
import type { Finding } from '../../src/audit/finding.js';
import { baseFiles, makeFolder, org, type Files } from '../helpers/folder.js';

export interface PartySpec {
  org?: string;
  areas?: string[];
  groups?: string[];
  since: string;
  status?: 'active' | 'withdrawn';
  /** The day it left the list (with status withdrawn). */
  withdrawn?: string;
}

export function partyFile(id: string, p: PartySpec): string {
  return [
    `id: ${id}`,
    `organisation: ${p.org ?? `org-${id}`}`,
    `areas: [${(p.areas ?? ['psychiatry']).join(', ')}]`,
    ...(p.groups === undefined ? ['patient_groups: [depression]'] : p.groups.length ? [`patient_groups: [${p.groups.join(', ')}]`] : []),
    `since: ${p.since}`,
    `status: ${p.status ?? 'active'}`,
    ...(p.withdrawn ? [`withdrawn: ${p.withdrawn}`] : []),
    '',
  ].join('\n');
}

export interface ConsultationSpec {
  areas?: string[];
  groups?: string[];
  opens: string;
  deadline?: string;
  deadlineReason?: string;
  seats?: number;
  invited?: string[];
  omitted?: [party: string, reason: string][];
  responses?: [party: string, received: string][];
  status?: 'planned' | 'open' | 'closed';
}

export function consultationFile(id: string, c: ConsultationSpec): string {
  const lines = [
    '# yaml-language-server: $schema=../../schemas/consultation.schema.json',
    `id: ${id}`,
    `title: Høring ${id}`,
    `areas: [${(c.areas ?? ['psychiatry']).join(', ')}]`,
    ...(c.groups === undefined ? ['patient_groups: [depression]'] : c.groups.length ? [`patient_groups: [${c.groups.join(', ')}]`] : []),
    `opens: ${c.opens}`,
    `deadline: ${c.deadline ?? addDays(c.opens, 35)}`,
    ...(c.deadlineReason ? [`deadline_reason: ${c.deadlineReason}`] : []),
    `selection: ${c.seats === undefined ? 'all' : 'limited'}`,
    ...(c.seats === undefined ? [] : [`seats: ${c.seats}`]),
    ...(c.invited ? ['invited:', ...c.invited.map((p) => `  - ${p}`)] : []),
    ...(c.omitted?.length ? ['omitted:', ...c.omitted.flatMap(([p, r]) => [`  - party: ${p}`, `    reason: ${r}`])] : []),
    ...(c.responses?.length ? ['responses:', ...c.responses.flatMap(([p, d]) => [`  - party: ${p}`, `    received: ${d}`])] : []),
    `status: ${c.status ?? 'planned'}`,
    '',
  ];
  return lines.join('\n');
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** A folder with the given parties (each with its own active organisation unless named) and consultations. */
export function hearingFiles(parties: Record<string, PartySpec>, consultations: Record<string, ConsultationSpec>, extra: Files = {}): Files {
  const files: Files = { ...baseFiles() };
  for (const [id, p] of Object.entries(parties)) {
    const orgId = p.org ?? `org-${id}`;
    if (!files[`organisations/${orgId}.yaml`]) files[`organisations/${orgId}.yaml`] = org(orgId, `Forening ${id}`);
    files[`hearing-parties/${id}.yaml`] = partyFile(id, p);
  }
  for (const [id, c] of Object.entries(consultations)) files[`consultations/${id}.yaml`] = consultationFile(id, c);
  return { ...files, ...extra };
}

/** Loads a folder as the commands do, failing the test if it does not validate. */
export function load(files: Files): DataFolder {
  const { folder, problems } = checkFolder(readFolder(makeFolder(files)));
  expect(problems.filter((p) => p.severity === 'error').map((p) => `${p.file}:${p.line} ${p.rule}`)).toEqual([]);
  return folder;
}

/** Findings as `--format json` gives them, in English. */
export function asJson(findings: Finding[]) {
  return findings.map((f) => ({ ...f, message: translate('en', f.message.key, f.message.params) }));
}
