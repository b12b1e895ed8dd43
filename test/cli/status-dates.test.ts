// `org deactivate` and `hearing-party withdraw` record the day (--date, default today, never after
// today); `org activate` removes it. The date after today is refused in both languages, naming the
// option and today but not the value given.
import { formatDate } from '../../src/i18n/format.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';

const PARTY = 'id: alpha\norganisation: alpha\nareas: [psychiatry]\npatient_groups: [depression]\nsince: 2020-01-01\nstatus: active\n';
const folder = () => makeFolder({ ...baseFiles(), 'organisations/alpha.yaml': org('alpha', 'Alpha Forening'), 'hearing-parties/alpha.yaml': PARTY });
const run = (dir: string, args: string[]) => civsam(['--data', dir, ...args]);
const read = (dir: string, rel: string) => readFileSync(join(dir, rel), 'utf8');

/** Today as the command line works it out: the local date. */
function today(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
const tomorrow = () => new Date(Date.parse(`${today()}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

describe('org deactivate and activate', () => {
  test('--date is recorded as inactive_since; activate removes it', async () => {
    const dir = folder();
    expect((await run(dir, ['org', 'deactivate', 'alpha', '--date', '2026-03-02'])).code).toBe(0);
    expect(read(dir, 'organisations/alpha.yaml')).toContain('status: inactive\ninactive_since: 2026-03-02\n');
    expect((await run(dir, ['org', 'activate', 'alpha'])).code).toBe(0);
    expect(read(dir, 'organisations/alpha.yaml')).toContain('status: active\n');
    expect(read(dir, 'organisations/alpha.yaml')).not.toContain('inactive_since');
    expect((await run(dir, ['validate'])).code).toBe(0);
  });

  test('without --date: today; deactivating again keeps the recorded day unless --date corrects it', async () => {
    const dir = folder();
    expect((await run(dir, ['org', 'deactivate', 'alpha'])).code).toBe(0);
    expect(read(dir, 'organisations/alpha.yaml')).toContain(`inactive_since: ${today()}\n`);
    expect((await run(dir, ['org', 'deactivate', 'alpha', '--date', '2026-01-15'])).code).toBe(0);
    expect((await run(dir, ['org', 'deactivate', 'alpha'])).code).toBe(0);
    expect(read(dir, 'organisations/alpha.yaml')).toContain('inactive_since: 2026-01-15\n');
  });

  test('a date after today is refused, in English and Danish, and nothing is written', async () => {
    const dir = folder();
    const before = read(dir, 'organisations/alpha.yaml');
    const en = await run(dir, ['org', 'deactivate', 'alpha', '--date', tomorrow()]);
    expect(en.code).toBe(2);
    expect(en.stderr).toBe(`error: --date is after today (${formatDate(today(), 'en')}): a change of status is recorded once it has happened. Give today's date or an earlier one, or leave --date out to use today.\n`);
    const da = await run(dir, ['--lang', 'da', 'org', 'deactivate', 'alpha', '--date', tomorrow()]);
    expect(da.code).toBe(2);
    expect(da.stderr).toBe(`fejl: --date ligger efter i dag (${formatDate(today(), 'da')}): en ændring af status registreres, når den er sket. Angiv dagens dato eller en tidligere, eller udelad --date for at bruge dagens dato.\n`);
    expect(read(dir, 'organisations/alpha.yaml')).toBe(before);
    // Near miss: today itself is accepted.
    expect((await run(dir, ['org', 'deactivate', 'alpha', '--date', today()])).code).toBe(0);
  });
});

describe('hearing-party withdraw', () => {
  test('--date is recorded as withdrawn; default today; after today refused', async () => {
    const dir = folder();
    const refused = await run(dir, ['hearing-party', 'withdraw', 'alpha', '--date', tomorrow()]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--date is after today');
    expect(read(dir, 'hearing-parties/alpha.yaml')).toBe(PARTY);
    expect((await run(dir, ['hearing-party', 'withdraw', 'alpha', '--date', '2026-09-15'])).code).toBe(0);
    expect(read(dir, 'hearing-parties/alpha.yaml')).toContain('status: withdrawn\nwithdrawn: 2026-09-15\n');

    const other = folder();
    expect((await run(other, ['hearing-party', 'withdraw', 'alpha'])).code).toBe(0);
    expect(read(other, 'hearing-parties/alpha.yaml')).toContain(`withdrawn: ${today()}\n`);
  });

  test('a withdrawal before the party joined the list is refused by validation', async () => {
    const dir = folder();
    const r = await run(dir, ['hearing-party', 'withdraw', 'alpha', '--date', '2019-12-31']);
    expect(r.code).toBe(2);
    expect(read(dir, 'hearing-parties/alpha.yaml')).toBe(PARTY);
  });
});
