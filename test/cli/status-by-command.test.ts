// A status that has a command of its own (consultation open/close, call close, org deactivate/activate,
// agreement end/cancel, hearing-party withdraw) is not set by edit: that command checks that the
// change can happen now and writes the day and reason with it. edit refuses, names the command and
// writes nothing; a status without a command of its own is edited as before. And a consultation
// closed before its deadline without a reason (a status changed in the file by hand) is an audit finding.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder, type Files } from '../helpers/folder.js';

const CONSULTATION = ['id: h1', 'title: Høring om planen', 'areas: [psychiatry]', 'opens: 2026-11-20', 'deadline: 2026-12-30', 'selection: all', 'status: planned', ''].join('\n');
const CALL = ['id: c1', 'title: Opslag', 'areas: [psychiatry]', 'scope: regional', 'published: 2026-12-01', 'deadline: 2027-01-15', 'channel: public', 'criteria: [Kvalitet]', 'status: open', ''].join('\n');
const PARTY = 'id: alpha\norganisation: alpha\nareas: [psychiatry]\npatient_groups: [depression]\nsince: 2020-01-01\nstatus: active\n';
const AGREEMENT = 'id: g1\ntitle: Aftale\norganisations: [alpha]\nareas: [psychiatry]\nscope: regional\nstart: 2026-01-01\nstatus: active\n';
const files = (extra: Files = {}): Files => ({ ...baseFiles(), 'consultations/h1.yaml': CONSULTATION, 'calls/c1.yaml': CALL, 'hearing-parties/alpha.yaml': PARTY, 'agreements/g1.yaml': AGREEMENT, ...extra });
const run = (dir: string, args: string[], lang = 'da') => civsam(['--data', dir, ...args, '--no-commit'], { env: { CIVSAM_LANG: lang, COLUMNS: '200' } });

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-12-06T12:00:00'));
});
afterEach(() => {
  vi.useRealTimers();
});

describe('edit --status to a status with a command of its own', () => {
  it('is refused for a consultation and a call before their deadlines, naming the command, in both languages; nothing is written', async () => {
    const dir = makeFolder(files());
    const consultation = await run(dir, ['consultation', 'edit', 'h1', '--status', 'lukket']);
    expect(consultation.code).toBe(2);
    expect(consultation.stderr).toBe('fejl: status »lukket« sættes ikke med edit: brug civsam consultation close h1. Den kommando ser efter, at ændringen kan ske nu (fx at fristen er nået), og skriver det ned, der hører med, som dagen og en eventuel begrundelse.\n');
    const call = await run(dir, ['call', 'edit', 'c1', '--status', 'closed'], 'en');
    expect(call.code).toBe(2);
    expect(call.stderr).toBe('error: the status “closed” is not set by edit: use civsam call close c1. That command checks that the change can happen now (a deadline passed, say) and writes down what goes with it, such as the day and any reason.\n');
    expect(readFileSync(join(dir, 'consultations/h1.yaml'), 'utf8')).toBe(CONSULTATION);
    expect(readFileSync(join(dir, 'calls/c1.yaml'), 'utf8')).toBe(CALL);
  });

  it('names the command of every kind, also for a status given in a file (--from-file)', async () => {
    const dir = makeFolder(files({ 'closed.yaml': CONSULTATION.replace('status: planned', 'status: open') }));
    const cases: [string[], string][] = [
      [['consultation', 'edit', 'h1', '--from-file', join(dir, 'closed.yaml')], 'civsam consultation open h1'],
      [['org', 'edit', 'alpha', '--status', 'inaktiv'], 'civsam org deactivate alpha'],
      [['agreement', 'edit', 'g1', '--status', 'afsluttet'], 'civsam agreement end g1'],
      [['agreement', 'edit', 'g1', '--status', 'annulleret'], 'civsam agreement cancel g1'],
      [['hearing-party', 'edit', 'alpha', '--status', 'udtrådt'], 'civsam hearing-party withdraw alpha'],
    ];
    for (const [args, command] of cases) {
      const r = await run(dir, args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(`sættes ikke med edit: brug ${command}.`);
    }
  });

  it('near miss: a status without a command of its own, or the status the record has, is edited as any field', async () => {
    const dir = makeFolder(files({ 'agreements/g1.yaml': AGREEMENT.replace('status: active', 'status: draft'), 'consultations/h1.yaml': CONSULTATION.replace('status: planned', 'status: open') }));
    expect((await run(dir, ['agreement', 'edit', 'g1', '--status', 'aktiv'])).code).toBe(0);
    expect(readFileSync(join(dir, 'agreements/g1.yaml'), 'utf8')).toContain('status: active');
    expect((await run(dir, ['consultation', 'edit', 'h1', '--status', 'planlagt'])).code).toBe(0);
    const same = await run(dir, ['call', 'edit', 'c1', '--status', 'åben', '--title', 'Nyt opslag']);
    expect(same.code, same.stderr).toBe(0);
  });
});

describe('hearing-closed-early', () => {
  const closed = CONSULTATION.replace('status: planned', 'status: closed');
  it('finds a consultation closed in its file before its deadline without a reason', async () => {
    const r = await civsam(['--data', makeFolder(files({ 'consultations/h1.yaml': closed })), 'audit', '--rule', 'hearing-closed-early', '--format', 'json'], { env: { CIVSAM_LANG: 'da' } });
    const findings = JSON.parse(r.stdout).findings;
    expect(findings.map((f: { message: string }) => f.message)).toEqual(['er lukket før fristen 30. dec. 2026, og der er ikke skrevet nogen begrundelse, så parternes tid til at svare blev afkortet uden forklaring.']);
  });
  it('near miss: closed early with a reason (consultation close --early --reason), or closed after its deadline', async () => {
    const withReason = closed.replace('status: closed', 'status: closed\nclosed_early: 2026-12-05\nclosed_early_reason: Alle har svaret');
    const afterDeadline = closed.replace('deadline: 2026-12-30', 'deadline: 2026-12-01');
    for (const c of [withReason, afterDeadline]) {
      const r = await civsam(['--data', makeFolder(files({ 'consultations/h1.yaml': c })), 'audit', '--rule', 'hearing-closed-early', '--format', 'json']);
      expect(JSON.parse(r.stdout).findings).toEqual([]);
    }
  });
});
