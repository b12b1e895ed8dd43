// Guided `application add` with no flags, in Danish on a terminal 80 columns wide: the call and the
// organisations are asked like every other field, while the application being filled in still
// lacks them (the whole-folder check it is held to must take such a record). Needs the built binary.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';
import { KEY, onTerminal } from '../helpers/pty.js';
import { COMMAND_OF, RECORD_KINDS } from '../../src/domain/kinds.js';

const DA = { CIVSAM_LANG: 'da', COLUMNS: '80' };
const CALL = 'id: c\ntitle: Opslaget\nareas: [psychiatry]\nscope: regional\npublished: 2026-01-01\ndeadline: 2027-02-01\nchannel: public\n';
// An application the call already has: its applicants are compared with the call's lists.
const EARLIER = 'id: c-alpha\ncall: c\norganisations: [alpha]\namount_dkk: 50000\nkind: operation\nreceived: 2026-11-01\n';

describe('guided entry: an application from nothing but answers', () => {
  it('asks the call, the organisations, the amount, the kind, the day received, the title and the years, and saves it', async () => {
    const dir = makeFolder({ ...baseFiles(), 'calls/c.yaml': CALL, 'applications/c-alpha.yaml': EARLIER, 'organisations/beta.yaml': org('beta', 'Beta Forening') });
    const run = onTerminal(['application', 'add', '--data', dir, '--no-commit'], { env: DA });
    await run.waitFor('? Opslag');
    run.type(KEY.enter);
    await run.waitFor('❯ Færdig (0 valgt)');
    run.type('beta');
    await run.waitFor('❯ [ ] Beta');
    run.type(KEY.enter);
    await run.waitFor('❯ Færdig (1 valgt)');
    run.type(KEY.enter);
    await run.waitFor('? Beløb');
    run.type('250000\r');
    await run.waitFor('? Art');
    run.type(KEY.enter);
    await run.waitFor('? Modtaget');
    run.type('2026-12-01\r');
    await run.waitFor('? Titel (tryk Enter for at springe over)');
    run.type('Samtalegruppe\r');
    await run.waitFor('? År (tryk Enter for at springe over)');
    run.type('2027, 2028\r');
    await run.waitFor('? Vil du udfylde flere felter?');
    run.type(KEY.enter);
    await run.waitFor('? Gem posten?');
    run.type(KEY.enter);
    const done = await run.exit();
    expect(done.output).not.toContain('intern fejl');
    expect(done.code).toBe(0);
    expect(parse(readFileSync(join(dir, 'applications/c-beta.yaml'), 'utf8'))).toEqual({ id: 'c-beta', call: 'c', organisations: ['beta'], amount_dkk: 250000, kind: 'development', received: '2026-12-01', title: 'Samtalegruppe', years: [2027, 2028] });
  }, 30_000);

  it('takes the amount as it is written in Danish and shows it so in the review; a decimal comma is refused in words', async () => {
    const dir = makeFolder({ ...baseFiles(), 'calls/c.yaml': CALL });
    const run = onTerminal(['application', 'add', '--call', 'c', '--organisation', 'alpha', '--data', dir, '--no-commit'], { env: DA });
    await run.waitFor('? Beløb');
    run.type('12,5 kr.\r');
    await run.waitFor('> Beløb skal være et helt antal kroner uden øre: skriv 250000 eller 250.000,');
    run.type(KEY.backspace.repeat(8) + '250.000 kr.\r');
    await run.waitFor('? Art');
    run.type(KEY.enter);
    await run.waitFor('? Modtaget');
    run.type('2026-12-01\r');
    // The title and the years are asked, and an empty answer leaves each out.
    await run.waitFor('? Titel (tryk Enter for at springe over)');
    run.type(KEY.enter);
    await run.waitFor('? År (tryk Enter for at springe over)');
    run.type(KEY.enter);
    await run.waitFor('? Vil du udfylde flere felter?');
    run.type(KEY.enter);
    const review = await run.waitFor('? Gem posten?');
    expect(review).toMatch(/\n {2}Beløb: +250\.000 kr\.\n/);
    run.type(KEY.enter);
    expect((await run.exit()).code).toBe(0);
    const saved = parse(readFileSync(join(dir, 'applications/c-alpha.yaml'), 'utf8'));
    expect(saved.amount_dkk).toBe(250000);
    expect(saved).not.toHaveProperty('title');
    expect(saved).not.toHaveProperty('years');
  }, 30_000);

  it('a call\'s exact title typed in the picker takes that call, not one whose title begins the same', async () => {
    // Seven calls, so the call is picked by typing; the one with the longer title comes first in the list.
    const call = (id: string, title: string) => CALL.replace('id: c\n', `id: ${id}\n`).replace('title: Opslaget', `title: ${title}`);
    const titles: Record<string, string> = {
      'k-2024': 'Kultur og sundhed – projekter 2024–2026',
      'k-2026': 'Kultur og sundhed – projekter 2026',
      a: 'Anden pulje', b: 'Brobygning', d: 'Dagtilbud', e: 'Efterskoler', f: 'Frivillighed',
    };
    const files = Object.fromEntries(Object.entries(titles).map(([id, title]) => [`calls/${id}.yaml`, call(id, title)]));
    const dir = makeFolder({ ...baseFiles(), ...files });
    const run = onTerminal(['application', 'add', '--data', dir, '--no-commit'], { env: DA });
    await run.waitFor('? Opslag');
    run.type('Kultur og sundhed – projekter 2026');
    await run.waitFor('❯ Kultur og sundhed – projekter 2026 (k-2026)');
    run.type(KEY.enter);
    const answered = await run.waitFor('❯ Færdig (0 valgt)');
    expect(answered).toMatch(/✔ Opslag Kultur og sundhed – projekter 2026 \(k-2026\)/);
    run.type(KEY.ctrlC);
    expect((await run.exit()).code).toBe(130);
  }, 30_000);

  it('in a folder with no call it says to register one first, with the article opslag takes', async () => {
    const run = onTerminal(['application', 'add', '--data', makeFolder(baseFiles()), '--no-commit'], { env: DA });
    const done = await run.exit();
    expect(done.code).toBe(2);
    expect(done.output.replace(/\s+/g, ' ')).toContain('fejl: der er endnu ingen opslag at vælge: registrér først et opslag (civsam call add), og kør så dette igen.');
  }, 30_000);
});

