// The hearing commands run as a user runs them: the built binary on the bundled sample data and on
// copies of it, in both languages, with their exit codes (0 ok, 1 findings, 2 invalid or refused).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { civsam, ROOT } from '../helpers/cli.js';
import { makeFolder } from '../helpers/folder.js';
import { hearingFiles } from '../hearing/fixture.js';

const DATA = join(ROOT, 'data');
const AS_OF = ['--as-of', '2026-11-23'];
const PLANTED = '2026-workshop-parorendeinddragelse';
const copies: string[] = [];
afterAll(() => { for (const d of copies) rmSync(d, { recursive: true, force: true }); });
function copyOfData(): string {
  const dir = mkdtempSync(join(tmpdir(), 'civsam-hearing-'));
  copies.push(dir);
  cpSync(DATA, dir, { recursive: true });
  return dir;
}
const run = (args: string[], env?: Record<string, string>) => civsam(['--data', DATA, ...args], { env });

describe('civsam consultation audit', () => {
  it('finds the planted unfair rotation: a warning, so exit 0 by default and 1 with --fail-on warning', async () => {
    const r = await run(['consultation', 'audit', PLANTED, ...AS_OF]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('\nThe same parties keep the seats\n');
    expect(r.stdout).toContain('Principle: Fair hearing. What the rule checks: civsam audit --explain hearing-rotation');
    expect(r.stdout).toMatch(/1 warning for consultation 2026-workshop-parorendeinddragelse \(as of 23 Nov 2026\)\.\n$/);
    expect((await run(['consultation', 'audit', PLANTED, ...AS_OF, '--fail-on', 'warning'])).code).toBe(1);
  });

  it('gives the finding in the audit\'s JSON shape', async () => {
    const r = await run(['consultation', 'audit', PLANTED, ...AS_OF, '--format', 'json']);
    expect(JSON.parse(r.stdout)).toEqual({
      findings: [{
        rule: 'hearing-rotation', severity: 'warning', principle: 'fair-hearing',
        subject: { kind: 'consultation', id: PLANTED, name: 'Workshop om pårørendeinddragelse ved psykose og bipolar lidelse' },
        related: [
          ...['bipolarkredsen-vest', 'recoverynetvaerket-midt', 'parorendeforeningen-midt', 'psykiatriparaplyen-midt', 'brugerforeningen-stemmen'].map((id) => ({ kind: 'hearing-party', id, name: expect.any(String) })),
          ...['2024-dialogmoede-recovery', '2025-panel-udskrivning', '2026-workshop-tvangsforebyggelse'].map((id) => ({ kind: 'consultation', id, name: expect.any(String) })),
        ],
        message: 'passed over in all 3 earlier limited consultations of overlapping scope: Bipolarkredsen Vest; seated in every one of them: Recoverynetværket Midt, Pårørendeforeningen Midt – for pårørende til psykisk syge, Psykiatriparaplyen Midt, Brugerforeningen Stemmen.',
      }],
      summary: {
        asOf: '2026-11-23', findings: 1, errors: 0, warnings: 1,
        byRule: { 'hearing-omission': 0, 'hearing-seats': 0, 'hearing-rotation': 1, 'hearing-out-of-scope': 0, 'hearing-short-deadline': 0, 'hearing-not-opened': 0, 'hearing-points-undecided': 0, 'hearing-closed-early': 0 },
      },
    });
  });

  it('exits 1 on the planted omission (an error), in Danish', async () => {
    const r = await run(['--lang', 'da', 'consultation', 'audit', '2026-frivillige-paa-hospitalerne', ...AS_OF]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('\nHøringsberettiget part udeladt\n');
    expect(r.stdout).toContain('høringspart: hjertevennerne-viborg');
    expect(r.stdout).toContain('lungeklubben-herning');
    expect(r.stdout).toContain('1 fejl for høringen 2026-frivillige-paa-hospitalerne (pr. 23. nov. 2026).');
  });

  it('a sound consultation: no findings, exit 0, Markdown for the case file', async () => {
    const r = await run(['consultation', 'audit', '2026-model-civilsamfund', ...AS_OF, '--format', 'md', '--fail-on', 'warning']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('# Consultation audit: Høring over udkast til model for samarbejde med civilsamfundet (2026-model-civilsamfund)\n\nNo findings: the hearing list of 2026-model-civilsamfund follows the rules (as of 23 Nov 2026).\n');
  });

  it('an unknown consultation, a bad date and an invalid folder are exit 2 with a message, no stack trace', async () => {
    const unknown = await run(['consultation', 'audit', 'no-such-thing']);
    expect(unknown).toMatchObject({ code: 2, stdout: '' });
    expect(unknown.stderr).toBe('error: there is no consultation with the id no-such-thing. See them with civsam consultation list, or search with civsam find and part of the name.\n');
    expect((await run(['consultation', 'audit', PLANTED, '--as-of', '2026-02-30'])).stderr).toBe('error: --as-of is written as a date, but the calendar has no such day: check the month (01 to 12) and the day of the month. Write it as YYYY-MM-DD, for example 2026-11-23.\n');
    const bad = makeFolder({ 'civsam.yaml': 'region: [\n' });
    const invalid = await civsam(['--data', bad, 'consultation', 'audit', PLANTED]);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toMatch(/^error: the data folder .* has \d+ errors?/);
    expect(invalid.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('civsam consultation plan', () => {
  it('at 80 columns: each party by its organisation\'s name, every date whole, and what decides said once in the heading, not again in each reason', async () => {
    const r = await run(['consultation', 'plan', '--area', 'sundhed', '--seats', '2', '--opens', '2027-03-01', ...AS_OF], { CIVSAM_LANG: 'da', COLUMNS: '80' });
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    expect(r.stdout).toContain('\nRotationshistorik (begrænsede pladser): ingen, så pladserne går først til dem,\nder har ventet længst på en invitation til de seneste høringer om emnet.\n');
    // The party by name, as it is typed (consultation invite, omit); no line of ids.
    expect(lines.filter((l) => /^Part:/.test(l))).toEqual([]);
    expect(r.stdout).toContain([
      'Organisation: Besøgsvennerne Vestjylland', 'På listen siden: 1. feb. 2021', 'Inviteret: 1 af 2', 'Senest inviteret: 9. nov. 2026', 'Svar: 0',
      'Begrundelse: de foreslåede har ventet længere på en invitation', '',
    ].join('\n'));
    expect(r.stdout).toContain('Begrundelse: ✓ andre har ventet lige så længe på en invitation og er inviteret\n  lige så ofte, men denne part har været længere på høringslisten\n');
    // No date split over two lines (`9.` / `nov. 2026`), and no reason repeats its row's dates.
    expect(lines.filter((l) => /(^|\s)\d{1,2}\.$/.test(l))).toEqual([]);
    expect(r.stdout).not.toMatch(/Begrundelse:[^\n]*(senest inviteret|siden|ingen tidligere høring)/);
    // JSON keeps the ids for scripts.
    const json = JSON.parse((await run(['consultation', 'plan', '--area', 'sundhed', '--seats', '2', '--opens', '2027-03-01', ...AS_OF, '--format', 'json'])).stdout);
    expect(json.parties[0]).toMatchObject({ party: expect.any(String), organisation: expect.any(String), name: expect.any(String) });
  });

  it('two parties of one organisation are told apart by their ids, the only place the plan shows one', async () => {
    const dir = makeFolder(hearingFiles({ pa: { since: '2015-01-01', org: 'shared' }, pb: { since: '2016-01-01', org: 'shared' }, pc: { since: '2017-01-01' } }, { t: { opens: '2026-06-01', seats: 2 } }));
    const r = await civsam(['--data', dir, 'consultation', 'plan', 't', '--format', 'csv'], { env: { CIVSAM_LANG: 'da' } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\r\n').map((l) => l.split(';').slice(0, 2).join(';'))).toEqual(['\uFEFFNr.;Organisation', '1;Forening pa (pa)', '2;Forening pa (pb)', ';Forening pc', '']);
  });

  it('proposes the party passed over and the three longest on the list among those seated last time', async () => {
    const r = await run(['consultation', 'plan', PLANTED, ...AS_OF, '--format', 'json']);
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.stdout);
    expect(plan.proposal).toEqual(['bipolarkredsen-vest', 'psykiatriparaplyen-midt', 'parorendeforeningen-midt', 'recoverynetvaerket-midt']);
    expect(plan.rotation_history).toEqual(['2024-dialogmoede-recovery', '2025-panel-udskrivning', '2026-workshop-tvangsforebyggelse']);
    expect(plan.parties[0]).toMatchObject({ party: 'bipolarkredsen-vest', waited: null, proposed: true, rank: 1, reason: 'waits longest: no seat in the 3 latest consultations with limited seats' });
    expect(plan.parties[4]).toMatchObject({ party: 'brugerforeningen-stemmen', waited: 0, proposed: false, rank: null, reason: 'had a seat in the latest consultation with limited seats; those proposed waited as long, but have been on the hearing list longer' });
  });

  it('--apply writes only invited, and the audit then finds nothing; a second --apply writes nothing', async () => {
    const dir = copyOfData();
    const file = join(dir, 'consultations', `${PLANTED}.yaml`);
    const before = readFileSync(file, 'utf8');
    const r = await civsam(['--data', dir, 'consultation', 'plan', PLANTED, '--apply']);
    expect(r).toMatchObject({ code: 0, stdout: '' });
    // Whom it invited, by the organisations' names, after the file it saved.
    expect(r.stderr).toBe(`Saved ${join(dir, 'consultations', `${PLANTED}.yaml`)}.\nInvited: 4 parties: Bipolarkredsen Vest, Psykiatriparaplyen Midt, Pårørendeforeningen Midt – for pårørende til psykisk syge, Recoverynetværket Midt.\n`);
    const after = readFileSync(file, 'utf8');
    expect(after).toBe(before.replace(
      'invited:\n  - recoverynetvaerket-midt\n  - parorendeforeningen-midt\n  - psykiatriparaplyen-midt\n  - brugerforeningen-stemmen\n',
      'invited:\n  - bipolarkredsen-vest\n  - psykiatriparaplyen-midt\n  - parorendeforeningen-midt\n  - recoverynetvaerket-midt\n',
    ));
    for (const comment of before.split('\n').filter((l) => l.trimStart().startsWith('#'))) expect(after).toContain(comment);
    const audit = await civsam(['--data', dir, 'consultation', 'audit', PLANTED, ...AS_OF, '--fail-on', 'warning', '--format', 'json']);
    expect(audit.code).toBe(0);
    expect(JSON.parse(audit.stdout).findings).toEqual([]);
    expect((await civsam(['--data', dir, 'validate'])).code).toBe(0);
    const again = await civsam(['--data', dir, '--lang', 'da', 'consultation', 'plan', PLANTED, '--apply']);
    expect(again.stderr).toContain('siger allerede det; filen er ikke rørt.');
    expect(readFileSync(file, 'utf8')).toBe(after);
  });

  it('--apply --dry-run shows the change and writes nothing; in a git repository --apply commits it', async () => {
    const dir = copyOfData();
    const file = join(dir, 'consultations', `${PLANTED}.yaml`);
    const before = readFileSync(file, 'utf8');
    const dry = await civsam(['--data', dir, 'consultation', 'plan', PLANTED, '--apply', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('+  - bipolarkredsen-vest');
    expect(readFileSync(file, 'utf8')).toBe(before);
    const git = (...args: string[]) => spawnSync('git', ['-C', dir, '-c', 'user.name=Test', '-c', 'user.email=test@example.org', ...args], { encoding: 'utf8' });
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'start');
    // An identity for the commit, so the test does not depend on the machine's git configuration.
    const identity = { GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.org', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.org' };
    const r = await civsam(['--data', dir, 'consultation', 'plan', PLANTED, '--apply'], { env: identity });
    expect(r.code).toBe(0);
    expect(git('status', '--porcelain').stdout).toBe('');
    expect(git('log', '--format=%s', '-1').stdout).toContain(PLANTED);
  });

  it('--apply refuses a consultation that has gone out, and changes nothing', async () => {
    const dir = copyOfData();
    const file = join(dir, 'consultations', '2026-frivillige-paa-hospitalerne.yaml');
    const before = readFileSync(file, 'utf8');
    const r = await civsam(['--data', dir, 'consultation', 'plan', '2026-frivillige-paa-hospitalerne', '--apply']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error: consultation 2026-frivillige-paa-hospitalerne is open; --apply changes only planned consultations, so a list that has gone out is never rewritten. Change it by hand if you must.\n');
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('plans a consultation not yet registered from --area, --patient-group and --seats', async () => {
    // Three parties heard on depression, none ever seated: the two longest on the list get the seats.
    const dir = makeFolder(hearingFiles({ pa: { since: '2015-01-01' }, pb: { since: '2016-01-01' }, pc: { since: '2017-01-01' } }, { h1: { opens: '2026-03-01', status: 'planned' } }));
    const plan = (args: string[]) => civsam(['--data', dir, 'consultation', 'plan', ...args]);
    const r = await plan(['--area', 'psychiatry', '--patient-group', 'depression', '--seats', '2', '--opens', '2027-02-01', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ consultation: { id: null, selection: 'limited', seats: 2 }, proposal: ['pa', 'pb'] });
    expect((await plan(['--area', 'sport'])).stderr).toBe('error: --area does not take the value you gave. It takes: social, psychiatry, health.\nRun civsam consultation plan --help to see its arguments and options.\n');
    expect((await plan(['h1', '--seats', '2'])).code).toBe(2);
    expect((await plan([])).stderr).toContain('give a consultation id, or --area');
  });

  it('with nobody eligible, says so and how to put an organisation on the standing list', async () => {
    const dir = makeFolder(hearingFiles({ pa: { since: '2015-01-01' } }, {}));
    const r = await civsam(['--data', dir, 'consultation', 'plan', '--area', 'health', '--patient-group', 'diabetes', '--opens', '2027-02-01']);
    expect(r.code).toBe(0);
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('No hearing party is eligible for this consultation: none on the standing hearing list shares an area and a patient group with it. Add an organisation to the list with civsam hearing-party add; civsam hearing-party list shows the list.');
  });

  it('prints a table with the reasons in Danish, readable in a narrow terminal', async () => {
    const r = await run(['--lang', 'da', 'consultation', 'plan', PLANTED, ...AS_OF], { COLUMNS: '60' });
    expect(r.code).toBe(0);
    const flat = r.stdout.replace(/\s+/g, ' ');
    // The opening day is the consultation file's, not something the README promises.
    const opens = /\nopens: (\d{4})-(\d{2})-(\d{2})\n/.exec(readFileSync(join(DATA, 'consultations', `${PLANTED}.yaml`), 'utf8'))!;
    const month = ['jan.', 'feb.', 'mar.', 'apr.', 'maj', 'jun.', 'jul.', 'aug.', 'sep.', 'okt.', 'nov.', 'dec.'][Number(opens[2]) - 1];
    expect(flat).toContain(`Udvælgelse: 4 pladser. Åbner ${Number(opens[3])}. ${month} ${opens[1]}.`);
    // Earlier consultations by their titles, as the parties are named, not by their ids.
    expect(flat).toContain('Rotationshistorik (begrænsede pladser): »Dialogmøde om recovery og brugerinddragelse på sengeafsnittene«, »Panel om udskrivningsforløb i psykiatrien«, »Workshop om forebyggelse af tvang – civilsamfundets erfaringer«.');
    expect(flat).toContain('Historik: de 4 seneste tidligere høringer med overlappende emne: »Dialogmøde om recovery');
    expect(flat).toContain('Foreslået: 4 af 5 høringsberettigede parter.');
    for (const l of r.stdout.split('\n')) expect(l.length).toBeLessThanOrEqual(60);
    expect(r.stderr).toBe(`Skriv forslaget ind i høringen med: civsam consultation plan ${PLANTED} --apply\n`);
  });
});

describe('civsam consultation plan numbers', () => {
  it('numbers the proposed parties 1, 2, 3 without a gap where a party is left out', async () => {
    const r = await run(['--lang', 'da', 'consultation', 'plan', '2026-model-civilsamfund', ...AS_OF, '--format', 'json']);
    const parties = JSON.parse(r.stdout).parties as { proposed: boolean; rank: number | null }[];
    expect(parties.some((p) => !p.proposed)).toBe(true);
    const leftOutAt = parties.findIndex((p) => !p.proposed);
    expect(parties.slice(leftOutAt + 1).some((p) => p.proposed)).toBe(true);
    expect(parties.filter((p) => p.proposed).map((p) => p.rank)).toEqual(parties.filter((p) => p.proposed).map((_, i) => i + 1));
    expect(parties.filter((p) => !p.proposed).every((p) => p.rank === null)).toBe(true);
    const text = await run(['--lang', 'da', 'consultation', 'plan', '2026-model-civilsamfund', ...AS_OF], { COLUMNS: '80' });
    const numbers = [...text.stdout.matchAll(/^Nr\.: (\d+)$/gm)].map((m) => Number(m[1]));
    expect(numbers.length).toBe(parties.filter((p) => p.proposed).length);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
  });
});

describe('civsam consultation list-parties', () => {
  it('lists the invited organisations in Danish alphabetical order', async () => {
    const r = await run(['consultation', 'list-parties', '2026-model-civilsamfund', '--format', 'json']);
    expect(r.code).toBe(0);
    const parties = JSON.parse(r.stdout).parties as { party: string; name: string }[];
    const invited = /invited:\n((?:  - .*\n)+)/.exec(readFileSync(join(DATA, 'consultations', '2026-model-civilsamfund.yaml'), 'utf8'))![1];
    expect(parties.map((p) => p.party).sort()).toEqual(invited.trim().split('\n').map((l) => l.replace(/^\s*- /, '')).sort());
    const names = parties.map((p) => p.name);
    expect(names).toEqual([...names].sort(new Intl.Collator('da').compare));
    const table = await run(['consultation', 'list-parties', '2026-model-civilsamfund']);
    expect(table.stdout.startsWith('Hearing list: Høring over udkast til model for samarbejde med civilsamfundet\n')).toBe(true);
    expect(table.stdout).toContain(`${parties.length} organisations.`);
  });
  it('shows functional addresses only with --include-contacts, never a contact person', async () => {
    const plain = await run(['consultation', 'list-parties', '2026-model-civilsamfund', '--format', 'csv']);
    expect(plain.stdout).not.toContain('@');
    const r = await run(['consultation', 'list-parties', '2026-model-civilsamfund', '--include-contacts', '--format', 'json']);
    const parties = JSON.parse(r.stdout).parties as { organisation: string; contact: string | null }[];
    for (const p of parties) {
      const org = readFileSync(join(DATA, 'organisations', `${p.organisation}.yaml`), 'utf8');
      const name = /\n  name: (.*)\n/.exec(org)?.[1];
      if (name) expect(r.stdout).not.toContain(name);
    }
    expect(parties.find((p) => p.organisation === 'bipolarkredsen-vest')?.contact).toBe('kontakt@bipolarkredsen-vest.dk');
    expect(parties.find((p) => p.organisation === 'brugerforeningen-stemmen')?.contact).toBeNull();
    expect(r.stderr).toMatch(/^Contact addresses left out because they are not known functional addresses \(they may name a person\): \d+\./);
  });
});

describe('civsam consultation report and hearing-party history', () => {
  it('reports a closed consultation: responses marked, the rate, the parties not heard', async () => {
    const r = await run(['consultation', 'report', '2025-psykiatriplan-civilsamfund', ...AS_OF, '--format', 'json']);
    expect(r.code).toBe(0);
    const rep = JSON.parse(r.stdout);
    expect(rep.response_rate).toEqual({ responded: 7, invited: 11, share: 0.636 });
    // Who did not answer follows from the file (invited, less those with a response).
    const text = readFileSync(join(DATA, 'consultations', '2025-psykiatriplan-civilsamfund.yaml'), 'utf8');
    const invited = /invited:\n((?:  - .*\n)+)/.exec(text)![1].trim().split('\n').map((l) => l.replace(/^\s*- /, ''));
    const answered = [...text.matchAll(/- party: (\S+)\n\s+received:/g)].map((m) => m[1]);
    expect(rep.invited.filter((p: { responded: boolean }) => !p.responded).map((p: { party: string }) => p.party).sort())
      .toEqual(invited.filter((p) => !answered.includes(p)).sort());
    const table = await run(['--lang', 'da', 'consultation', 'report', '2025-psykiatriplan-civilsamfund', ...AS_OF]);
    expect(table.stdout).toContain('Svarprocent: 7 af 11 (63,6 %).');
  });
  it('warns on stderr when the deadline has not passed', async () => {
    const r = await run(['consultation', 'report', '2026-model-civilsamfund', ...AS_OF]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('Note: the deadline (26 Jan 2027) has not passed as of 23 Nov 2026; responses may\nstill come.\n');
  });
  it('gives an organisation\'s history, and exit 2 for an unknown one', async () => {
    const r = await run(['hearing-party', 'history', 'bipolarkredsen-vest', '--format', 'json']);
    expect(r.code).toBe(0);
    const h = JSON.parse(r.stdout);
    expect(h.consultations.filter((c: { eligible: boolean; invited: boolean }) => c.eligible && !c.invited).map((c: { consultation: string }) => c.consultation))
      .toEqual(['2024-dialogmoede-recovery', '2025-panel-udskrivning', '2026-workshop-tvangsforebyggelse', PLANTED]);
    expect((await run(['hearing-party', 'history', 'nobody'])).code).toBe(2);
  });
  it('has help with examples in Danish', async () => {
    const r = await run(['--lang', 'da', 'consultation', 'plan', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Eksempler:');
    expect(r.stdout).toContain('civsam consultation plan 2026-workshop-parorendeinddragelse --apply');
  });
});

describe('civsam consultation report with one seat', () => {
  it('says the party not invited did not get the seat, in words a reader says (not "en af de 1 pladser")', async () => {
    const dir = makeFolder(hearingFiles({ pa: { since: '2015-01-01' }, pb: { since: '2016-01-01' } }, { t: { opens: '2026-06-01', seats: 1, invited: ['pa'], status: 'closed' } }));
    const da = await civsam(['--data', dir, 'consultation', 'report', 't', ...AS_OF, '--format', 'md'], { env: { CIVSAM_LANG: 'da' } });
    expect(da.code, da.stderr).toBe(0);
    expect(da.stdout).toContain('fik ikke pladsen');
    expect(da.stdout).not.toContain('af de 1');
    const en = await civsam(['--data', dir, 'consultation', 'report', 't', ...AS_OF, '--format', 'md']);
    expect(en.stdout).toContain('not given the one seat');
  });
});
