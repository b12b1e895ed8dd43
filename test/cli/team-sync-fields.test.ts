// Two people change different fields of the same record: git sees the same lines (both added a
// field at the end of the file) and cannot merge them, but sync combines the record field by
// field, keeping the file's comments; the same field stays a conflict (team-sync.test.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { baseFiles, org } from '../helpers/folder.js';
import { checkShared, cloneAs, sharedRegister } from '../helpers/team.js';

test('different fields of one record, on neighbouring lines, are combined field by field', () => {
  const { bare, home } = sharedRegister({ ...baseFiles(), 'organisations/alpha.yaml': org('alpha', 'Alpha Forening', '12345674', '# kontakt aftalt på mødet\n') });
  const anna = cloneAs('Anna', bare, home);
  const bo = cloneAs('Bo', bare, home);
  expect(anna.civsam(['org', 'edit', 'alpha', '--website', 'https://alpha.example']).code).toBe(0);
  expect(anna.civsam(['sync']).code).toBe(0);
  expect(bo.civsam(['org', 'edit', 'alpha', '--notes', 'Bo ringede']).code).toBe(0);
  // Git alone cannot merge these two commits.
  expect(bo.git(['fetch', '-q']).code).toBe(0);
  expect(bo.git(['merge-tree', '--write-tree', 'HEAD', 'origin/main']).code).toBe(1);

  const r = bo.civsam(['sync']);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stderr).toContain('in different fields (or different entries of a list), and combined: organisation alpha.');
  expect(anna.civsam(['sync']).code).toBe(0);
  for (const m of [anna, bo]) {
    const text = readFileSync(join(m.dir, 'organisations/alpha.yaml'), 'utf8');
    expect(text).toContain('website: https://alpha.example\n');
    expect(text).toContain('notes: Bo ringede\n');
    expect(text).toContain('# kontakt aftalt på mødet\n');
  }
  const shared = checkShared(bare, home);
  expect(shared.validate.code).toBe(0);
  expect(shared.fsck).toBe(0);
});
