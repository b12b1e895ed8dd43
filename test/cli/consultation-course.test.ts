// A consultation's course in order: responses between the opening day and today (late ones marked),
// opened not before its opening day unless --now, closed before its deadline only with a reason.
// The clock is fixed, so "today" is the same on every run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { civsam, civsamBinary } from '../helpers/cli.js';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';
import { messagesOf } from '../helpers/check.js';
import { committedFolder } from '../helpers/team.js';

const PARTY = (id: string) => `id: ${id}\norganisation: alpha\nareas: [psychiatry]\npatient_groups: [depression]\nsince: 2020-01-01\nstatus: active\n`;
// Opens 1 March, deadline 1 April 2026; alpha and beta invited.
const CONSULTATION = 'id: h1\ntitle: Høring om samtalegrupper\nareas: [psychiatry]\nopens: 2026-03-01\ndeadline: 2026-04-01\nselection: all\ninvited: [alpha, beta]\nstatus: open\n';

const folder = (consultation = CONSULTATION) => makeFolder({ ...baseFiles(), 'hearing-parties/alpha.yaml': PARTY('alpha'), 'hearing-parties/beta.yaml': PARTY('beta'), 'consultations/h1.yaml': consultation });
const run = (dir: string, args: string[], lang = 'en') => civsam(['--data', dir, ...args], { env: { CIVSAM_LANG: lang } });
// The file as written, without the schema comment a write puts first.
const read = (dir: string) => readFileSync(join(dir, 'consultations/h1.yaml'), 'utf8').replace(/^# yaml-language-server: .*\n/, '');

function today(iso: string) {
  vi.setSystemTime(new Date(`${iso}T12:00:00`));
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  today('2026-03-15');
});
afterEach(() => {
  vi.useRealTimers();
});

describe('consultation respond', () => {
  test('a response dated after today is refused, in both languages, and the file is left as it was', async () => {
    const dir = folder();
    expect(await run(dir, ['consultation', 'respond', 'h1', 'alpha', '--date', '2026-03-16'])).toEqual({
      code: 2, stdout: '',
      stderr: 'error: the response date is after today (15 Mar 2026): a response is recorded once it has come. Give the day it was received with --date, or leave --date out to use today.\n',
    });
    expect(await run(dir, ['consultation', 'respond', 'h1', 'alpha', '--date', '2026-03-16'], 'da')).toEqual({
      code: 2, stdout: '',
      stderr: 'fejl: svardatoen ligger efter i dag (15. mar. 2026): et høringssvar registreres, når det er kommet. Angiv den dag, svaret kom, med --date, eller udelad --date for at bruge dagens dato.\n',
    });
    expect(read(dir)).toBe(CONSULTATION);
  });

  test('a response dated before the consultation opened is refused; today and the opening day itself are accepted', async () => {
    const dir = folder();
    const before = await run(dir, ['consultation', 'respond', 'h1', 'alpha', '--date', '2026-02-28'], 'da');
    expect(before.code).toBe(2);
    // The consultation by its title, and the day it opened.
    expect(before.stderr).toBe('fejl: svardatoen ligger før høringen »Høring om samtalegrupper« åbnede 1. mar. 2026, så der kan ikke være kommet svar den dag. Angiv den dag, svaret kom, med --date.\n');
    expect((await run(dir, ['consultation', 'respond', 'h1', 'alpha', '--date', '2026-02-28'])).stderr).toBe('error: the response date is before the consultation “Høring om samtalegrupper” opened on 1 Mar 2026, so no response can have come then. Give the day it was received with --date.\n');
    expect(read(dir)).toBe(CONSULTATION);
    expect((await run(dir, ['consultation', 'respond', 'h1', 'alpha', '--date', '2026-03-01'])).code).toBe(0);
    expect((await run(dir, ['consultation', 'respond', 'h1', 'beta'])).code).toBe(0);
    expect(read(dir)).toContain('responses:\n  - party: alpha\n    received: 2026-03-01\n  - party: beta\n    received: 2026-03-15\n');
  });

  test('a response after the deadline is recorded and marked late in the report (table and JSON), in both languages', async () => {
    today('2026-04-10');
    const dir = folder();
    expect((await run(dir, ['consultation', 'respond', 'h1', 'alpha', '--date', '2026-03-20'])).code).toBe(0);
    expect((await run(dir, ['consultation', 'respond', 'h1', 'beta', '--date', '2026-04-03'])).code).toBe(0);
    const json = JSON.parse((await run(dir, ['consultation', 'report', 'h1', '--format', 'json'])).stdout);
    expect(json.invited.map((p: { party: string; received: string; late: boolean }) => [p.party, p.received, p.late])).toEqual([['alpha', '2026-03-20', false], ['beta', '2026-04-03', true]]);
    expect(json.response_rate).toEqual({ responded: 2, invited: 2, share: 1 });
    const en = await run(dir, ['consultation', 'report', 'h1']);
    expect(en.code).toBe(0);
    // Both parties are of one organisation here: their ids tell them apart.
    expect(en.stdout).toMatch(/│ Alpha Forening \(alpha\) │ ✓ 20 Mar 2026 +│/);
    expect(en.stdout).toMatch(/│ Alpha Forening \(beta\) +│ ✓ 3 Apr 2026 \(late\) │/);
    expect(en.stdout).toContain('1 response came after the deadline (marked late).');
    const da = await run(dir, ['consultation', 'report', 'h1'], 'da');
    expect(da.stdout).toMatch(/│ Alpha Forening \(beta\) +│ ✓ 3\. apr\. 2026 \(for sent\) │/);
    expect(da.stdout).toContain('1 svar kom efter fristen (markeret for sent).');
  });
});

