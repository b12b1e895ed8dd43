// End-to-end: the register's commands run against temporary data folders, as a user runs them.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { hostname } from 'node:os';
import { describe, expect, onTestFinished, test, vi } from 'vitest';
import { REGISTER_COMMANDS } from '../../src/cli/register-commands.js';
import { ROOT, civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';

const GIT_ENV = { GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.org', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.org' };

const CONTACT = 'contact:\n  role: formand\n  name: Per Vestergaard Toft\n  email: per.toft@example.dk\n  phone: "+45 40 77 21 63"\n  confirmed: 2025-03-12\n';
const OFFER = '# yaml-language-server: $schema=../../schemas/offer.schema.json\nid: gruppe\norganisation: alpha\ntitle: Samtalegruppe\ntype: peer-group\npatient_groups: [depression]\nmunicipalities: [aarhus]\nactive_from: 2026-01-01\n';
const AGREEMENT = '# yaml-language-server: $schema=../../schemas/agreement.schema.json\nid: 2026-psyk-001\ntitle: Samtalegrupper\norganisations: [alpha]\nareas: [psychiatry]\npatient_groups: [depression]\nmunicipalities: [aarhus]\nstart: 2026-01-01\nend: 2030-12-31\nstatus: active\nfunding:\n  - pool: puljen\n    year: 2026\n    kind: operation\n    amount_dkk: 300000\n';
const POOL = '# yaml-language-server: $schema=../../schemas/pool.schema.json\nid: puljen\nname: Puljen\nareas: [psychiatry]\neligible_kinds: [operation]\nbudgets:\n  - year: 2026\n    amount_dkk: 1000000\n';
const PARTY = '# yaml-language-server: $schema=../../schemas/hearing-party.schema.json\nid: alpha\norganisation: alpha\nareas: [psychiatry]\npatient_groups: [depression]\nsince: 2020-01-01\nstatus: active\n';
const CONSULTATION = '# yaml-language-server: $schema=../../schemas/consultation.schema.json\nid: 2026-hoering\ntitle: Høring\nareas: [psychiatry]\nopens: 2026-03-01\ndeadline: 2026-04-01\nselection: all\nstatus: planned\n';
const CALL = '# yaml-language-server: $schema=../../schemas/call.schema.json\nid: 2025-opslag\ntitle: Opslag\npool: puljen\nareas: [psychiatry]\nscope: regional\npublished: 2025-01-01\ndeadline: 2025-02-01\nchannel: public\n';

function folder(extra: Record<string, string> = {}): string {
  return makeFolder({
    ...baseFiles(),
    'organisations/alpha.yaml': org('alpha', 'Alpha Forening', '12345674', CONTACT),
    'offers/gruppe.yaml': OFFER, 'agreements/2026-psyk-001.yaml': AGREEMENT, 'pools/puljen.yaml': POOL,
    'hearing-parties/alpha.yaml': PARTY, 'consultations/2026-hoering.yaml': CONSULTATION, 'calls/2025-opslag.yaml': CALL,
    ...extra,
  });
}

function gitFolder(extra: Record<string, string> = {}): string {
  const dir = folder(extra);
  for (const args of [['init', '-q'], ['add', '-A'], ['commit', '-q', '-m', 'start']]) spawnSync('git', args, { cwd: dir, env: { ...process.env, ...GIT_ENV } });
  return dir;
}
const git = (dir: string, ...args: string[]) => spawnSync('git', args, { cwd: dir, encoding: 'utf8' }).stdout;
const run = (dir: string, args: string[], opts: { input?: string; env?: Record<string, string> } = {}) => civsam(['--data', dir, ...args], { env: { ...GIT_ENV, ...opts.env }, input: opts.input });
const read = (dir: string, rel: string) => readFileSync(join(dir, rel), 'utf8');
const PERSONAL = /Per Vestergaard|per\.toft|40 77 21 63/;

describe('help', () => {
  test('every register command has --help with an example', async () => {
    const results: Array<[string, number, string]> = [];
    for (const c of REGISTER_COMMANDS) {
      const args = [...(c.parent ? [c.parent] : []), c.name, '--help'];
      const r = await civsam(args);
      results.push([args.join(' '), r.code, r.stdout]);
    }
    for (const [cmd, code, out] of results) {
      expect(code, cmd).toBe(0);
      expect(out, cmd).toContain('Examples:');
      expect(out, cmd).toMatch(/\$ civsam /);
    }
    expect(results.length).toBeGreaterThanOrEqual(50);
  }, 120_000);

  test('help in Danish', async () => {
    const r = await civsam(['--lang', 'da', 'org', 'add', '--help']);
    expect(r.stdout).toContain('registrér en ny post');
    expect(r.stdout).toContain("--patient-groups <id'er>");
    expect(r.stdout).toContain('Eksempler:');
  });
});

describe('add, edit, show, list, remove', () => {
  test('org add makes a valid file, group-readable only, with the schema line, and prints the id', async () => {
    const dir = folder();
    const r = await run(dir, ['org', 'add', '--name', 'Angstforeningen Skive', '--kind', 'patient-association', '--areas', 'psychiatry', '--patient-groups', 'angst', '--municipalities', 'skive', '--municipalities', 'randers']);
    expect(r).toMatchObject({ code: 0, stdout: 'angstforeningen-skive\n' });
    expect(r.stderr).toContain('Created ');
    const text = read(dir, 'organisations/angstforeningen-skive.yaml');
    // The folder has no schemas/ of its own, so the line points at civsam's, relative to the file
    // (how far up depends on where the repository and the temporary folder are).
    const schemaLine = `# yaml-language-server: $schema=${relative(join(dir, 'organisations'), join(ROOT, 'schemas', 'organisation.schema.json'))}\n`;
    expect(text.startsWith(schemaLine)).toBe(true);
    expect(text.slice(schemaLine.length)).toMatch(/^id: angstforeningen-skive\nname: Angstforeningen Skive\nkind: patient-association\nareas: \[psychiatry\]\npatient_groups: \[angst\]\nmunicipalities: \[skive, randers\]\nstatus: active\nregistered: \d{4}-\d\d-\d\d\n$/);
    expect(statSync(join(dir, 'organisations/angstforeningen-skive.yaml')).mode & 0o777 & ~0o640).toBe(0);
    expect((await run(dir, ['validate'])).code).toBe(0);
  });

  test('add from standard input, with a flag on top', async () => {
    const dir = folder();
    const r = await run(dir, ['pool', 'add', '--from-file', '-', '--budgets', '2027:500000'], { input: '{"name": "Kulturpuljen", "areas": ["health"], "eligible_kinds": ["development"], "budgets": []}' });
    expect(r.code).toBe(0);
    expect(read(dir, 'pools/kulturpuljen.yaml')).toContain('budgets:\n  - year: 2027\n    amount_dkk: 500000\n');
  });

  test('a refused add changes nothing, exits 2 and says why in the user\'s language, without values', async () => {
    const dir = folder();
    const before = readdirSync(join(dir, 'agreements'));
    const en = await run(dir, ['agreement', 'add', '--title', 'Ny', '--organisations', 'nobody', '--areas', 'psychiatry', '--scope', 'regional', '--start', '2026-05-01']);
    expect(en.code).toBe(2);
    // An unknown organisation is refused before the change is even made, with a way to find it.
    expect(en.stderr).toBe('error: there is no organisation with the id nobody. See them with civsam org list, or search with civsam find and part of the name.\n');
    const da = await run(dir, ['--lang', 'da', 'agreement', 'add', '--title', 'Ny', '--organisations', 'nobody', '--areas', 'psychiatry', '--scope', 'regional', '--start', '2026-05-01']);
    expect(da.stderr).toBe('fejl: der er ingen organisation med id\'et nobody. Se dem med civsam org list, eller søg med civsam find og en del af navnet.\n');
    expect(readdirSync(join(dir, 'agreements'))).toEqual(before);
    const bad = await run(dir, ['org', 'edit', 'alpha', '--contact-email', 'not an address']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).not.toContain('not an address');
    expect((await run(dir, ['org', 'add', '--name', 'X', '--kind', 'other', '--areas', 'health', '--scope', 'regional', '--registered', '1/1/2026'])).stderr).toBe('error: --registered needs a date written YYYY-MM-DD, for example 2026-11-23.\n');
  });

  test('edit changes only the field\'s line; saving the same again leaves the file untouched', async () => {
    const dir = folder();
    const before = read(dir, 'organisations/alpha.yaml');
    expect((await run(dir, ['org', 'edit', 'alpha', '--contact-role', 'næstformand'])).code).toBe(0);
    expect(read(dir, 'organisations/alpha.yaml')).toBe(before.replace('  role: formand\n', '  role: næstformand\n'));
    const mtime = statSync(join(dir, 'organisations/alpha.yaml')).mtimeMs;
    const again = await run(dir, ['org', 'edit', 'alpha', '--contact-role', 'næstformand']);
    expect(again).toMatchObject({ code: 0 });
    expect(again.stderr).toContain('No change');
    expect(statSync(join(dir, 'organisations/alpha.yaml')).mtimeMs).toBe(mtime);
    expect((await run(dir, ['org', 'edit', 'alpha'])).code).toBe(2);
  });

  test('--dry-run shows the change and writes nothing', async () => {
    const dir = folder();
    const before = read(dir, 'agreements/2026-psyk-001.yaml');
    const r = await run(dir, ['agreement', 'edit', '2026-psyk-001', '--end', '2028-06-30', '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`-end: 2030-12-31\n+end: 2028-06-30\n`);
    expect(r.stderr).toContain('Dry run: 1 file would change; nothing was written.');
    expect(read(dir, 'agreements/2026-psyk-001.yaml')).toBe(before);
  });

  test('show prints the record with what refers to it; JSON has the same', async () => {
    const dir = folder();
    const r = await run(dir, ['org', 'show', 'alpha', '--format', 'json']);
    expect(r.code).toBe(0);
    const shown = JSON.parse(r.stdout);
    expect(shown.referredBy).toEqual([
      { kind: 'offer', id: 'gruppe', field: 'organisation' },
      { kind: 'agreement', id: '2026-psyk-001', field: 'organisations' },
      { kind: 'hearing-party', id: 'alpha', field: 'organisation' },
    ]);
    expect(shown.funding).toEqual([{ agreement: '2026-psyk-001', pool: 'puljen', year: 2026, kind: 'operation', amount_dkk: 300000, exact_amount_dkk: 300000 }]);
    const table = await run(dir, ['--lang', 'da', 'org', 'show', 'alpha'], { env: { COLUMNS: '100' } });
    expect(table.stdout).toContain('Andre poster, der nævner denne');
    expect(table.stdout).toContain('300.000 kr.');
  });

  test('list filters and formats', async () => {
    const dir = folder({ 'organisations/beta.yaml': org('beta', 'Beta', undefined).replace('areas: [psychiatry]', 'areas: [health]').replace('status: active', 'status: inactive') });
    expect(JSON.parse((await run(dir, ['org', 'list', '--area', 'psychiatry', '--format', 'json'])).stdout).map((o: { id: string }) => o.id)).toEqual(['alpha']);
    expect(JSON.parse((await run(dir, ['org', 'list', '--status', 'inactive', '--format', 'json'])).stdout).map((o: { id: string }) => o.id)).toEqual(['beta']);
    expect(JSON.parse((await run(dir, ['agreement', 'list', '--organisation', 'alpha', '--patient-group', 'psykisk-sygdom', '--format', 'json'])).stdout).map((o: { id: string }) => o.id)).toEqual(['2026-psyk-001']);
    // CSV is for a person's spreadsheet: labels in their language, as the table shows them (scripts read JSON).
    expect((await run(dir, ['org', 'list', '--format', 'csv'])).stdout).toBe('\uFEFFId,Name,Kind,Areas,Status\r\nalpha,Alpha Forening,patient association,psychiatry,active\r\nbeta,Beta,patient association,health,inactive\r\n');
    expect((await run(dir, ['--lang', 'da', 'org', 'list', '--format', 'csv'])).stdout).toBe('\uFEFFId;Navn;Art;Områder;Status\r\nalpha;Alpha Forening;patientforening;psykiatri;aktiv\r\nbeta;Beta;patientforening;sundhed;inaktiv\r\n');
  });

  test('an organisation that records point at cannot be removed, only deactivated', async () => {
    const dir = folder();
    const r = await run(dir, ['org', 'remove', 'alpha']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error: the organisation alpha cannot be removed: 3 records refer to it: offer gruppe (Organisation), agreement 2026-psyk-001 (Organisations), hearing party alpha (Organisation). Deactivate it instead: civsam org deactivate alpha.\n');
    expect(existsSync(join(dir, 'organisations/alpha.yaml'))).toBe(true);
    expect((await run(dir, ['org', 'deactivate', 'alpha'])).code).toBe(0);
    expect(read(dir, 'organisations/alpha.yaml')).toContain('status: inactive\n');
    expect((await run(dir, ['offer', 'remove', 'gruppe'])).code).toBe(0);
    expect(existsSync(join(dir, 'offers/gruppe.yaml'))).toBe(false);
  });
});

describe('state changes', () => {
  test('agreement end and evaluate', async () => {
    const dir = folder();
    expect((await run(dir, ['agreement', 'evaluate', '2026-psyk-001', '--summary', 'Godt i gang.', '--date', '2026-06-01'])).code).toBe(0);
    expect(read(dir, 'agreements/2026-psyk-001.yaml')).toContain('evaluation_due: 2027-06-01\nevaluations:\n  - date: 2026-06-01\n    summary: Godt i gang.\n');
    expect((await run(dir, ['agreement', 'end', '2026-psyk-001', '--date', '2026-06-30'])).code).toBe(0);
    expect(read(dir, 'agreements/2026-psyk-001.yaml')).toContain('end: 2026-06-30\nstatus: ended\n');
    expect((await run(dir, ['agreement', 'evaluate', '2026-psyk-001'])).code).toBe(2);
  });

  test('agreement evaluate refuses an evaluation dated before the agreement starts, saying both dates; on the first day it is taken', async () => {
    const dir = folder();
    const before = read(dir, 'agreements/2026-psyk-001.yaml');
    const early = await run(dir, ['--lang', 'da', 'agreement', 'evaluate', '2026-psyk-001', '--summary', 'Forberedelse', '--date', '2025-12-05']);
    expect(early).toMatchObject({ code: 2, stdout: '', stderr: 'fejl: aftale 2026-psyk-001 begynder først den 1. jan. 2026, så den kan ikke være evalueret den 5. dec. 2025. Angiv evalueringens dato, den 1. jan. 2026 eller senere, med --date.\n' });
    expect(read(dir, 'agreements/2026-psyk-001.yaml')).toBe(before);
    expect((await run(dir, ['agreement', 'evaluate', '2026-psyk-001', '--summary', 'Første dag.', '--date', '2026-01-01'])).code).toBe(0);
  });

  test('agreement evaluate refuses a date after today, and an agreement that has not begun (its advice led to a date in the future)', async () => {
    const later = AGREEMENT.replace('id: 2026-psyk-001', 'id: 2099-psyk-001').replace('start: 2026-01-01', 'start: 2099-01-01').replace('end: 2030-12-31', 'end: 2099-12-31').replace('status: active', 'status: draft').replace('year: 2026', 'year: 2099');
    const dir = folder({ 'agreements/2099-psyk-001.yaml': later });
    const future = await run(dir, ['--lang', 'da', 'agreement', 'evaluate', '2026-psyk-001', '--summary', 'Senere', '--date', '2099-01-02']);
    expect(future.code).toBe(2);
    expect(future.stderr).toMatch(/^fejl: evalueringens dato ligger efter i dag \(.+\): en evaluering registreres, når den er gjort\./);
    const notBegun = await run(dir, ['--lang', 'da', 'agreement', 'evaluate', '2099-psyk-001', '--summary', 'Tidligt']);
    expect(notBegun).toMatchObject({ code: 2, stderr: 'fejl: aftale 2099-psyk-001 er endnu ikke begyndt (den begynder den 1. jan. 2099), så den kan ikke evalueres nu. Registrér evalueringen, når den er gjort.\n' });
    expect(read(dir, 'agreements/2099-psyk-001.yaml')).toBe(later);
  });

  test('call close records applicants and selection, after the deadline only', async () => {
    const dir = folder({ 'calls/2099-senere.yaml': CALL.replace('2025-opslag', '2099-senere').replace('deadline: 2025-02-01', 'deadline: 2099-02-01').replace('published: 2025-01-01', 'published: 2099-01-01') });
    expect((await run(dir, ['call', 'close', '2025-opslag', '--selected', 'alpha'])).code).toBe(0);
    expect(read(dir, 'calls/2025-opslag.yaml')).toContain('applicants: [alpha]\nselected: [alpha]\n');
    expect(read(dir, 'calls/2025-opslag.yaml')).toContain('status: closed\n');
    expect((await run(dir, ['call', 'close', '2099-senere'])).code).toBe(2);
  });

  test('hearing party add takes the organisation\'s areas; withdraw; consultation invite, omit, respond, open, close', async () => {
    // On its deadline day: it may still be opened (not after its deadline) and already closed (not before it).
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-04-01T12:00:00'));
    onTestFinished(() => { vi.useRealTimers(); });
    const dir = folder({ 'organisations/beta.yaml': org('beta', 'Beta') });
    expect(await run(dir, ['hearing-party', 'add', '--organisation', 'beta', '--since', '2021-01-01'])).toMatchObject({ code: 0, stdout: 'beta\n' });
    expect(read(dir, 'hearing-parties/beta.yaml')).toContain('organisation: beta\nareas: [psychiatry]\npatient_groups: [depression]\nsince: 2021-01-01\nstatus: active\n');
    expect((await run(dir, ['consultation', 'invite', '2026-hoering', 'alpha'])).code).toBe(0);
    expect((await run(dir, ['consultation', 'omit', '2026-hoering', 'beta', '--reason', 'Deltager i den nationale høring'])).code).toBe(0);
    // Not sent out yet, it takes no response.
    expect((await run(dir, ['consultation', 'respond', '2026-hoering', 'alpha', '--date', '2026-03-20'])).code).toBe(2);
    // Sent out on its deadline day, a month after its planned day: counted from today, the planned day kept.
    expect((await run(dir, ['consultation', 'open', '2026-hoering'])).code).toBe(0);
    expect((await run(dir, ['consultation', 'respond', '2026-hoering', 'beta'])).code).toBe(2);
    expect((await run(dir, ['consultation', 'respond', '2026-hoering', 'alpha', '--date', '2026-03-20'])).code).toBe(2);
    expect((await run(dir, ['consultation', 'respond', '2026-hoering', 'alpha'])).code).toBe(0);
    expect((await run(dir, ['consultation', 'close', '2026-hoering'])).code).toBe(0);
    expect(read(dir, 'consultations/2026-hoering.yaml')).toBe(CONSULTATION.replace('opens: 2026-03-01\n', 'opens: 2026-04-01\nplanned_opens: 2026-03-01\n').replace('status: planned\n', 'invited: [alpha]\nomitted:\n  - party: beta\n    reason: Deltager i den nationale høring\nresponses:\n  - party: alpha\n    received: 2026-04-01\nstatus: closed\n'));
    expect((await run(dir, ['hearing-party', 'withdraw', 'beta'])).code).toBe(0);
    expect(read(dir, 'hearing-parties/beta.yaml')).toContain('status: withdrawn\n');
  });

  test('pool budget and offer end', async () => {
    const dir = folder();
    const pb = await run(dir, ['pool', 'budget', 'puljen', '--year', '2027', '--amount', '1.200.000']);
    expect(pb.code, pb.stderr + pb.stdout).toBe(0);
    expect(read(dir, 'pools/puljen.yaml')).toContain('  - year: 2026\n    amount_dkk: 1000000\n  - year: 2027\n    amount_dkk: 1200000\n');
    expect((await run(dir, ['offer', 'end', 'gruppe', '--date', '2026-12-31'])).code).toBe(0);
    expect(read(dir, 'offers/gruppe.yaml')).toContain('active_from: 2026-01-01\nactive_until: 2026-12-31\n');
  });
});

describe('git trail', () => {
  test('one commit per change, naming kind, id and fields, never values; --no-commit skips it', async () => {
    const dir = gitFolder();
    const r = await run(dir, ['agreement', 'end', '2026-psyk-001', '--date', '2026-06-30']);
    expect(r.code).toBe(0);
    expect(git(dir, 'log', '-1', '--format=%s')).toBe('aftale 2026-psyk-001: status: aktiv → afsluttet, slut: ændret\n'); // the folder's language
    expect((await run(dir, ['org', 'edit', 'alpha', '--contact-name', 'Anne Hansen'])).code).toBe(0);
    expect(git(dir, 'log', '-1', '--format=%B')).toBe('organisation alpha: navn i kontakt: ændret\n\n');
    expect(git(dir, 'log', '-p', '--format=%B').match(/Anne Hansen/g)?.length).toBe(1); // only in the diff
    expect((await run(dir, ['org', 'edit', 'alpha', '--notes', 'x', '--no-commit'])).code).toBe(0);
    expect(git(dir, 'status', '--porcelain')).toBe(' M organisations/alpha.yaml\n');
  });

  test('a dirty tree is reported, not swept into the commit', async () => {
    const dir = gitFolder();
    writeFileSync(join(dir, 'offers/gruppe.yaml'), OFFER + 'description: i gang\n');
    const r = await run(dir, ['pool', 'budget', 'puljen', '--year', '2027', '--amount', '5']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Note: 1 other file in the data folder has changes not recorded in the history; it was left out of this change. civsam doctor shows it, and civsam doctor --record records it when it belongs in the history.');
    expect(git(dir, 'show', '--stat', '--format=%s', 'HEAD').trim().split('\n')[0]).toBe('pulje puljen: budgetter: 1 tilføjet');
    expect(git(dir, 'status', '--porcelain')).toBe(' M offers/gruppe.yaml\n');
    // The file itself half-edited by hand: saved, not committed, and said so.
    writeFileSync(join(dir, 'pools/puljen.yaml'), read(dir, 'pools/puljen.yaml') + '# i gang\n');
    const own = await run(dir, ['pool', 'budget', 'puljen', '--year', '2028', '--amount', '6']);
    expect(own.code).toBe(0);
    expect(own.stderr).toContain('Not recorded in the history: pools/puljen.yaml already had changes of its own that were not recorded');
  });
});

describe('contact erase, init, doctor', () => {
  test('contact erase removes the contact, commits without personal data and says history still holds it', async () => {
    const dir = gitFolder();
    const r = await run(dir, ['contact', 'erase', 'alpha']);
    expect(r.code).toBe(0);
    expect(read(dir, 'organisations/alpha.yaml')).not.toMatch(PERSONAL);
    expect(r.stderr).not.toMatch(PERSONAL);
    expect(r.stderr).toContain('The history still holds the contact in organisations/alpha.yaml, in 1 recorded version of the file: ');
    expect(git(dir, 'log', '-1', '--format=%B')).toBe('organisation alpha: kontakt: fjernet\n\n');
    expect((await run(dir, ['contact', 'erase', 'alpha'])).stderr).toBe('error: the organisation alpha has no contact person recorded.\n');
    const da = await run(makeFolder({ ...baseFiles(), 'organisations/alpha.yaml': org('alpha', 'Alpha Forening', '12345674', CONTACT) }), ['--lang', 'da', 'contact', 'erase', 'alpha', '--field', 'phone']);
    expect(da.code).toBe(0);
    expect(da.stderr).toContain('Kontaktpersonen er slettet fra');
  });

  test('a write drops the folder snapshot\'s copy of what it changed: an erased contact leaves the cache too', async () => {
    const dir = folder({ 'organisations/alpha.yaml': org('alpha', 'Alpha Forening', '12345674', CONTACT) });
    const cacheDir = makeFolder({});
    // No racy window: the files were written a moment ago and are to be kept all the same.
    const env = { CIVSAM_NO_CACHE: '', CIVSAM_CACHE_DIR: cacheDir, CIVSAM_SNAPSHOT_RACY_MS: '0' };
    // The snapshot's clock counts whole milliseconds: a file written in the same one as a run starts is racy.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    const cached = () => readdirSync(cacheDir).map((f) => readFileSync(join(cacheDir, f), 'utf8')).join('');
    expect((await civsam(['--data', dir, 'validate'], { env })).code).toBe(0);
    expect(cached()).toMatch(PERSONAL); // the cache holds the record, as the folder does
    expect((await run(dir, ['contact', 'erase', 'alpha'], { env })).code).toBe(0);
    expect(cached()).not.toMatch(PERSONAL);
    expect((await civsam(['--data', dir, 'validate'], { env })).code).toBe(0);
    expect(cached()).not.toMatch(PERSONAL);
  });

  test('init makes a valid empty register with schemas beside it; --sample copies the sample data', async () => {
    const parent = makeFolder({});
    const r = await civsam(['init', join(parent, 'ny')]);
    expect(r.code).toBe(0);
    expect(readdirSync(join(parent, 'ny')).sort()).toEqual(['.git', '.gitignore', 'agreements', 'applications', 'calls', 'civsam.yaml', 'consultations', 'hearing-parties', 'model.yaml', 'offers', 'organisations', 'pools', 'schemas', 'vocabularies']);
    expect(read(join(parent, 'ny'), 'vocabularies/municipalities.yaml')).toMatch(/^# yaml-language-server: \$schema=\.\.\/schemas\/municipalities\.schema\.json\n/);
    expect((await civsam(['--data', join(parent, 'ny'), 'validate'])).code).toBe(0);
    const add = await civsam(['--data', join(parent, 'ny'), 'org', 'add', '--name', 'Første Forening', '--kind', 'other', '--areas', 'social', '--scope', 'regional']);
    expect(add.code).toBe(0);
    expect(read(join(parent, 'ny'), 'organisations/foerste-forening.yaml')).toMatch(/^# yaml-language-server: \$schema=\.\.\/schemas\/organisation\.schema\.json\n/);
    expect((await civsam(['init', join(parent, 'ny')])).code).toBe(2);
    const sample = await civsam(['init', join(parent, 'eksempel'), '--sample']);
    expect(sample.code).toBe(0);
    // A sample is there to be looked at: the next step says how, not "register the first organisation".
    expect(sample.stderr).toContain('Then look at the sample register: civsam audit, civsam overview offers, or civsam publish --output ../site');
    expect(sample.stderr).not.toContain('first organisation');
    expect((await civsam(['--data', join(parent, 'eksempel'), 'validate'])).code).toBe(0);
  });

  test('init . in an empty folder keeps that folder (the one the user stands in), and fills it', async () => {
    const dir = join(makeFolder({}), 'her');
    mkdirSync(dir, { mode: 0o750 });
    const before = statSync(dir);
    const r = await civsam(['init', '.', '--sample'], { cwd: dir });
    expect(r.code).toBe(0);
    const after = statSync(dir);
    expect([after.ino, after.mode & 0o777]).toEqual([before.ino, 0o750]);
    expect(readdirSync(dir)).toContain('civsam.yaml');
    expect((await civsam(['validate'], { cwd: dir })).code).toBe(0);
  });

  test('doctor removes temporary files of interrupted writes and an abandoned lock', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'organisations/.alpha.yaml.99999999.0badc0de.tmp'), 'id: half');
    writeFileSync(join(dir, '.civsam.lock'), JSON.stringify({ pid: 99999999, host: hostname(), since: '2026-01-01T00:00:00.000Z', token: 'x' }));
    expect((await run(dir, ['validate'])).code).toBe(0); // never read as a record
    const r = await run(dir, ['doctor']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Cleared the lock left by a process that is no longer running (pid 99999999).');
    expect(r.stdout).toContain('Removed the temporary file of an interrupted write:');
    expect(readdirSync(join(dir, 'organisations'))).toEqual(['alpha.yaml']);
    expect(existsSync(join(dir, '.civsam.lock'))).toBe(false);
  });

  test('a write takes over a lock left by a killed process, saying so', async () => {
    const dir = folder();
    writeFileSync(join(dir, '.civsam.lock'), JSON.stringify({ pid: 99999999, host: hostname(), since: '2026-01-01T00:00:00.000Z', token: 'x' }));
    const r = await run(dir, ['org', 'edit', 'alpha', '--notes', 'ny']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Took over the data folder\'s lock: the civsam that held it on this computer is no longer running (it was stopped before it finished).');
  });
});

describe('a name that gives no id', () => {
  test('the placeholder "…" of an example typed as it stands: said to be a placeholder, nothing written (en and da)', async () => {
    const dir = folder();
    const args = ['org', 'add', '--name', '…', '--kind', 'patient-association', '--areas', 'psychiatry', '--scope', 'regional'];
    const en = await run(dir, args);
    expect(en.code).toBe(2);
    expect(en.stderr).toBe('error: cannot make an id for an organisation from the name or title given: it has no letter or digit. Write the real name ("…" in an example stands for it), or give an id with --id.\n');
    const da = await run(dir, ['--lang', 'da', ...args]);
    expect(da.code).toBe(2);
    expect(da.stderr).toBe('fejl: der kan ikke dannes et id til en organisation af det navn eller den titel, du angav: der er intet bogstav eller ciffer i. Skriv det rigtige navn (»…« i et eksempel står for det), eller angiv et id med --id.\n');
    expect(readdirSync(join(dir, 'organisations'))).toEqual(['alpha.yaml']);
  });
});
