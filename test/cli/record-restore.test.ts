// The way back: `civsam <kind> restore NAME` brings back a removed record as it was just before its
// removal, undoes a record's last change, or with --as-of goes back to the record as it was on a
// day; through the write path of every change (checks, a commit saying what was brought back), and
// refused where it would make two records of one name or lose changes not in the history. The
// history ends with the command, and `civsam undo`/`fortryd` point to it.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { baseFiles, org } from '../helpers/folder.js';
import { committedFolder, git, person } from '../helpers/team.js';

const COMMENTED = org('vest', 'Pårørende Vest', undefined, '# Kontakt via sekretariatet\nnotes: Mødes i Aarhus\n');

function folder() {
  const made = committedFolder({ ...baseFiles(), 'organisations/vest.yaml': COMMENTED });
  const run = (args: string[], lang: 'da' | 'en' = 'da') => civsam(['--data', made.dir, ...args], { env: { ...person('Test'), CIVSAM_LANG: lang, COLUMNS: '100' } });
  const file = (rel = 'organisations/vest.yaml') => (existsSync(join(made.dir, rel)) ? readFileSync(join(made.dir, rel), 'utf8') : undefined);
  return { ...made, run, file };
}

describe('a removed record is brought back as it was', () => {
  test('a plain restore right after bringing a removed record back says to remove it again, not a version that is the removal', async () => {
    const f = folder();
    expect((await f.run(['org', 'remove', 'vest'])).code).toBe(0);
    expect((await f.run(['org', 'restore', 'vest'])).code).toBe(0);
    const again = await f.run(['org', 'restore', 'vest']);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('Slet posten med civsam org remove vest.');
    expect(again.stderr).not.toContain('--to');
  });
  test('by the name it had, mistyped too: the file as it was, comments and all, and a commit that says so', async () => {
    const f = folder();
    expect((await f.run(['org', 'remove', 'Pårørende Vest'])).code).toBe(0);
    // Mistyped: the nearest name is the removed record's, found in the history.
    expect(await f.run(['org', 'restore', 'Pårørende Vets'])).toEqual({ code: 2, stdout: '', stderr: 'fejl: der er ingen organisation, der passer til det, du angav. Mente du: Pårørende Vest (vest)?\n' });

    const dry = await f.run(['org', 'restore', 'Pa\u030Arørende Vest'.normalize('NFD'), '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toBe(`--- /dev/null\n+++ ${join(f.dir, 'organisations/vest.yaml')}\n${COMMENTED.trimEnd().split('\n').map((l) => `+${l}`).join('\n')}\n`);
    expect(f.file()).toBeUndefined();

    const r = await f.run(['org', 'restore', 'Pårørende', 'Vest']);
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n')[0]).toMatch(new RegExp(`^Henter organisation vest tilbage, som posten var før sletningen \\d+\\. \\S+ \\d{4}\\.$`));
    expect(f.file()).toBe(COMMENTED);
    // No commit hash in the words: the day the record was removed.
    expect(f.git('log', '-1', '--format=%B')).toMatch(/^organisation vest: hentet tilbage som før sletningen \d+\. \S+ \d{4}\n\norganisation vest: oprettet\n\n$/);
    expect(f.git('status', '--porcelain')).toBe('');
  });

  test('refused while another record has its name; nothing written', async () => {
    const f = folder();
    expect((await f.run(['org', 'remove', 'vest'])).code).toBe(0);
    writeFileSync(join(f.dir, 'organisations/ny.yaml'), org('ny', 'Pårørende Vest'));
    f.git('add', '-A');
    f.git('commit', '-q', '-m', 'ny');
    const r = await f.run(['org', 'restore', 'vest']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n').slice(1)).toEqual(['  organisation vest kan ikke hentes tilbage: navnet bruges nu af organisation ny. Giv først en af dem et andet navn (civsam org edit ny).', 'fejl: ændringen blev afvist på grund af problemet ovenfor; intet er skrevet.', '']);
    expect((await f.run(['org', 'restore', 'vest'], 'en')).stderr.split('\n')[1]).toBe('  organisation vest cannot be brought back: its name is now used by organisation ny. Give one of them another name first (civsam org edit ny).');
    expect(f.file()).toBeUndefined();
  });

  test('the name is the same to the name rule of validate: another form of it (NFD, case), held by a record filed after it, stops it too', async () => {
    const f = folder();
    expect((await f.run(['org', 'remove', 'vest'])).code).toBe(0);
    writeFileSync(join(f.dir, 'organisations/zeta.yaml'), org('zeta', 'pårørende vest'.normalize('NFD')));
    f.git('add', '-A');
    f.git('commit', '-q', '-m', 'zeta');
    const r = await f.run(['org', 'restore', 'vest']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[1]).toBe('  organisation vest kan ikke hentes tilbage: navnet bruges nu af organisation zeta. Giv først en af dem et andet navn (civsam org edit zeta).');
    expect(f.file()).toBeUndefined();
  });
});

describe('a restored file is checked as the reader checks a file', () => {
  test('a title two offers may share does not stop it; an amount the reader refuses (written 5e5 in the version brought back) does, nothing written', async () => {
    const OFFER = (id: string) => `id: ${id}\norganisation: vest\ntitle: Samtalegruppe\ntype: peer-group\npatient_groups: [depression]\nmunicipalities: [aarhus]\nactive_from: 2026-01-01\n`;
    const f = folder();
    mkdirSync(join(f.dir, 'offers'), { recursive: true });
    mkdirSync(join(f.dir, 'pools'), { recursive: true });
    writeFileSync(join(f.dir, 'offers/gruppe-a.yaml'), OFFER('gruppe-a'));
    writeFileSync(join(f.dir, 'offers/gruppe-b.yaml'), OFFER('gruppe-b'));
    f.git('add', '-A');
    f.git('commit', '-q', '-m', 'to tilbud');
    expect((await f.run(['offer', 'remove', 'gruppe-a'])).code).toBe(0);
    const back = await f.run(['offer', 'restore', 'gruppe-a']);
    expect(back.code, back.stderr).toBe(0);
    expect(f.file('offers/gruppe-a.yaml')).toBe(OFFER('gruppe-a'));

    // A pool committed once with its amount written 5e5 (before civsam refused that form), then mended.
    const POOL = (amount: string) => `id: p\nname: Puljen\nareas: [psychiatry]\neligible_kinds: [operation]\nbudgets:\n  - year: 2027\n    amount_dkk: ${amount}\n`;
    writeFileSync(join(f.dir, 'pools/p.yaml'), POOL('5e5'));
    f.git('add', '-A');
    f.git('commit', '-q', '-m', 'pulje');
    writeFileSync(join(f.dir, 'pools/p.yaml'), POOL('500000'));
    f.git('add', '-A');
    f.git('commit', '-q', '-m', 'pulje rettet');
    const r = await f.run(['pool', 'restore', 'p']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`pools/p.yaml:7:17  Et helt tal, fx et beløb eller et årstal, skrives kun med cifre`);
    expect(f.file('pools/p.yaml')).toBe(POOL('500000'));
  });
});

describe('what a restored record refers to must be there', () => {
  test('an offer whose organisation was removed too: refused, with the command that brings the organisation back', async () => {
    const f = folder();
    const OFFER = '# yaml-language-server: $schema=../../schemas/offer.schema.json\nid: gruppe\norganisation: vest\ntitle: Samtalegruppe\ntype: peer-group\npatient_groups: [depression]\nmunicipalities: [aarhus]\nactive_from: 2026-01-01\n';
    mkdirSync(join(f.dir, 'offers'));
    writeFileSync(join(f.dir, 'offers/gruppe.yaml'), OFFER);
    expect(git(f.dir, ['add', '-A']).code).toBe(0);
    expect(git(f.dir, ['commit', '-q', '-m', 'tilbud']).code).toBe(0);
    expect((await f.run(['offer', 'remove', 'Samtalegruppe'])).code).toBe(0);
    expect((await f.run(['org', 'remove', 'vest'])).code).toBe(0);
    const r = await f.run(['offer', 'restore', 'Samtalegruppe']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n').slice(1)).toEqual([
      `  ${join(f.dir, 'offers/gruppe.yaml')}:3:15  Posten henviser til organisation vest, som er slettet. Hent først den slettede post tilbage: civsam org restore vest.`,
      'fejl: ændringen blev afvist på grund af problemet ovenfor; intet er skrevet.',
      '',
    ]);
    expect(f.file('offers/gruppe.yaml')).toBeUndefined();
    expect((await f.run(['org', 'restore', 'vest'])).code).toBe(0);
    expect((await f.run(['offer', 'restore', 'Samtalegruppe'])).code).toBe(0);
    expect(f.file('offers/gruppe.yaml')).toBe(OFFER);
  });
});

describe('a change is undone', () => {
  test('the last change: back to the version before it, the commit names the change undone', async () => {
    const f = folder();
    expect((await f.run(['org', 'edit', 'Pårørende Vest', '--scope', 'national', '--notes', 'Lukket'])).code).toBe(0);
    const r = await f.run(['org', 'restore', 'Pårørende Vest']);
    expect(r.code).toBe(0);
    expect(f.file()).toBe(COMMENTED);
    expect(f.git('log', '-1', '--format=%s').trim()).toBe(`organisation vest: ændringen i udgave 2 fortrudt`);
    expect(r.stderr.split('\n')[0]).toMatch(new RegExp(`^Fortryder den seneste ændring af organisation vest, udgave 2, lavet .* af [^:]+: tilbage til udgaven før den\\.$`));
  });

  test('--as-of: the record as it was at the end of that day', async () => {
    const f = folder();
    const at = (date: string) => ({ ...person('Test'), GIT_AUTHOR_DATE: `${date}T12:00:00+01:00`, GIT_COMMITTER_DATE: `${date}T12:00:00+01:00` });
    for (const [date, notes] of [['2026-02-01', 'Februar'], ['2026-03-01', 'Marts']]) {
      writeFileSync(join(f.dir, 'organisations/vest.yaml'), COMMENTED.replace('Mødes i Aarhus', notes));
      expect(git(f.dir, ['commit', '-q', '-am', notes], at(date)).code).toBe(0);
    }
    expect((await f.run(['org', 'restore', 'vest', '--as-of', '2026-02-15'])).code).toBe(0);
    expect(f.file()).toBe(COMMENTED.replace('Mødes i Aarhus', 'Februar'));
    expect(f.git('log', '-1', '--format=%s').trim()).toMatch(/^organisation vest: hentet tilbage som ved udgangen af 15\. feb\. 2026$/);
    // Edits not yet committed are never overwritten by a version of a day either: refused, the file as it was.
    const edited = f.file() + '# egen rettelse\n';
    writeFileSync(join(f.dir, 'organisations/vest.yaml'), edited);
    const dirty = await f.run(['org', 'restore', 'vest', '--as-of', '2026-02-15']);
    expect(dirty.code).toBe(2);
    expect(dirty.stderr).toContain('har ændringer, som endnu ikke er registreret i historikken');
    expect(f.file()).toBe(edited);
    expect(git(f.dir, ['checkout', '--', 'organisations/vest.yaml']).code).toBe(0);
    const before = await f.run(['org', 'restore', 'vest', '--as-of', '2000-01-01']);
    expect(before).toMatchObject({ code: 2, stdout: '' });
    expect(before.stderr).toMatch(/^fejl: der var intet registreret i historikken for datamappen .* ved udgangen af 1\. jan\. 2000; vælg en senere dato\.\n$/);
  });

  test('a record created by its last change has nothing before it: removing it is said', async () => {
    const f = folder();
    expect((await f.run(['org', 'add', '--name', 'Helt Ny', '--kind', 'other', '--areas', 'social', '--scope', 'regional'])).code).toBe(0);
    const r = await f.run(['org', 'restore', 'Helt Ny']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^fejl: organisation helt-ny blev oprettet ved sin seneste ændring \(\d+\. \S+ \d{4}\), så der er ingen tidligere udgave at hente tilbage\. Slet posten med civsam org remove helt-ny\.\n$/);
  });

  test('where remove would refuse it (others refer to it), that is said instead, with what to do: the referrers, or deactivate for an organisation', async () => {
    // It said "Slet posten med civsam org remove …", which then refused.
    const f = folder();
    expect((await f.run(['org', 'add', '--name', 'Helt Ny', '--kind', 'other', '--areas', 'psykiatri', '--scope', 'regional'])).code).toBe(0);
    mkdirSync(join(f.dir, 'offers'), { recursive: true });
    writeFileSync(join(f.dir, 'offers/gruppe.yaml'), 'id: gruppe\norganisation: helt-ny\ntitle: Samtalegruppe\ntype: peer-group\npatient_groups: [depression]\nmunicipalities: [aarhus]\nactive_from: 2026-01-01\n');
    mkdirSync(join(f.dir, 'agreements'), { recursive: true });
    writeFileSync(join(f.dir, 'agreements/2026-psyk-001.yaml'), 'id: 2026-psyk-001\ntitle: Samtalegrupper\norganisations: [helt-ny]\nareas: [psychiatry]\nscope: regional\noffers: [gruppe]\nstart: 2026-01-01\nstatus: draft\n');
    f.git('add', '-A');
    f.git('commit', '-q', '-m', 'Tilbud og aftale');
    const orgRestore = await f.run(['org', 'restore', 'Helt Ny']);
    expect(orgRestore.code).toBe(2);
    expect(orgRestore.stderr).toMatch(/^fejl: organisation helt-ny blev oprettet ved sin seneste ændring \(\d+\. \S+ \d{4}\), så der er ingen tidligere udgave at hente tilbage\. Posten kan heller ikke slettes, så længe 2 andre poster henviser til den: tilbud gruppe \(Organisation\), aftale 2026-psyk-001 \(Organisationer\)\. Gør organisationen inaktiv i stedet: civsam org deactivate helt-ny\.\n$/);
    const offerRestore = await f.run(['offer', 'restore', 'Samtalegruppe']);
    expect(offerRestore.stderr).toMatch(/så der er ingen tidligere udgave at hente tilbage\. Posten kan heller ikke slettes, så længe 1 anden post henviser til den: aftale 2026-psyk-001 \(Tilbud\)\. Ret den først, og slet så posten med civsam offer remove gruppe\.\n$/);
    expect((await f.run(['offer', 'restore', 'Samtalegruppe'], 'en')).stderr).toMatch(/so there is no earlier version to bring back\. Nor can it be removed while 1 other record refers to it: agreement 2026-psyk-001 \(Offers\)\. Change that one first, then remove it with civsam offer remove gruppe\.\n$/);
    // Nothing refers to the agreement: removing it is the way back, and remove does it.
    expect((await f.run(['agreement', 'restore', '2026-psyk-001'])).stderr).toMatch(/tidligere udgave at hente tilbage\. Slet posten med civsam agreement remove 2026-psyk-001\.\n$/);
    expect((await f.run(['agreement', 'remove', '2026-psyk-001'])).code).toBe(0);
  });

  test('changes in the file not yet in the history are not overwritten', async () => {
    const f = folder();
    writeFileSync(join(f.dir, 'organisations/vest.yaml'), COMMENTED + 'website: https://vest.example\n');
    const r = await f.run(['org', 'restore', 'vest']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('har ændringer, som endnu ikke er registreret i historikken, så den seneste ændring kan ikke fortrydes uden at miste dem.');
    expect(f.file()).toContain('website: https://vest.example');
  });

  test('a record git does not track yet is said never to have been committed (not to have changes of its own)', async () => {
    const f = folder();
    expect((await f.run(['org', 'add', '--name', 'Helt Ny', '--kind', 'other', '--areas', 'social', '--scope', 'regional', '--no-commit'])).code).toBe(0);
    expect(await f.run(['org', 'restore', 'Helt Ny'])).toEqual({ code: 2, stdout: '', stderr: 'fejl: organisation helt-ny er endnu ikke registreret i historikken, så der er ingen tidligere udgave at hente tilbage.\n' });
    f.git('add', 'organisations/helt-ny.yaml');
    expect((await f.run(['org', 'restore', 'Helt Ny'])).stderr).toContain('har ændringer, som endnu ikke er registreret i historikken');
  });

  test('a path or escape codes for a name: refused without repeating them', async () => {
    const f = folder();
    const bad = 'fejl: det, du angav, er hverken en posts navn eller dens id (det ligner en sti til en fil, eller det indeholder styretegn eller usynlige tegn). Find posten med civsam find og en del af navnet.\n';
    expect(await f.run(['org', 'restore', '../vest'])).toEqual({ code: 2, stdout: '', stderr: bad });
    expect(await f.run(['org', 'restore', 'Ve\u001b[31mst'])).toEqual({ code: 2, stdout: '', stderr: bad });
  });
});

describe('a version from the history, by its number', () => {
  // Two wrong edits on one day: restore undoes the last; a second plain restore would only undo the
  // undo. history numbers the versions, and restore --to takes the number (or the change's commit).
  async function twoWrongEdits() {
    const f = folder();
    expect((await f.run(['org', 'edit', 'vest', '--notes', 'forkert note'])).code).toBe(0);
    expect((await f.run(['org', 'edit', 'vest', '--website', 'https://forkert.example'])).code).toBe(0);
    return f;
  }

  test('history numbers each change by the version it made; --to brings that version back, comments and all', async () => {
    const f = await twoWrongEdits();
    const lines = (await f.run(['history', 'Pårørende Vest'])).stdout.split('\n').filter((l) => l.includes('Udgave'));
    expect(lines.map((l) => /Udgave (\d+) · .* · Test: (.*?)\s*│$/.exec(l)?.slice(1).join(' '))).toEqual([
      '3 organisation vest: hjemmeside: sat', '2 organisation vest: noter: ændret', '1 start',
    ]);
    // For programs and Markdown too: the number beside each change.
    expect(JSON.parse((await f.run(['history', 'vest', '--format', 'json'])).stdout).changes.map((c: { version: number }) => c.version)).toEqual([3, 2, 1]);
    expect((await f.run(['history', 'vest', '--format', 'md'])).stdout).toMatch(/\| Udgave \| Dato \| Af \| Ændring \|/);
    const r = await f.run(['org', 'restore', 'Pårørende Vest', '--to', '1']);
    expect(r.code).toBe(0);
    expect(f.file()).toBe(COMMENTED);
    expect(r.stderr.split('\n')[0]).toMatch(/^Henter organisation vest tilbage, som posten var i udgave 1 fra \d+\. \S+ \d{4}\.$/);
    expect(f.git('log', '-1', '--format=%s').trim()).toMatch(/^organisation vest: hentet tilbage som udgave 1$/);
    // By the commit history and restore's own messages show: the same version.
    const commit = f.git('log', '--format=%h', '--reverse', '--', 'organisations/vest.yaml').trim().split('\n')[1];
    expect((await f.run(['org', 'restore', 'vest', '--to', commit])).code).toBe(0);
    expect(f.file()).toContain('forkert note');
    expect(f.file()).not.toContain('forkert.example');
  });

  test('a second plain restore, right after one, would undo the undo: refused, with the versions to choose', async () => {
    const f = await twoWrongEdits();
    expect((await f.run(['org', 'restore', 'vest'])).code).toBe(0);
    expect(f.file()).not.toContain('forkert.example');
    const before = f.file();
    const again = await f.run(['org', 'restore', 'Pårørende Vest']);
    expect(again).toEqual({ code: 2, stdout: '', stderr: 'fejl: den seneste ændring af organisation vest (udgave 4) fortrød udgave 3, så posten er nu som udgave 2, og at fortryde den igen ville blot hente udgave 3 tilbage. Angiv i stedet, hvilken udgave du vil have: civsam org restore vest --to 1 går en udgave længere tilbage; civsam org restore vest --to 3 henter den fortrudte ændring tilbage alligevel. civsam history org vest viser alle udgaver.\n' });
    expect(f.file()).toBe(before);
    expect((await f.run(['org', 'restore', 'vest', '--to', '1'])).code).toBe(0);
    expect(f.file()).toBe(COMMENTED);
  });

  test('a version or commit given to --as-of, a version that is not there, and --to with --as-of are said plainly', async () => {
    const f = await twoWrongEdits();
    expect(await f.run(['org', 'restore', 'vest', '--as-of', '95df199'])).toEqual({ code: 2, stdout: '', stderr: 'fejl: --as-of tager en dag skrevet ÅÅÅÅ-MM-DD. 95df199 ligner en udgave fra civsam history: hent den udgave tilbage med --to 95df199.\n' });
    expect(await f.run(['org', 'restore', 'vest', '--to', '9'])).toEqual({ code: 2, stdout: '', stderr: 'fejl: organisation vest har ingen udgave 9: historikken har udgave 1 til 3. civsam history org vest viser dem.\n' });
    expect((await f.run(['org', 'restore', 'vest', '--to', 'i morges'])).stderr).toBe('fejl: --to tager nummeret på en udgave, som civsam history org NAVN viser det ud for hver ændring (eller det commit, der lavede den), for eksempel --to 2.\n');
    expect((await f.run(['org', 'restore', 'vest', '--to', '1', '--as-of', '2026-01-01'], 'en')).stderr).toBe('error: give either --to (a version) or --as-of (a day), not both.\n');
    expect(f.file()).toContain('forkert.example');
  });
});

describe('the way back is pointed to', () => {
  test('history ends with the restore command, for a record there and one removed', async () => {
    const f = folder();
    expect((await f.run(['org', 'edit', 'vest', '--notes', 'Ny note'])).code).toBe(0);
    const there = (await f.run(['history', 'Pårørende Vest'])).stdout.trimEnd().split('\n');
    expect(there.slice(-3).join(' ')).toBe('Fortryd den seneste ændring: civsam org restore vest. Gå tilbage til en af udgaverne ovenfor: civsam org restore vest --to NUMMER; til, hvordan posten var på en dag: --as-of DATO. Tilføj --dry-run for at se ændringen først.');
    expect((await f.run(['org', 'remove', 'vest'])).code).toBe(0);
    const gone = (await f.run(['history', 'Pårørende Vest'], 'en')).stdout.trimEnd().split('\n');
    expect(gone.slice(-2).join(' ')).toBe('It has been removed. To bring it back as it was: civsam org restore vest (add --dry-run to see it first).');
    // Data for programs carries no advice.
    expect((await f.run(['history', 'vest', '--format', 'json'])).stdout).not.toContain('restore');
  });

  test('undo and fortryd are no commands: the message says restore', async () => {
    const f = folder();
    expect(await f.run(['fortryd'])).toEqual({ code: 2, stdout: '', stderr: 'fejl: ukendt kommando fortryd. En ændring fortrydes, eller en slettet post hentes tilbage, med restore efter postens art: civsam org restore NAVN (eller agreement, offer, call …); civsam history NAVN viser ændringerne.\nKør civsam --help for at se kommandoer og tilvalg.\n' });
    expect((await f.run(['undo'], 'en')).stderr).toBe('error: unknown command undo. To undo a change or bring back a removed record, use restore after the record\'s kind: civsam org restore NAME (or agreement, offer, call …); civsam history NAME shows the changes.\nRun civsam --help to see the commands and options.\n');
  });

  test('restore without a kind says the way once, not also every kind\'s restore; with the kind after it, that command', async () => {
    const f = folder();
    expect(await f.run(['restore'])).toEqual({ code: 2, stdout: '', stderr: 'fejl: ukendt kommando restore. En ændring fortrydes, eller en slettet post hentes tilbage, med restore efter postens art: civsam org restore NAVN (eller agreement, offer, call …); civsam history NAVN viser ændringerne.\nKør civsam --help for at se kommandoer og tilvalg.\n' });
    expect(await f.run(['restore', 'org', 'vest'])).toEqual({ code: 2, stdout: '', stderr: 'fejl: ukendt kommando restore. Mente du: org restore?\nKør civsam --help for at se kommandoer og tilvalg.\n' });
  });
});