describe('consultation open', () => {
  const PLANNED = CONSULTATION.replace('opens: 2026-03-01', 'opens: 2026-03-20').replace('status: open', 'status: planned');

  test('before its opening day it is refused, saying what to do', async () => {
    const dir = folder(PLANNED);
    expect(await run(dir, ['consultation', 'open', 'h1'])).toEqual({
      code: 2, stdout: '',
      stderr: 'error: consultation h1 opens on 20 Mar 2026, and today is 15 Mar 2026. Open it on its opening day, or give --now to open it today and move its opening day to today.\n',
    });
    // The planned opening day is said, beside today.
    expect((await run(dir, ['consultation', 'open', 'h1'], 'da')).stderr).toBe('fejl: høringen h1 åbner først 20. mar. 2026, og i dag er det 15. mar. 2026. Åbn den på åbningsdagen, eller brug --now for at åbne den i dag og flytte åbningsdagen til i dag.\n');
    expect(read(dir)).toBe(PLANNED);
  });

  test('--now opens it today and moves its opening day to today; on or after the opening day no flag is needed', async () => {
    const dir = folder(PLANNED);
    expect((await run(dir, ['consultation', 'open', 'h1', '--now'])).code).toBe(0);
    // The day it was planned is kept beside the day it opened.
    expect(read(dir)).toBe(PLANNED.replace('opens: 2026-03-20', 'opens: 2026-03-15\nplanned_opens: 2026-03-20').replace('status: planned', 'status: open'));
    today('2026-03-20');
    const later = folder(PLANNED);
    expect((await run(later, ['consultation', 'open', 'h1'])).code).toBe(0);
    expect(read(later)).toBe(PLANNED.replace('status: planned', 'status: open'));
  });
});

