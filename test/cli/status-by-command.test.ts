// A status that has a command of its own (consultation open/close, call close, org deactivate/activate,
// agreement end/cancel, hearing-party withdraw) is not set by edit: that command checks that the
// change can happen now and writes the day and reason with it. edit refuses, names the command and
// writes nothing; a status without a command of its own is edited as before. And a consultation
// closed before its deadline without a reason (a status changed in the file by hand) is an audit finding.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder, type Files } from '../helpers/folder.js';
import { todayIs } from '../helpers/today.js';

const CONSULTATION = ['id: h1', 'title: Høring om planen', 'areas: [psychiatry]', 'opens: 2026-11-20', 'deadline: 2026-12-30', 'selection: all', 'status: planned', ''].join('\n');
const CALL = ['id: c1', 'title: Opslag', 'areas: [psychiatry]', 'scope: regional', 'published: 2026-12-01', 'deadline: 2027-01-15', 'channel: public', 'criteria: [Kvalitet]', 'status: open', ''].join('\n');
const PARTY = 'id: alpha\norganisation: alpha\nareas: [psychiatry]\npatient_groups: [depression]\nsince: 2020-01-01\nstatus: active\n';
const AGREEMENT = 'id: g1\ntitle: Aftale\norganisations: [alpha]\nareas: [psychiatry]\nscope: regional\nstart: 2026-01-01\nstatus: active\n';
const files = (extra: Files = {}): Files => ({ ...baseFiles(), 'consultations/h1.yaml': CONSULTATION, 'calls/c1.yaml': CALL, 'hearing-parties/alpha.yaml': PARTY, 'agreements/g1.yaml': AGREEMENT, ...extra });
const run = (dir: string, args: string[], lang = 'da') => civsam(['--data', dir, ...args, '--no-commit'], { env: { CIVSAM_LANG: lang, COLUMNS: '200' } });

todayIs('2026-12-06');

describe('edit --status to a status with a command of its own', () => {
  it('is refused for a consultation and a call before their deadlines, naming the command, in both languages; nothing is written', async () => {
    const dir = makeFolder(files());
    const consultation = await run(dir, ['consultation', 'edit', 'h1', '--status', 'lukket']);
    expect(consultation.code).toBe(2);
    expect(consultation.stderr).toBe('fejl: status »lukket« sættes ikke med edit: brug civsam consultation close h1. Den kommando ser efter, at ændringen kan ske nu, og skriver det ned, der hører med, som dagen og en eventuel begrundelse.\n');
    const call = await run(dir, ['call', 'edit', 'c1', '--status', 'closed'], 'en');
    expect(call.code).toBe(2);
    expect(call.stderr).toBe('error: the status “closed” is not set by edit: use civsam call close c1. That command checks that the change can happen now and writes down what goes with it, such as the day and any reason.\n');
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

describe('add with a status its command would refuse today', () => {
  it('refuses a consultation added open before its opening day, or closed before its deadline, and a call closed before its deadline', async () => {
    const dir = makeFolder(files());
    const consultation = ['consultation', 'add', '--title', 'Ny høring', '--areas', 'psykiatri', '--patient-groups', 'depression', '--deadline', '2027-01-30'];
    const open = await run(dir, [...consultation, '--opens', '2026-12-10', '--status', 'åben']);
    expect(open.code).toBe(2);
    expect(open.stderr).toBe('fejl: en høring, der åbner efter i dag (10. dec. 2026), kan ikke oprettes som åben: den er ikke sendt ud endnu. Udelad --status, så den oprettes som planlagt, og åbn den på åbningsdagen med civsam consultation open 2026-ny-hoering.\n');
    const closed = await run(dir, [...consultation, '--opens', '2026-11-10', '--status', 'lukket']);
    expect(closed.stderr).toBe('fejl: en høring, hvis frist (30. jan. 2027) ligger efter i dag, kan ikke oprettes som lukket. Opret den uden --status, og luk den med civsam consultation close 2026-ny-hoering --early --reason TEKST, som siger, hvad det kræver at lukke før fristen.\n');
    const call = await run(dir, ['call', 'add', '--title', 'Nyt opslag', '--areas', 'psykiatri', '--scope', 'regional', '--published', '2026-12-01', '--deadline', '2027-01-15', '--channel', 'public', '--criteria', 'Kvalitet', '--status', 'closed'], 'en');
    expect(call.stderr).toBe('error: a call whose deadline (15 Jan 2027) is after today cannot be added as closed. Add it without --status, and close it with civsam call close 2026-nyt-opslag, which says what closing before the deadline takes.\n');
  });
  it('near miss: a past consultation added closed, one opening today added open', async () => {
    const dir = makeFolder(files());
    const add = (opens: string, deadline: string, status: string) => run(dir, ['consultation', 'add', '--title', `Høring ${status}`, '--areas', 'psykiatri', '--patient-groups', 'depression', '--opens', opens, '--deadline', deadline, '--status', status]);
    expect((await add('2026-10-01', '2026-11-15', 'lukket')).code).toBe(0);
    expect((await add('2026-12-06', '2027-01-15', 'åben')).code).toBe(0);
  });
});

describe('consultation report: the opening day in its tense', () => {
  const report = (opens: string, status: string, lang = 'da', format = 'table') => civsam(['--data', makeFolder(files({ 'consultations/h1.yaml': CONSULTATION.replace('opens: 2026-11-20', `opens: ${opens}`).replace('status: planned', `status: ${status}`) })), 'consultation', 'report', 'h1', '--format', format], { env: { CIVSAM_LANG: lang } });
  it('says a future opening day as ahead, in both languages and in the høringsnotat', async () => {
    expect((await report('2026-12-10', 'planned')).stdout.split('\n')[1]).toBe('Åbner 10. dec. 2026, frist 30. dec. 2026 (20 dage). Status: planlagt.');
    expect((await report('2026-12-10', 'planned', 'en')).stdout.split('\n')[1]).toBe('Opens 10 Dec 2026, deadline 30 Dec 2026 (20 days). Status: planned.');
    expect((await report('2026-12-10', 'planned', 'da', 'md')).stdout).toContain('Høringen »Høring om planen« åbner 10. dec. 2026 og har frist 30. dec. 2026 (20 dage).');
  });
  it('a planned one whose opening day has passed was to open; near miss: one that opened', async () => {
    expect((await report('2026-11-20', 'planned')).stdout.split('\n')[1]).toBe('Skulle have åbnet 20. nov. 2026, frist 30. dec. 2026 (40 dage). Status: planlagt.');
    expect((await report('2026-11-20', 'open')).stdout.split('\n')[1]).toBe('Åbnede 20. nov. 2026, frist 30. dec. 2026 (40 dage). Status: åben.');
    expect((await report('2026-11-20', 'open', 'da', 'md')).stdout).toContain('Høringen »Høring om planen« løb fra 20. nov. 2026 til 30. dec. 2026 (40 dage).');
    // Still planned past its day: the høringsnotat never says it ran.
    const planned = (await report('2026-11-20', 'planned', 'da', 'md')).stdout;
    expect(planned).not.toContain('løb fra');
    expect(planned).toContain('Høringen »Høring om planen« åbner 20. nov. 2026');
  });
});
