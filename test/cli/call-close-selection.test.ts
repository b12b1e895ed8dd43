// `call close` on a call with applications takes who applied and who was selected from them
// rather than writing lists of its own (one fact in one place), and says them, by name, with the
// diff of a dry run and after the write, and which applications still lack a decision. A call
// closed with no applications and no --applicants is told it says nobody applied.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder, org, type Files } from '../helpers/folder.js';

const CALL = 'id: c1\ntitle: Opslaget\nareas: [psychiatry]\nscope: regional\npublished: 2026-01-05\ndeadline: 2026-02-01\nchannel: public\ncriteria: [Kvalitet]\nstatus: open\n';
const app = (id: string, o: string, decision = '') => `id: ${id}\ncall: c1\norganisations: [${o}]\namount_dkk: 1000\nkind: operation\nreceived: 2026-01-20\n${decision}`;
const GRANTED = 'decision:\n  outcome: granted\n  date: 2026-03-01\n  reason: God\n';
const REFUSED = 'decision:\n  outcome: refused\n  date: 2026-03-01\n  reason: Uden for formålet\n';
const files = (extra: Files = {}): Files => ({ ...baseFiles(), 'organisations/beta.yaml': org('beta', 'Beta Forening'), 'organisations/gamma.yaml': org('gamma', 'Gamma Forening'), 'calls/c1.yaml': CALL, ...extra });
const run = (dir: string, args: string[], lang = 'da') => civsam(['--data', dir, ...args, '--no-commit'], { env: { CIVSAM_LANG: lang, COLUMNS: '400' } });

describe('call close with applications', () => {
  it('says who applied and who was selected, from the applications, with a dry run\'s diff, in both languages', async () => {
    const dir = makeFolder(files({ 'applications/a1.yaml': app('a1', 'alpha', GRANTED), 'applications/a2.yaml': app('a2', 'beta', REFUSED), 'applications/a3.yaml': app('a3', 'gamma') }));
    const dry = await run(dir, ['call', 'close', 'c1', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('+status: closed');
    expect(dry.stderr.split('\n').slice(-3)).toEqual([
      'Hvem der søgte, og hvem der blev valgt, tages fra opslagets 3 ansøgninger og skrives ikke i opslaget: 3 organisationer søgte (Alpha Forening, Beta Forening og Gamma Forening), og 1 blev valgt (Alpha Forening). civsam application list --call c1 viser dem.',
      'Bemærk: 1 ansøgning mangler endnu en afgørelse (a3), så den tæller som søgt, men ikke valgt. Registrér afgørelsen med civsam application decide a3 --decision AFGØRELSE.',
      '',
    ]);
    const closed = await run(dir, ['call', 'close', 'c1']);
    expect(closed.code).toBe(0);
    expect(closed.stderr).toContain('3 organisationer søgte');
    const english = await run(makeFolder(files({ 'applications/a1.yaml': app('a1', 'alpha', GRANTED), 'applications/a2.yaml': app('a2', 'beta', GRANTED) })), ['call', 'close', 'c1'], 'en');
    expect(english.stderr).toContain('Who applied and who was selected are taken from the call\'s 2 applications, not written in the call: 2 organisations applied (Alpha Forening and Beta Forening), and 2 were selected (Alpha Forening and Beta Forening). civsam application list --call c1 shows them.\n');
    expect(english.stderr).not.toContain('no decision');
    // The lists stay out of the file: the applications say it.
    const file = readFileSync(join(dir, 'calls/c1.yaml'), 'utf8');
    expect(file).toContain('status: closed');
    expect(file).not.toMatch(/applicants|selected/);
  });

  it('a call closed with neither applications nor --applicants is told it says nobody applied; near miss: --applicants given', async () => {
    const r = await run(makeFolder(files()), ['call', 'close', 'c1']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Bemærk: der er ingen registrerede ansøgninger til opslaget c1, og --applicants er ikke angivet, så opslaget lukkes uden at sige, hvem der søgte, og hvem der blev valgt. Registrér ansøgningerne med civsam application add --call c1 (deres afgørelser viser så, hvem der blev valgt), eller angiv listerne med civsam call close c1 --applicants ORGANISATIONER --selected ORGANISATIONER.\n');
    const given = await run(makeFolder(files()), ['call', 'close', 'c1', '--applicants', 'alpha,beta', '--selected', 'alpha']);
    expect(given.code).toBe(0);
    expect(given.stderr).not.toContain('Bemærk');
    expect(given.stderr).not.toContain('tages fra');
  });
});