describe('consultation open after the deadline', () => {
  const CLOSED = CONSULTATION.replace('status: open', 'status: closed');

  test('is refused, closed or planned, with or without --now, saying to give a new deadline first; with one it opens', async () => {
    today('2026-04-02');
    const dir = folder(CLOSED);
    // A closed one is said to be over: opened again, it asks the parties anew.
    expect(await run(dir, ['consultation', 'open', 'h1'], 'da')).toEqual({
      code: 2, stdout: '',
      stderr: 'fejl: høringen h1 er lukket, og dens frist er overskredet (i dag er 2. apr. 2026): høringen er afsluttet, og dens svar og høringsnotat står ved magt. Åbn den kun igen, hvis parterne skal spørges på ny: giv den en ny frist med civsam consultation edit h1 --deadline ÅÅÅÅ-MM-DD, og åbn den så med civsam consultation open h1.\n',
    });
    expect((await run(dir, ['consultation', 'open', 'h1', '--now'])).stderr).toBe('error: consultation h1 is closed and its deadline has passed (today is 2 Apr 2026): the consultation is over, and its responses and høringsnotat stand. Open it again only if the parties are to be asked anew: give it a new deadline with civsam consultation edit h1 --deadline YYYY-MM-DD, then civsam consultation open h1.\n');
    const planned = folder(CLOSED.replace('status: closed', 'status: planned'));
    expect(await run(planned, ['consultation', 'open', 'h1', '--now'], 'da')).toEqual({
      code: 2, stdout: '',
      stderr: 'fejl: fristen for høringen h1 er overskredet (i dag er 2. apr. 2026), og åbnes den nu, har parterne ingen tid til at svare. Giv den først en ny frist med civsam consultation edit h1 --deadline ÅÅÅÅ-MM-DD, og åbn den så med civsam consultation open h1.\n',
    });
    expect(read(dir)).toBe(CLOSED);
    // Neither a name nor an id: refused as such, the escape code not echoed.
    for (const bad of ['../', 'h1\u001b[31m']) {
      const r = await run(dir, ['consultation', 'open', bad], 'da');
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^fejl: det, du angav, er hverken en posts navn eller dens id \(det ligner en sti til en fil/);
      expect(r.stderr).not.toContain('\u001b');
    }
    // On the deadline day itself, and with a new deadline, it opens.
    expect((await run(dir, ['consultation', 'edit', 'h1', '--deadline', '2026-04-20', '--no-commit'])).code).toBe(0);
    expect((await run(dir, ['consultation', 'open', 'h1', '--no-commit'])).code).toBe(0);
    expect(read(dir)).toBe(CONSULTATION.replace('deadline: 2026-04-01', 'deadline: 2026-04-20'));
    today('2026-04-01');
    const onTheDay = folder(CLOSED);
    expect((await run(onTheDay, ['consultation', 'open', 'h1', '--no-commit'])).code).toBe(0);
  });
});

