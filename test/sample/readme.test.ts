// The bundled sample data (data/) against what its README promises, read from the README itself:
// the counts in its contents table and the planted audit findings. Whoever edits the sample edits
// the README with it, and these tests follow; other numbers of the sample are no test's business
// (tests that need numbers build their own small folders).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFolder } from '../../src/store/load-folder.js';
import { checkFolder } from '../../src/validate/check-folder.js';
import { civsam, ROOT } from '../helpers/cli.js';

const DATA = join(ROOT, 'data');
const README = readFileSync(join(DATA, 'README.md'), 'utf8');
const { folder, problems } = checkFolder(readFolder(DATA));

/** The contents table's cell for a row, e.g. `33 (22 active, 9 ended, 1 draft, 1 cancelled)`. */
function contents(row: string): string {
  const m = new RegExp(`^\\| ${row} \\| (.*) \\|$`, 'm').exec(README);
  if (!m) throw new Error(`data/README.md has no contents row ${row}`);
  return m[1];
}
/** The number written before `word` in a cell ("22 active" → 22). */
function countOf(cell: string, word: string): number {
  const m = new RegExp(`(\\d+) ${word}`).exec(cell);
  if (!m) throw new Error(`no count of ${word} in "${cell}"`);
  return Number(m[1]);
}
const total = (cell: string) => Number(/^(\d+)/.exec(cell)![1]);
const tally = <T>(values: Iterable<T>, of: (v: T) => string) => {
  const out: Record<string, number> = {};
  for (const v of values) out[of(v)] = (out[of(v)] ?? 0) + 1;
  return out;
};

describe('data/README.md: contents', () => {
  it('the folder validates without errors', async () => {
    expect(problems.filter((p) => p.severity === 'error').map((p) => `${p.file}:${p.line} ${p.rule}`)).toEqual([]);
  });

  it('organisations: the count, all eight kinds, all three areas, the inactive ones', async () => {
    const cell = contents('organisations');
    const orgs = [...folder.records.organisation.values()];
    expect(orgs).toHaveLength(total(cell));
    expect(cell).toContain('all 8 kinds');
    expect(new Set(orgs.map((o) => o.kind)).size).toBe(8);
    expect(cell).toContain('all three areas');
    expect(new Set(orgs.flatMap((o) => o.areas))).toEqual(new Set(['social', 'psychiatry', 'health']));
    expect(orgs.filter((o) => o.status === 'inactive')).toHaveLength(countOf(cell, 'inactive'));
  });

  it('offers, and agreements by status', async () => {
    expect(folder.records.offer.size).toBe(total(contents('offers')));
    const cell = contents('agreements');
    expect(folder.records.agreement.size).toBe(total(cell));
    const byStatus = tally(folder.records.agreement.values(), (a) => a.status);
    for (const status of ['active', 'ended', 'draft', 'cancelled']) expect(byStatus[status] ?? 0, status).toBe(countOf(cell, status));
  });

  it('pools: the ones named, the culture pool for development only', async () => {
    const cell = contents('pools');
    const named = [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
    expect([...folder.records.pool.keys()].sort()).toEqual([...named].sort());
    expect(folder.records.pool.size).toBe(total(cell));
    expect(folder.records.pool.get('kultur-og-sundhed')?.eligible_kinds).toEqual(['development']);
  });

  it('calls by channel, and the one open on the README\'s date', async () => {
    const cell = contents('calls');
    expect(folder.records.call.size).toBe(total(cell));
    const byChannel = tally(folder.records.call.values(), (c) => c.channel);
    expect(byChannel.public).toBe(countOf(cell, 'public'));
    expect(byChannel.invited).toBe(countOf(cell, 'invited'));
    const open = /`([^`]+)` is open on (\d{4}-\d{2}-\d{2})/.exec(cell)!;
    const call = folder.records.call.get(open[1])!;
    expect(call.published <= open[2]).toBe(true);
    expect(call.deadline >= open[2]).toBe(true);
  });

  it('hearing parties and consultations by status and selection', async () => {
    const parties = contents('hearing-parties');
    expect(folder.records['hearing-party'].size).toBe(total(parties));
    expect([...folder.records['hearing-party'].values()].filter((p) => p.status === 'withdrawn')).toHaveLength(countOf(parties, 'withdrawn'));
    const cell = contents('consultations');
    expect(folder.records.consultation.size).toBe(total(cell));
    const byStatus = tally(folder.records.consultation.values(), (c) => c.status);
    for (const status of ['closed', 'open', 'planned']) expect(byStatus[status] ?? 0, status).toBe(countOf(cell, status));
    expect([...folder.records.consultation.values()].filter((c) => c.selection === 'limited')).toHaveLength(countOf(cell, 'limited'));
  });

  it('applications by decision', async () => {
    const cell = contents('applications');
    expect(folder.records.application.size).toBe(total(cell));
    const byOutcome = tally(folder.records.application.values(), (a) => a.decision?.outcome ?? 'undecided');
    expect(byOutcome.granted ?? 0).toBe(countOf(cell, 'granted'));
    expect(byOutcome.partly ?? 0).toBe(countOf(cell, 'partly granted'));
    expect(byOutcome.refused ?? 0).toBe(countOf(cell, 'refused'));
  });

  it('vocabularies', async () => {
    const cell = contents('vocabularies');
    expect(folder.vocabularies.municipalities).toHaveLength(countOf(cell, 'municipalities'));
    expect(folder.vocabularies.patientGroups).toHaveLength(countOf(cell, 'patient groups'));
    const parents = new Set(folder.vocabularies.patientGroups.map((g) => g.parent).filter(Boolean));
    expect(parents.size).toBe(Number(/\((\d+) broad parents\)/.exec(cell)![1]));
    expect(folder.vocabularies.offerTypes).toHaveLength(countOf(cell, 'offer types'));
  });
});

describe('data/README.md: what is planted', () => {
  // Each row of the planted table: rule, severity and the subject (its kind and first `id`).
  const section = README.slice(README.indexOf('## Det plantede'), README.indexOf('## Næsten-fund'));
  const asOf = /as of \*\*(\d{4}-\d{2}-\d{2})\*\*/.exec(section)![1];
  const rows = [...section.matchAll(/^\| `([a-z-]+)` \| (error|warning) \| ([a-z-]+) `([^`]+)`/gm)].map((m) => `${m[1]} ${m[2]} ${m[3]}:${m[4]}`);
  const promised = /exactly these (\d+) findings \((\d+) errors, (\d+) warnings\)/.exec(section)!;

  it('the table and its summary line agree', async () => {
    expect(rows).toHaveLength(Number(promised[1]));
    expect(rows.filter((r) => r.includes(' error '))).toHaveLength(Number(promised[2]));
    expect(rows.filter((r) => r.includes(' warning '))).toHaveLength(Number(promised[3]));
  });

  it(`civsam audit --as-of finds exactly the planted findings, and nothing else`, async () => {
    const r = await civsam(['audit', '--as-of', asOf, '--format', 'json']);
    const found = (JSON.parse(r.stdout) as { findings: Array<{ rule: string; severity: string; subject: { kind: string; id: string } }> }).findings;
    expect(found.map((f) => `${f.rule} ${f.severity} ${f.subject.kind}:${f.subject.id}`).sort()).toEqual([...rows].sort());
    expect(r.code).toBe(rows.some((x) => x.includes(' error ')) ? 1 : 0);
  });
});