describe('guided entry: every kind starts in a folder with a record of every kind', () => {
  // Each kind's record checked while it is still being filled in, beside records of every kind
  // (a call with its applications, an agreement with its funding): its first question is asked.
  const files = {
    ...baseFiles(),
    'pools/p.yaml': 'id: p\nname: Puljen\nareas: [psychiatry]\neligible_kinds: [development]\nbudgets:\n  - year: 2027\n    amount_dkk: 100000\n',
    'calls/c.yaml': CALL.replace('channel: public\n', 'channel: public\npool: p\napplicants: [alpha]\n'),
    'applications/c-alpha.yaml': EARLIER,
    'offers/o.yaml': 'id: o\norganisation: alpha\ntitle: Samtalegruppe\ntype: peer-group\npatient_groups: [depression]\nactive_from: 2026-01-01\nscope: regional\n',
    'agreements/a.yaml': 'id: a\ntitle: Samarbejdet\norganisations: [alpha]\nregion_unit: Psykiatrien\nareas: [psychiatry]\nscope: regional\nstart: 2026-01-01\nstatus: active\nfunding:\n  - pool: p\n    year: 2027\n    kind: development\n    amount_dkk: 50000\n',
    'hearing-parties/alpha.yaml': 'id: alpha\norganisation: alpha\nareas: [psychiatry]\nsince: 2026-01-01\nstatus: active\n',
    'consultations/h.yaml': 'id: h\ntitle: Høringen\nareas: [psychiatry]\nopens: 2026-01-01\ndeadline: 2026-02-15\nselection: all\nstatus: closed\n',
  };
  for (const kind of RECORD_KINDS) {
    it(`${COMMAND_OF[kind]} add asks its first question; Ctrl-C then saves nothing`, async () => {
      const run = onTerminal([COMMAND_OF[kind], 'add', '--data', makeFolder(files), '--no-commit'], { env: DA });
      await run.waitFor('Ctrl-C afbryder');
      await run.waitFor(/\? \S/);
      run.type(KEY.ctrlC);
      const done = await run.exit();
      expect(done.output).not.toContain('intern fejl');
      expect(done.code).toBe(130);
    }, 30_000);
  }
});