describe('consultation edit --seats', () => {
  const PLANNED = CONSULTATION.replace('selection: all\n', 'selection: limited\nseats: 2\n').replace('status: open', 'status: planned');
  const named = (consultation: string) => makeFolder({
    ...baseFiles(), 'organisations/beta-org.yaml': org('beta-org', 'Beta Samråd'),
    'hearing-parties/alpha.yaml': PARTY('alpha'), 'hearing-parties/beta.yaml': PARTY('beta').replace('organisation: alpha', 'organisation: beta-org'),
    'consultations/h1.yaml': consultation,
  });

  test('below the parties invited is refused, saying who holds the seats and what to do: before it goes out, remove invitations; after, they stay', async () => {
    const dir = named(PLANNED);
    expect(await run(dir, ['consultation', 'edit', 'h1', '--seats', '1'], 'da')).toEqual({
      code: 2, stdout: '',
      stderr: 'fejl: høringen h1 har allerede 2 inviterede parter (Alpha Forening og Beta Samråd), så den kan ikke nøjes med 1 plads. Fjern først invitationer med civsam consultation omit h1 PART --reason TEKST, eller giv den mindst 2 pladser.\n',
    });
    expect(read(dir)).toBe(PLANNED);
    const sent = named(PLANNED.replace('status: planned', 'status: open'));
    expect((await run(sent, ['consultation', 'edit', 'h1', '--seats', '1'])).stderr).toBe('error: consultation h1 already has 2 parties invited (Alpha Forening and Beta Samråd), so it cannot make do with 1 seat. The invitations have gone out and are not taken back; give it at least 2 seats (civsam consultation edit h1 --seats 2).\n');
    // A limited selection chosen with too few seats, likewise.
    const all = named(CONSULTATION);
    expect((await run(all, ['consultation', 'edit', 'h1', '--selection', 'limited', '--seats', '1'], 'da')).stderr).toMatch(/^fejl: høringen h1 har allerede 2 inviterede parter \(Alpha Forening og Beta Samråd\), så den kan ikke nøjes med 1 plads\. Invitationerne er sendt ud/);
    expect(read(all)).toBe(CONSULTATION);
    // As many seats as invited is fine; an id that is none and an escape code are refused as before, not echoed.
    expect((await run(dir, ['consultation', 'edit', 'h1', '--seats', '2', '--title', 'Ny titel', '--no-commit'])).code).toBe(0);
    for (const args of [['../', '--seats', '1'], ['h1', '--seats', '1\u001b[31m']]) {
      const r = await run(dir, ['consultation', 'edit', ...args], 'da');
      expect(r.code).toBe(2);
      expect(r.stderr).not.toContain('\u001b');
      expect(r.stderr).not.toContain('inviterede parter');
    }
  });

  test('a consultation already over its seats (from its file) can still have other fields edited', async () => {
    const over = PLANNED.replace('seats: 2', 'seats: 1');
    const dir = named(over);
    expect((await run(dir, ['consultation', 'edit', 'h1', '--title', 'Ny titel', '--no-commit'])).code).toBe(0);
    expect((await run(dir, ['consultation', 'edit', 'h1', '--seats', '1', '--no-commit'])).code).toBe(0);
  });
});

