// `--from-history --as-of D`: the folder as committed at the end of D (Europe/Copenhagen), read
// from git without a checkout. The sample data changes over several dated commits (organisations
// made inactive, hearing parties withdrawn, each with its date); for three dates, the audit and a
// consultation's audit run later with --from-history equal the ones run at that date, and so do the
// ones run later without history: the recorded dates say what the statuses were. The working tree
// is untouched.
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { folderState, git, member, person, tempHome } from '../helpers/team.js';

const CONSULTATION = '2026-model-civilsamfund';

describe('--from-history --as-of', () => {
  const dir = tempHome();
  cpSync(join(ROOT, 'data'), dir, { recursive: true });
  writeFileSync(join(dir, '.gitignore'), '.civsam.lock*\n.*.tmp\n');
  const anna = member('Anna', dir);
  const at = (when: string) => ({ ...person('Anna'), GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when });
  const audits = (date: string, extra: string[] = []) => ({
    audit: anna.civsam(['audit', '--as-of', date, '--format', 'json', ...extra]),
    consultation: anna.civsam(['consultation', 'audit', CONSULTATION, '--as-of', date, '--format', 'json', ...extra]),
  });

  test('three dates reproduced, one of them before an organisation was made inactive and a party withdrawn', () => {
    git(dir, ['init', '-q', '-b', 'main']);
    git(dir, ['add', '-A']);
    expect(git(dir, ['commit', '-q', '-m', 'sample data'], at('2026-02-20T10:00:00+01:00')).code).toBe(0);

    const runs: Array<{ date: string; audit: string; consultation: string }> = [];
    const record = (date: string) => {
      const r = audits(date);
      expect(r.audit.code).toBeLessThan(2);
      expect(r.consultation.code).toBeLessThan(2);
      runs.push({ date, audit: r.audit.stdout, consultation: r.consultation.stdout });
    };

    record('2026-03-01');
    // Half past midnight on 2 March in Copenhagen is still 1 March in UTC: not part of 1 March here.
    // Each change carries its day (--date), as staff record it on the day it happens.
    expect(anna.civsam(['org', 'deactivate', 'lyspunktet', '--date', '2026-03-02'], at('2026-03-02T00:30:00+01:00')).code).toBe(0);
    expect(anna.civsam(['hearing-party', 'withdraw', 'nyt-hoved', '--date', '2026-03-02'], at('2026-03-02T00:40:00+01:00')).code).toBe(0);
    record('2026-03-02');
    expect(anna.civsam(['org', 'deactivate', 'bipolarkredsen-vest', '--date', '2026-05-10'], at('2026-05-10T09:00:00+02:00')).code).toBe(0);
    expect(anna.civsam(['hearing-party', 'withdraw', 'sukkerkredsen', '--date', '2026-05-10'], at('2026-05-10T09:05:00+02:00')).code).toBe(0);
    record('2026-05-10');
    expect(anna.civsam(['org', 'deactivate', 'angstnetvaerket-aarhus', '--date', '2026-08-01'], at('2026-08-01T09:00:00+02:00')).code).toBe(0);
    expect(anna.civsam(['hearing-party', 'withdraw', 'lyspunktet', '--date', '2026-08-01'], at('2026-08-01T09:05:00+02:00')).code).toBe(0);

    // The states differ, so reproducing them means something.
    expect(new Set(runs.map((r) => r.audit)).size).toBe(3);
    expect(new Set(runs.map((r) => r.consultation)).size).toBeGreaterThan(1);

    const before = folderState(dir);
    for (const run of runs) {
      const later = audits(run.date, ['--from-history']);
      expect(later.audit.stdout, run.date).toBe(run.audit);
      expect(later.consultation.stdout, run.date).toBe(run.consultation);
    }
    // Without history too: an organisation made inactive and a party withdrawn after the date
    // count as active and on the list on it, so today's folder gives what the audit said then.
    for (const run of runs) {
      const now = audits(run.date);
      expect(now.audit.stdout, run.date).toBe(run.audit);
      expect(now.consultation.stdout, run.date).toBe(run.consultation);
    }
    expect(folderState(dir)).toEqual(before);
  }, 600_000);

  test('refusals: no date, a write, a date before the first commit', () => {
    expect(anna.civsam(['audit', '--from-history']).stderr).toContain('give it with --as-of YYYY-MM-DD');
    const early = anna.civsam(['audit', '--from-history', '--as-of', '2020-01-01']);
    expect(early.code).toBe(2);
    expect(early.stderr).toContain('nothing had been committed');
    expect(anna.civsam(['consultation', 'plan', CONSULTATION, '--as-of', '2026-03-01', '--from-history', '--apply']).stderr).toContain('cannot be used with --apply');
  });
});
