// civsam.yaml `sync: auto`: every change is synced as if --sync had been given: the others'
// changes come in before it and the change is sent after it. A preview (--dry-run) and a change
// kept local (--no-commit) do not sync, and without the setting nothing syncs on its own.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { baseFiles, org } from '../helpers/folder.js';
import { checkShared, cloneAs, sharedRegister, type Member } from '../helpers/team.js';

function field(m: Member, rel: string, name: string): string | undefined {
  return new RegExp(`^${name}: (.*)$`, 'm').exec(readFileSync(join(m.dir, rel), 'utf8'))?.[1];
}

function registerWith(settingsTail: string): { bare: string; anna: Member; bo: Member } {
  const files = baseFiles();
  const { bare, home } = sharedRegister({ ...files, 'civsam.yaml': files['civsam.yaml'] + settingsTail, 'organisations/delta.yaml': org('delta', 'Delta Forening') });
  return { bare, anna: cloneAs('Anna', bare, home), bo: cloneAs('Bo', bare, home) };
}

const remoteHead = (m: Member, bare: string) => m.git(['ls-remote', bare, 'main']).stdout.split('\t')[0];

describe('sync: auto in civsam.yaml', () => {
  test('a change brings in the colleagues\' changes first and is sent after; --dry-run and --no-commit do not sync', () => {
    const { bare, anna, bo } = registerWith('sync: auto\n');
    const a = anna.civsam(['org', 'edit', 'delta', '--notes', 'from Anna']);
    expect(a.code, a.stderr).toBe(0);
    // Anna's change was sent without --sync.
    expect(anna.git(['rev-parse', 'HEAD']).stdout).toBe(remoteHead(anna, bare));

    const b = bo.civsam(['org', 'deactivate', 'alpha', '--date', '2026-01-31']);
    expect(b.code, b.stderr).toBe(0);
    expect(field(bo, 'organisations/delta.yaml', 'notes')).toBe('from Anna');
    expect(bo.git(['rev-parse', 'HEAD']).stdout).toBe(remoteHead(bo, bare));

    // A preview and a change kept local leave the shared register alone.
    expect(anna.civsam(['org', 'edit', 'delta', '--notes', 'again', '--dry-run']).code).toBe(0);
    expect(field(anna, 'organisations/alpha.yaml', 'status')).toBe('active');
    expect(anna.civsam(['org', 'edit', 'delta', '--notes', 'local only', '--no-commit']).code).toBe(0);
    expect(field(anna, 'organisations/alpha.yaml', 'status')).toBe('active');
    expect(remoteHead(anna, bare)).toBe(bo.git(['rev-parse', 'HEAD']).stdout);

    const shared = checkShared(bare, join(bo.dir, '..'));
    expect(shared.validate.code, shared.validate.stderr).toBe(0);
    expect(shared.fsck).toBe(0);
  });

  test('near miss: sync: manual, and no setting, sync only when asked', () => {
    for (const tail of ['sync: manual\n', '']) {
      const { bare, anna, bo } = registerWith(tail);
      const before = remoteHead(anna, bare);
      expect(anna.civsam(['org', 'edit', 'delta', '--notes', 'from Anna']).code).toBe(0);
      expect(remoteHead(anna, bare)).toBe(before);
      expect(anna.civsam(['org', 'edit', 'delta', '--notes', 'sent', '--sync']).code).toBe(0);
      expect(bo.civsam(['org', 'edit', 'alpha', '--notes', 'from Bo']).code).toBe(0);
      expect(field(bo, 'organisations/delta.yaml', 'notes')).toBeUndefined();
    }
  });
});