describe('consultation close', () => {
  test('before the deadline it is refused without --early --reason, in both languages', async () => {
    const dir = folder();
    expect(await run(dir, ['consultation', 'close', 'h1'])).toEqual({
      code: 2, stdout: '',
      stderr: 'error: the deadline of consultation h1 is after today (15 Mar 2026), so parties may still respond. Close it on the deadline or later, or give --early --reason TEXT to close it now and record why.\n',
    });
    expect((await run(dir, ['consultation', 'close', 'h1'], 'da')).stderr).toBe('fejl: fristen for høringen h1 ligger efter i dag (15. mar. 2026), så parterne kan stadig svare. Luk den på fristen eller senere, eller brug --early --reason TEKST for at lukke den nu og skrive hvorfor.\n');
    expect(await run(dir, ['consultation', 'close', 'h1', '--early'])).toMatchObject({ code: 2, stderr: 'error: --early needs --reason TEXT: why the consultation closes before its deadline is kept in its file.\n' });
    expect((await run(dir, ['consultation', 'close', 'h1', '--reason', 'Alle har svaret'], 'da')).stderr).toBe('fejl: --reason hører sammen med --early (lukning før fristen); udelad den, når høringen lukkes på fristen eller senere.\n');
    expect(read(dir)).toBe(CONSULTATION);
  });

  test('--early --reason closes it and keeps the day and the reason in the file; the report says both', async () => {
    const dir = folder();
    expect((await run(dir, ['consultation', 'close', 'h1', '--early', '--reason', 'Alle inviterede har svaret'])).code).toBe(0);
    expect(read(dir)).toBe(CONSULTATION.replace('status: open\n', 'status: closed\nclosed_early: 2026-03-15\nclosed_early_reason: Alle inviterede har svaret\n'));
    expect((await run(dir, ['validate'])).code).toBe(0);
    const da = await run(dir, ['consultation', 'report', 'h1'], 'da');
    expect(da.stdout).toContain('\nLukket før fristen den 15. mar. 2026: Alle inviterede har svaret.\n');
    // Opened again, the day and the reason no longer describe it.
    expect((await run(dir, ['consultation', 'open', 'h1'])).code).toBe(0);
    expect(read(dir)).toBe(CONSULTATION);
  });

  test('from the deadline day on it closes without flags, and --early is refused as not early', async () => {
    today('2026-04-01');
    const dir = folder();
    expect((await run(dir, ['consultation', 'close', 'h1', '--early', '--reason', 'x'], 'da')).stderr).toBe('fejl: fristen for høringen h1 er i dag (1. apr. 2026) eller overskredet, så en lukning nu er ikke før tid. Udelad --early og --reason.\n');
    expect((await run(dir, ['consultation', 'close', 'h1'])).code).toBe(0);
    expect(read(dir)).toBe(CONSULTATION.replace('status: open', 'status: closed'));
  });

  test('closing with points not yet decided says how many and the command that records a decision, and still closes', async () => {
    today('2026-04-01');
    // alpha: point 1 decided, point 2 not; beta: its one point not decided. Three points in all, two undecided from two parties.
    const responses = 'responses:\n  - party: alpha\n    received: 2026-03-10\n    points:\n      - summary: Længere frist\n        disposition: accommodated\n      - summary: Flere møder\n  - party: beta\n    received: 2026-03-11\n    points:\n      - summary: Tolkning\n';
    const withPoints = CONSULTATION + responses;
    const da = await run(folder(withPoints), ['consultation', 'close', 'h1', '--no-commit'], 'da');
    expect(da.code).toBe(0);
    expect(da.stderr).toContain('Bemærk: 2 bemærkninger fra 2 parter mangler endnu regionens stillingtagen, så høringsnotatet kan ikke oplyse, hvad der blev gjort med dem (civsam audit melder det). Registrér, hvad regionen gjorde med hver bemærkning, med civsam consultation note h1 --party PART --index N --disposition VÆRDI --reason TEKST; den første er --party alpha --index 2.\n');
    const dir = folder(withPoints);
    const en = await run(dir, ['consultation', 'close', 'h1', '--no-commit']);
    expect(en.stderr).toContain('Note: 2 points raised by 2 parties have no disposition yet, so the høringsnotat cannot say what was done with them (civsam audit reports it). Record what the region did with each point with civsam consultation note h1 --party PARTY --index N --disposition VALUE --reason TEXT; the first is --party alpha --index 2.\n');
    expect(read(dir)).toBe(withPoints.replace('status: open', 'status: closed'));
    // Every point decided: nothing to say.
    const decided = await run(folder(CONSULTATION + responses.replace(/(summary: (Flere møder|Tolkning))\n/g, '$1\n        disposition: accommodated\n')), ['consultation', 'close', 'h1', '--no-commit'], 'da');
    expect(decided.code).toBe(0);
    expect(decided.stderr).not.toContain('Bemærk');
  });
});

