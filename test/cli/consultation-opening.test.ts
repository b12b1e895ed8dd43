// A consultation is counted from the day it was sent out: opened after its planned day, that day
// becomes its opening day (the planned one kept), said with the window its deadline now leaves, so
// responses dated before it are refused and the audit's short-deadline rule measures the real
// window. Nor is it sent out while its hearing list has an error-level finding, unless
// --despite-findings gives a reason, which is kept in its file. A planned one takes no response.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';
import { todayIs } from '../helpers/today.js';

const PARTY = (id: string) => `id: ${id}\norganisation: ${id}\nareas: [psychiatry]\nsince: 2020-01-01\nstatus: active\n`;
// Planned to open 1 November, deadline 8 December 2026; alpha invited, beta (eligible too) left out with no reason.
const PLANNED = 'id: h1\ntitle: Sen høring\nareas: [psychiatry]\nopens: 2026-11-01\ndeadline: 2026-12-08\nselection: all\ninvited: [alpha]\nstatus: planned\n';
const OMITTED = PLANNED.replace('status: planned', 'omitted:\n  - party: beta\n    reason: Høres i en særskilt høring\nstatus: planned');
const folder = (consultation: string) => makeFolder({ ...baseFiles(), 'organisations/beta.yaml': org('beta', 'Beta'), 'hearing-parties/alpha.yaml': PARTY('alpha'), 'hearing-parties/beta.yaml': PARTY('beta'), 'consultations/h1.yaml': consultation });
const run = (dir: string, args: string[], lang = 'da') => civsam(['--data', dir, ...args], { env: { CIVSAM_LANG: lang, COLUMNS: '80' } });
const read = (dir: string) => readFileSync(join(dir, 'consultations/h1.yaml'), 'utf8').replace(/^# yaml-language-server: .*\n/, '');

todayIs('2026-12-06');

describe('consultation open after its planned day', () => {
  it('makes today its opening day, keeps the planned day, and says so with the short window it leaves, in both languages', async () => {
    const dir = folder(OMITTED);
    const r = await run(dir, ['consultation', 'open', 'h1', '--no-commit']);
    expect(r.code).toBe(0);
    expect(read(dir)).toBe(OMITTED.replace('opens: 2026-11-01', 'opens: 2026-12-06\nplanned_opens: 2026-11-01').replace('status: planned', 'status: open'));
    expect(r.stderr).toContain('Høringen h1 skulle have åbnet 1. nov. 2026 og åbner i dag, 6. dec. 2026: i dag er nu dens åbningsdag, som fristen regnes fra, og den planlagte dag gemmes i dens fil. '
      + 'Svarfristen 8. dec. 2026 giver parterne 2 dage. Det er mindre end de 28 dage, politikken kræver uden en skriftlig begrundelse: giv en senere frist med civsam consultation edit h1 --deadline ÅÅÅÅ-MM-DD, '
      + 'eller skriv begrundelsen for den korte frist med civsam consultation edit h1 --deadline-reason TEKST.\n');
    const en = await run(folder(OMITTED), ['consultation', 'open', 'h1', '--no-commit'], 'en');
    expect(en.stderr).toContain('Consultation h1 was planned to open on 1 Nov 2026 and opens today, 6 Dec 2026: today is now its opening day, from which its window is counted, and the planned day is kept in its file. '
      + 'The deadline, 8 Dec 2026, gives the parties 2 days. That is less than the 28 days the policy asks for without a written reason');
  });

  it('then refuses a response dated before the day it was sent, and the audit measures the window from it', async () => {
    const dir = folder(OMITTED);
    expect((await run(dir, ['consultation', 'open', 'h1', '--no-commit'])).code).toBe(0);
    const early = await run(dir, ['consultation', 'respond', 'h1', '--party', 'alpha', '--date', '2026-11-02', '--no-commit']);
    expect(early.code).toBe(2);
    expect(early.stderr).toMatch(/^fejl: svardatoen ligger før høringen »Sen høring« åbnede \d/);
    const audit = JSON.parse((await run(dir, ['consultation', 'audit', 'h1', '--format', 'json'])).stdout) as { findings: Array<{ rule: string; message: string }> };
    expect(audit.findings.filter((f) => f.rule === 'hearing-short-deadline').map((f) => f.message)).toEqual(['fristen ligger 2 dage efter høringens start, færre end de 28 dage, politikken kræver, og der er ingen begrundelse for fristen.']);
  });

  it('near miss: opened on its planned day nothing moves and nothing is said; opened late with time to spare, no word of the minimum', async () => {
    const onTime = folder(OMITTED.replace('opens: 2026-11-01', 'opens: 2026-12-06').replace('deadline: 2026-12-08', 'deadline: 2027-01-15'));
    const r = await run(onTime, ['consultation', 'open', 'h1', '--no-commit']);
    expect(r.code).toBe(0);
    expect(read(onTime)).not.toContain('planned_opens');
    expect(r.stderr).not.toContain('skulle have åbnet');
    const roomy = folder(OMITTED.replace('deadline: 2026-12-08', 'deadline: 2027-01-15'));
    const late = await run(roomy, ['consultation', 'open', 'h1', '--no-commit']);
    expect(late.stderr).toContain('Svarfristen 15. jan. 2027 giver parterne 40 dage.\n');
    expect(late.stderr).not.toContain('politikken');
  });
});

describe('consultation open with an error in its hearing list', () => {
  it('is refused, naming the finding and the fix, and nothing is written', async () => {
    const dir = folder(PLANNED);
    const r = await run(dir, ['consultation', 'open', 'h1', '--no-commit']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe([
      'fejl: høringen h1 blev ikke åbnet: høringslisten har en fejl, som civsam consultation audit h1 også viser, og når høringen er sendt ud, kan en invitation ikke tages tilbage:',
      '  – Høringsberettiget part udeladt: høringsberettigede parter, der hverken er',
      '    inviteret eller opført som udeladt med en begrundelse: Beta.',
      'Ret listen først (civsam consultation invite h1 PART, eller civsam consultation omit h1 PART --reason TEKST for en part, der udelades med vilje), og åbn den så. '
        + 'Skal den ud, som den er, så åbn den med --despite-findings --reason TEKST: begrundelsen gemmes i høringens fil.',
      '',
    ].join('\n'));
    expect(read(dir)).toBe(PLANNED);
    const en = await run(dir, ['consultation', 'open', 'h1', '--no-commit'], 'en');
    expect(en.stderr).toMatch(/^error: consultation h1 was not opened: its hearing list has an error that civsam consultation audit h1 also reports/);
  });

  it('--despite-findings needs a reason; with one it opens and keeps which findings and why', async () => {
    const dir = folder(PLANNED);
    const bare = await run(dir, ['consultation', 'open', 'h1', '--despite-findings', '--no-commit']);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toBe('fejl: --despite-findings kræver --reason TEKST: hvorfor høringen sendes ud trods fejlene i høringslisten, gemmes i høringens fil.\n');
    const lone = await run(dir, ['consultation', 'open', 'h1', '--reason', 'Haster', '--no-commit']);
    expect(lone.code).toBe(2);
    expect(read(dir)).toBe(PLANNED);
    const r = await run(dir, ['consultation', 'open', 'h1', '--despite-findings', '--reason', 'Beta høres særskilt', '--no-commit']);
    expect(r.code).toBe(0);
    expect(read(dir)).toContain('status: open\nopened_despite: [hearing-omission]\nopened_despite_reason: Beta høres særskilt\n');
    // The report says when it was planned and what it was sent out despite; JSON gives both.
    const report = await run(dir, ['consultation', 'report', 'h1']);
    // In the høringsnotat's words: a decision kept with its reason and the finding by its name, not an open problem to audit.
    expect(report.stdout).toContain('Åbnede 6. dec. 2026, frist 8. dec. 2026 (2 dage). Status: åben.\nHøringen var planlagt til at åbne 1. nov. 2026, men blev sendt ud senere;\nfristen regnes fra den dag, den blev sendt ud.\n'
      + 'Høringen blev sendt ud trods en fejl i høringslisten: Høringsberettiget part\nudeladt. Begrundelse for at sende høringen ud alligevel: Beta høres særskilt.\n');
    const note = (await run(dir, ['consultation', 'report', 'h1', '--format', 'md'])).stdout;
    expect(note).toContain('\n\nHøringen var planlagt til at åbne 1. nov. 2026, men blev sendt ud senere; fristen regnes fra den dag, den blev sendt ud.\n\n'
      + 'Høringen blev sendt ud trods en fejl i høringslisten: Høringsberettiget part udeladt. Begrundelse for at sende høringen ud alligevel: Beta høres særskilt.\n');
    const json = JSON.parse((await run(dir, ['consultation', 'report', 'h1', '--format', 'json'])).stdout) as { consultation: Record<string, unknown> };
    expect(json.consultation).toMatchObject({ opens: '2026-12-06', planned_opens: '2026-11-01', days: 2, opened_despite: ['hearing-omission'], opened_despite_reason: 'Beta høres særskilt' });
  });

  it('near miss: with the party left out for a written reason it opens; --despite-findings is then refused, there being nothing to open despite', async () => {
    const refused = await run(folder(OMITTED), ['consultation', 'open', 'h1', '--despite-findings', '--reason', 'Haster', '--no-commit']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe('fejl: civsam consultation audit finder ingen fejl i høringslisten for høringen h1, så --despite-findings kan ikke bruges her. Udelad --despite-findings og --reason.\n');
    const dir = folder(OMITTED);
    expect((await run(dir, ['consultation', 'open', 'h1', '--no-commit'])).code).toBe(0);
    expect(read(dir)).not.toContain('opened_despite');
  });
});

describe('consultation respond to a planned consultation', () => {
  it('is refused: not sent out, it can have had no response', async () => {
    const dir = folder(OMITTED);
    const r = await run(dir, ['consultation', 'respond', 'h1', '--party', 'alpha', '--date', '2026-11-25', '--no-commit']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('fejl: høringen h1 er planlagt og ikke sendt ud endnu, så der kan ikke være kommet svar. Åbn den først med civsam consultation open h1, og registrér så svarene.\n');
    expect(read(dir)).toBe(OMITTED);
  });
});

describe('consultation open --now on a consultation open already', () => {
  it('is refused: the day it went out stands (its responses and window are counted from it); near miss: open again without --now changes nothing', async () => {
    const open = OMITTED.replace('status: planned', 'status: open');
    const dir = folder(open);
    const r = await run(dir, ['consultation', 'open', 'h1', '--now', '--no-commit']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('fejl: høringen h1 er allerede åben, og den dag, den åbnede, står fast: fristen og svarene regnes fra den. --now åbner en planlagt høring før dens dag; udelad det.\n');
    expect(read(dir)).toBe(open);
    const again = await run(dir, ['consultation', 'open', 'h1', '--no-commit']);
    expect(again.code).toBe(0);
    expect(read(dir)).toBe(open);
  });
});

describe('consultation edit of the opening day once it is sent out', () => {
  const REFUSED_DA = 'fejl: høringen h1 er sendt ud, og den dag, den åbnede, står fast: fristen og svarene regnes fra den, og den planlagte åbningsdag gemmes ved siden af. Lad begge stå, som de er. '
    + 'Blev høringen markeret som åben ved en fejl, før den blev sendt ud, så sæt den tilbage med civsam consultation edit h1 --status planlagt, og åbn den med civsam consultation open h1 den dag, den sendes ud.\n';

  it('is refused by --opens, --unset and --from-file alike, open or closed, in both languages, and nothing is written', async () => {
    const dir = folder(OMITTED);
    expect((await run(dir, ['consultation', 'open', 'h1', '--no-commit'])).code).toBe(0);
    const opened = read(dir);
    expect(opened).toContain('opens: 2026-12-06\nplanned_opens: 2026-11-01\n');
    expect(await run(dir, ['consultation', 'edit', 'h1', '--opens', '2026-11-01', '--no-commit'])).toEqual({ code: 2, stdout: '', stderr: REFUSED_DA });
    expect(await run(dir, ['consultation', 'edit', 'h1', '--unset', 'planned_opens', '--no-commit'])).toEqual({ code: 2, stdout: '', stderr: REFUSED_DA });
    expect(await run(dir, ['consultation', 'edit', 'h1', '--unset', 'opens', '--no-commit'])).toEqual({ code: 2, stdout: '', stderr: REFUSED_DA });
    const file = join(makeFolder({ 'h1.yaml': opened.replace('opens: 2026-12-06', 'opens: 2026-11-01') }), 'h1.yaml');
    expect(await run(dir, ['consultation', 'edit', 'h1', '--from-file', file, '--no-commit'])).toEqual({ code: 2, stdout: '', stderr: REFUSED_DA });
    expect(read(dir)).toBe(opened);
    // So a response from before the day it went out is still refused.
    expect((await run(dir, ['consultation', 'respond', 'h1', '--party', 'alpha', '--date', '2026-11-05', '--no-commit'])).code).toBe(2);
    const closed = folder(opened.replace('status: open', 'status: closed'));
    expect(await run(closed, ['consultation', 'edit', 'h1', '--opens', '2026-11-01', '--no-commit'], 'en')).toEqual({
      code: 2, stdout: '',
      stderr: 'error: consultation h1 has been sent out, and the day it opened stands: its deadline and its responses are counted from it, and the day it was planned to open is kept beside it. Leave both as they are. '
        + 'If it was marked as open by mistake and has not been sent out, set it back with civsam consultation edit h1 --status planned, and open it with civsam consultation open h1 on the day it goes out.\n',
    });
  });

  it('near miss: other fields of an open one are edited; a planned one, or one set back to planned, has its opening day moved', async () => {
    const dir = folder(OMITTED);
    expect((await run(dir, ['consultation', 'edit', 'h1', '--opens', '2026-11-02', '--no-commit'])).code).toBe(0);
    expect((await run(dir, ['consultation', 'open', 'h1', '--no-commit'])).code).toBe(0);
    expect((await run(dir, ['consultation', 'edit', 'h1', '--opens', '2026-12-06', '--title', 'Ny titel', '--no-commit'])).code).toBe(0);
    expect((await run(dir, ['consultation', 'edit', 'h1', '--status', 'planlagt', '--opens', '2026-12-07', '--no-commit'])).code).toBe(0);
    expect(read(dir)).toContain('title: Ny titel\n');
    expect(read(dir)).toContain('opens: 2026-12-07\nplanned_opens: 2026-11-02\n');
  });
});