describe('consultation invite: equal terms for every party', () => {
  // Two seats held by alpha and beta; gamma is on the hearing list too. Each of its own organisation.
  const LIMITED = CONSULTATION.replace('selection: all\n', 'selection: limited\nseats: 2\n');
  const seated = (consultation: string) => makeFolder({
    ...baseFiles(), 'organisations/beta-org.yaml': org('beta-org', 'Beta Samråd'), 'organisations/gamma-org.yaml': org('gamma-org', 'Gamma Netværket'),
    'hearing-parties/alpha.yaml': PARTY('alpha'), 'hearing-parties/beta.yaml': PARTY('beta').replace('organisation: alpha', 'organisation: beta-org'),
    'hearing-parties/gamma.yaml': PARTY('gamma').replace('organisation: alpha', 'organisation: gamma-org'),
    'consultations/h1.yaml': consultation,
  });

  test('an invitation past the seats is refused, saying who holds them and what to do; the file is left as it was', async () => {
    const dir = seated(LIMITED);
    expect(await run(dir, ['consultation', 'invite', 'h1', 'gamma'], 'da')).toEqual({
      code: 2, stdout: '',
      stderr: 'fejl: høringen h1 har 2 pladser, og de er alle givet til Alpha Forening og Beta Samråd, så der er ikke plads til flere. Invitationerne er sendt ud og tages ikke tilbage; hæv antallet af pladser med civsam consultation edit h1 --seats ANTAL.\n',
    });
    expect(read(dir)).toBe(LIMITED);
    // With a seat free, two more do not fit either; one does.
    const one = LIMITED.replace('invited: [alpha, beta]', 'invited: [alpha]');
    const dirOne = seated(one);
    expect((await run(dirOne, ['consultation', 'invite', 'h1', 'beta', 'gamma', '--no-commit'])).stderr).toBe('error: consultation h1 has 2 seats, 1 of them given to Alpha Forening, so there is room for only 1 more, not 2. The invitations have gone out and are not taken back; raise the number of seats with civsam consultation edit h1 --seats NUMBER.\n');
    expect(read(dirOne)).toBe(one);
    // Planned, with one seat: its list may still change (omit), and the one seat is said as one.
    const planned = LIMITED.replace('status: open', 'status: planned').replace('seats: 2', 'seats: 1').replace('invited: [alpha, beta]', 'invited: [alpha]');
    expect((await run(seated(planned), ['consultation', 'invite', 'h1', 'gamma'], 'da')).stderr).toBe('fejl: høringen h1 har 1 plads, og den er givet til Alpha Forening, så der er ikke plads til flere. Fjern en invitation med civsam consultation omit h1 PART --reason TEKST, eller hæv antallet af pladser med civsam consultation edit h1 --seats ANTAL.\n');
  });

  test('a consultation that is closed takes no more invitations', async () => {
    const closed = CONSULTATION.replace('status: open', 'status: closed');
    const dir = seated(closed);
    expect(await run(dir, ['consultation', 'invite', 'h1', 'gamma'], 'da')).toEqual({
      code: 2, stdout: '',
      stderr: 'fejl: høringen h1 er lukket, så der kan ikke inviteres flere parter til den: de inviterede har haft deres frist, og en invitation nu ville ikke give parten de samme vilkår som dem. Skal høringen genoptages for alle, så giv den en ny frist med civsam consultation edit h1 --deadline ÅÅÅÅ-MM-DD, og åbn den igen med civsam consultation open h1.\n',
    });
    expect(read(dir)).toBe(closed);
  });

  test('an invitation to an open consultation, answered or not, is not taken back by omit either; a planned one\'s list may change', async () => {
    const answered = CONSULTATION.replace('status: open', 'status: open\nresponses:\n  - party: alpha\n    received: 2026-03-10');
    const dir = seated(answered);
    const r = await run(dir, ['consultation', 'omit', 'h1', 'alpha', '--reason', 'Fejl'], 'da');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^fejl: høringen h1 er sendt ud, og Alpha Forening blev inviteret til den, så invitationen kan ikke tages tilbage bagefter\./);
    expect(read(dir)).toBe(answered);
    const planned = seated(CONSULTATION.replace('status: open', 'status: planned'));
    expect((await run(planned, ['consultation', 'omit', 'h1', 'alpha', '--reason', 'Ikke relevant', '--no-commit'], 'da')).code).toBe(0);
    expect(read(planned)).toContain('invited: [beta]\n');
  });

  test('an invitation to a closed consultation is not taken back by omit; a reason for one not invited may still be written', async () => {
    const closed = CONSULTATION.replace('status: open', 'status: closed');
    const dir = seated(closed);
    expect(await run(dir, ['consultation', 'omit', 'h1', 'alpha', '--reason', 'Fejl'], 'da')).toEqual({
      code: 2, stdout: '',
      stderr: 'fejl: høringen h1 er sendt ud, og Alpha Forening blev inviteret til den, så invitationen kan ikke tages tilbage bagefter. En begrundelse for at udelade en part (--reason) kan kun skrives for parter, der ikke blev inviteret.\n',
    });
    expect((await run(dir, ['consultation', 'omit', 'h1', 'alpha', 'beta', '--reason', 'Mistake'])).stderr).toMatch(/^error: consultation h1 has been sent out, and Alpha Forening and \S.* were invited to it, so the invitations cannot be taken back afterwards\./);
    expect(read(dir)).toBe(closed);
    const r = await run(dir, ['consultation', 'omit', 'h1', 'gamma', '--reason', 'Ikke relevant for emnet', '--no-commit'], 'da');
    expect(r.code, r.stderr).toBe(0);
    expect(read(dir)).toContain('invited: [alpha, beta]\n');
    expect(read(dir)).toMatch(/omitted:\n\s+- party: gamma\n\s+reason: Ikke relevant for emnet\n/);
  });

  test('an open consultation past its deadline takes no more invitations either', async () => {
    today('2026-04-02');
    const dir = seated(CONSULTATION);
    expect(await run(dir, ['consultation', 'invite', 'h1', 'gamma'], 'da')).toEqual({
      code: 2, stdout: '',
      stderr: 'fejl: fristen for høringen h1 er overskredet (i dag er 2. apr. 2026), så der kan ikke inviteres flere parter til den: de inviterede har haft deres frist, og en invitation nu ville ikke give parten de samme vilkår som dem. Skal høringen genoptages for alle, så giv den først en ny frist med civsam consultation edit h1 --deadline ÅÅÅÅ-MM-DD.\n',
    });
    expect(read(dir)).toBe(CONSULTATION);
    expect((await run(dir, ['consultation', 'respond', 'h1', 'gamma', 'beta'], 'da')).stderr).toBe('fejl: denne part blev ikke inviteret, så der kan ikke registreres svar fra den: gamma. Fristen er overskredet, så den kan ikke inviteres nu; civsam consultation show h1 viser, hvem der blev inviteret.\n');
  });

  test('a response from a party not invited advises what can be done: invite it, or not where that is closed or full', async () => {
    const respond = (dir: string) => run(dir, ['consultation', 'respond', 'h1', 'gamma'], 'da');
    expect((await respond(seated(CONSULTATION))).stderr).toBe('fejl: denne part blev ikke inviteret, så der kan ikke registreres svar fra den: gamma. Inviter den først (civsam consultation invite h1 gamma), eller se, hvem der blev inviteret, med civsam consultation show h1.\n');
    expect((await respond(seated(CONSULTATION.replace('status: open', 'status: closed')))).stderr).toBe('fejl: denne part blev ikke inviteret, så der kan ikke registreres svar fra den: gamma. Høringen er lukket, så den kan ikke inviteres nu; civsam consultation show h1 viser, hvem der blev inviteret.\n');
    expect((await respond(seated(LIMITED))).stderr).toBe('fejl: denne part blev ikke inviteret, så der kan ikke registreres svar fra den: gamma. Der er ikke plads til den blandt høringens 2 pladser uden at hæve antallet af pladser (civsam consultation edit h1 --seats ANTAL); civsam consultation show h1 viser, hvem der blev inviteret.\n');
  });

  test('inviting a party left out with a written reason takes the omission and its reason back, and says so and where the reason is kept', async () => {
    const omitted = CONSULTATION.replace('status: open', 'status: planned') + 'omitted:\n  - party: gamma\n    reason: Har bedt om at blive fritaget\n';
    const dir = seated(omitted);
    const da = await run(dir, ['consultation', 'invite', 'h1', 'Gamma Netværket', '--no-commit'], 'da');
    expect(da.code, da.stderr).toBe(0);
    expect(da.stderr).toContain('Gamma Netværket var udeladt af høringen h1 med en skrevet begrundelse; med invitationen tages udeladelsen og begrundelsen tilbage. Datamappen har ingen historik (den er ikke et git-arkiv), så begrundelsen er ikke gemt andre steder.\n');
    // The reason itself is never repeated in the note.
    expect(da.stderr).not.toContain('fritaget');
    expect(read(dir)).toBe(omitted.replace('invited: [alpha, beta]', 'invited: [alpha, beta, gamma]').replace(/omitted:\n.*\n.*\n$/, ''));
    // In a folder with a history, the note says where the reason can still be read.
    const { dir: kept } = committedFolder({ ...baseFiles(), 'organisations/gamma-org.yaml': org('gamma-org', 'Gamma Netværket'), 'hearing-parties/alpha.yaml': PARTY('alpha'), 'hearing-parties/beta.yaml': PARTY('beta'), 'hearing-parties/gamma.yaml': PARTY('gamma').replace('organisation: alpha', 'organisation: gamma-org'), 'consultations/h1.yaml': omitted });
    const en = await run(kept, ['consultation', 'invite', 'h1', 'gamma', '--dry-run']);
    expect(en.stderr).toContain('Gamma Netværket was left out of consultation h1 with a written reason; with the invitation, the omission and its reason are taken back. The reason is kept in the history: civsam history consultation h1\n');
    // A party that was not left out: no note.
    expect((await run(seated(CONSULTATION), ['consultation', 'invite', 'h1', 'gamma', '--no-commit'])).stderr).not.toContain('left out');
  });

  test('within the seats of a consultation not closed, invite adds the party', async () => {
    const dir = seated(LIMITED.replace('seats: 2', 'seats: 3'));
    expect((await run(dir, ['consultation', 'invite', 'h1', 'gamma', 'alpha', '--no-commit'])).code).toBe(0);
    expect(read(dir)).toContain('invited: [alpha, beta, gamma]\n');
  });
});

describe('validate', () => {
  test('a response dated before the consultation opened is reported where it is, in both languages', () => {
    const files = { ...baseFiles(), 'hearing-parties/alpha.yaml': PARTY('alpha'), 'hearing-parties/beta.yaml': PARTY('beta'), 'consultations/h1.yaml': `${CONSULTATION}responses:\n  - party: alpha\n    received: 2026-02-27\n  - party: beta\n    received: 2026-03-02\n` };
    expect(messagesOf(files)).toEqual(['consultations/h1.yaml:11:15 date-order The date in “response no. 1: received” is before the date in “opens”. Correct one of the dates.']);
    // Danish names the fields by their labels, not the data's field names.
    expect(messagesOf(files, 'da')).toEqual(['consultations/h1.yaml:11:15 date-order Datoen i »svar nr. 1: modtaget« ligger før datoen i »åbner«. Ret en af datoerne.']);
  });
});

describe('validate: seats without a limited selection', () => {
  test('is said with the options that mend it, in Danish without the data\'s field names', () => {
    const files = { ...baseFiles(), 'hearing-parties/alpha.yaml': PARTY('alpha'), 'hearing-parties/beta.yaml': PARTY('beta'), 'consultations/h1.yaml': `${CONSULTATION}seats: 2\n` };
    const [da] = messagesOf(files, 'da');
    expect(da).toMatch(/ consultation-seats Et antal pladser bruges kun ved udvælgelsen »begrænset«\. Fjern pladserne \(--unset seats\), eller sæt udvælgelsen til begrænset \(--selection begrænset\)\.$/);
  });
});

describe('through the binary', () => {
  test('a response in the future exits 2 with the message on stderr', () => {
    vi.useRealTimers();
    const dir = folder();
    const r = civsamBinary(['--data', dir, 'consultation', 'respond', 'h1', 'alpha', '--date', '2099-01-01'], { env: { CIVSAM_LANG: 'da' } });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^fejl: svardatoen ligger efter i dag \(/);
  });
});
