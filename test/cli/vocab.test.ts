// civsam vocab add|rename|retire|list on small folders built here: each change writes the
// vocabulary's file through the register's write path (comments kept, one git commit, --dry-run,
// --no-commit), refuses what would make the vocabulary wrong, and a retired entry stays valid
// where records name it while no change may choose it anew.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { civsam, civsamBinary } from '../helpers/cli.js';
import { baseFiles, makeFolder } from '../helpers/folder.js';

const GIT_ENV = { GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.org', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.org' };

const GROUPS = [
  '# yaml-language-server: $schema=../../schemas/patient-groups.schema.json',
  '# Patientgrupper. Psykiatri først.',
  '- id: psykisk-sygdom',
  '  name: {da: Psykisk sygdom, en: Mental illness}',
  '  areas: [psychiatry, social]',
  '# Undergrupper',
  '- id: depression',
  '  name: {da: Depression, en: Depression}',
  '  areas: [psychiatry]',
  '  parent: psykisk-sygdom',
  '- id: angst',
  '  name: {da: Angst, en: Anxiety}   # den største gruppe',
  '  areas: [psychiatry]',
  '  parent: psykisk-sygdom',
  '- id: diabetes',
  '  name: {da: Diabetes, en: Diabetes}',
  '  areas: [health]',
  '',
].join('\n');

function folder(): string {
  const dir = makeFolder({ ...baseFiles(), 'vocabularies/patient-groups.yaml': GROUPS });
  for (const args of [['init', '-q'], ['add', '-A'], ['commit', '-q', '-m', 'start']]) spawnSync('git', args, { cwd: dir, env: { ...process.env, ...GIT_ENV } });
  return dir;
}
const run = (dir: string, args: string[]) => civsam(['--data', dir, ...args], { env: GIT_ENV });
const read = (dir: string, rel: string) => readFileSync(join(dir, rel), 'utf8');
const git = (dir: string, ...args: string[]) => spawnSync('git', args, { cwd: dir, encoding: 'utf8' }).stdout;
const groups = (dir: string) => read(dir, 'vocabularies/patient-groups.yaml');

describe('vocab add', () => {
  test('--name and --name-da are one field: different names are refused in both languages (add and rename), nothing written; the same name (another Unicode form too) is taken', async () => {
    const dir = folder();
    const before = groups(dir);
    const da = await civsam(['--data', dir, 'vocab', 'add', 'patientgrupper', '--name', 'Fobi', '--name-da', 'Frygt', '--areas', 'sundhed'], { env: { ...GIT_ENV, CIVSAM_LANG: 'da' } });
    expect(da).toEqual({ code: 2, stdout: '', stderr: 'fejl: --name og --name-da angiver begge det danske navn, og de fik hver sit: angiv kun det ene, med det navn, du mener.\n' });
    const en = await run(dir, ['vocab', 'rename', 'patient-groups', 'angst', '--name', 'Fobi', '--name-da', 'Frygt']);
    expect(en).toEqual({ code: 2, stdout: '', stderr: 'error: --name and --name-da both give the Danish name, and they were given different ones: give one of them, with the name you mean.\n' });
    expect(groups(dir)).toBe(before);
    const same = await run(dir, ['vocab', 'add', 'patient-groups', '--name', 'Fobi\u0301', '--name-da', 'Fobí', '--areas', 'health', '--no-commit']);
    expect(same.code).toBe(0);
    expect(groups(dir)).toContain('da: Fobí');
  });

  test('adds a patient group under its parent: id from the Danish name, areas from the parent, comments kept, one commit', async () => {
    const dir = folder();
    const r = await run(dir, ['--lang', 'da', 'vocab', 'add', 'patientgrupper', '--name-da', 'Tvangstanker og OCD', '--name-en', 'Obsessive-compulsive disorder', '--parent', 'angst']);
    expect(r.stderr).toContain('Gemt og registreret i historikken');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('tvangstanker-og-ocd\n');
    expect(groups(dir)).toBe(GROUPS + [
      '- id: tvangstanker-og-ocd',
      '  name:',
      '    da: Tvangstanker og OCD',
      '    en: Obsessive-compulsive disorder',
      '  areas: [psychiatry]',
      '  parent: angst',
      '',
    ].join('\n'));
    expect(git(dir, 'log', '-1', '--format=%B')).toBe('patientgruppe tvangstanker-og-ocd: oprettet\n\n');
    expect(git(dir, 'status', '--porcelain')).toBe('');
    expect((await run(dir, ['validate'])).code).toBe(0);
    // The new group is one records may now use.
    expect((await run(dir, ['org', 'add', '--name', 'OCD-foreningen', '--kind', 'other', '--areas', 'psychiatry', '--patient-groups', 'tvangstanker-og-ocd', '--scope', 'regional'])).code).toBe(0);
  });

  test('a municipality and an offer type, with the fields their files have', async () => {
    const dir = folder();
    expect((await run(dir, ['vocab', 'add', 'kommuner', '--name', 'Ringkøbing-Skjern'])).stdout).toBe('ringkoebing-skjern\n');
    expect(read(dir, 'vocabularies/municipalities.yaml')).toMatch(/- id: skive\n {2}name: Skive\n- id: ringkoebing-skjern\n {2}name: Ringkøbing-Skjern\n$/);
    const t = await run(dir, ['vocab', 'add', 'offer-types', '--id', 'walk-and-talk', '--name-da', 'Gå og snak', '--name-en', 'Walk and talk']);
    expect(t.code).toBe(0);
    expect(read(dir, 'vocabularies/offer-types.yaml')).toContain('- id: walk-and-talk\n  name:\n    da: Gå og snak\n    en: Walk and talk\n');
    expect((await run(dir, ['validate'])).code).toBe(0);
  });

  test('refused, writing nothing: a taken id or name (whatever its case, accents or Unicode form), an unknown or retired parent, an option of another vocabulary, a malformed id', async () => {
    const dir = folder();
    const before = groups(dir);
    const refusals: Array<[string[], string]> = [
      [['--id', 'angst', '--name-da', 'Ny', '--name-en', 'New', '--areas', 'health'], 'error: the patient group angst is already in the vocabulary.'],
      [['--name-da', 'ANGST', '--name-en', 'Fear', '--areas', 'health'], 'error: the name given to --name-da is already the name of the patient group angst.'],
      [['--name-da', 'Frygt', '--name-en', 'Anxiety'.normalize('NFD'), '--areas', 'health'], 'error: the name given to --name-en is already the name of the patient group angst.'],
      [['--name-da', 'Fobi', '--name-en', 'Phobia', '--parent', 'fobier'], 'error: there is no patient group that matches what you gave for --parent. Give one of these: Mental illness, Depression, Anxiety, Diabetes.'],
      [['--name-en', 'Phobia', '--areas', 'health'], 'error: a patient group needs --name-da.'],
      [['--name-da', 'Fobi', '--name-en', 'Phobia'], 'error: a patient group needs --areas (social, psychiatry, health), or a --parent to take them from.'],
      [['--id', '../fobi', '--name-da', 'Fobi', '--name-en', 'Phobia', '--areas', 'health'], 'error: --id'],
    ];
    for (const [args, message] of refusals) {
      const r = await run(dir, ['vocab', 'add', 'patient-groups', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toContain(message);
      expect(r.stdout).toBe('');
    }
    // An area is taken by its name too (`somatik` is health); one that names none is refused with the list, not repeated back.
    const area = await run(dir, ['vocab', 'add', 'patient-groups', '--name-da', 'Fobi', '--name-en', 'Phobia', '--areas', 'sport']);
    expect(area.code).toBe(2);
    expect(area.stderr).toBe('error: --areas does not take the value you gave. It takes: social, psychiatry, health.\nRun civsam vocab add --help to see its arguments and options.\n');
    // An escape code in a name never reaches the file.
    const esc = await run(dir, ['vocab', 'add', 'patient-groups', '--name-da', 'Fobi\u001b[31m', '--name-en', 'Phobia', '--areas', 'health']);
    expect(esc.code).toBe(2);
    expect(esc.stderr).toContain('contains a control character');
    expect(esc.stderr).not.toContain('\u001b');
    expect(groups(dir)).toBe(before);
    expect(git(dir, 'log', '--format=%s')).toBe('start\n');
    const municipality = await run(dir, ['vocab', 'add', 'municipalities', '--name', 'Vejle', '--name-en', 'Vejle']);
    expect(municipality.stderr).toBe('error: --name-en is not a field of a municipality; leave it out.\n');
    const unknown = await run(dir, ['--lang', 'da', 'vocab', 'add', 'sygdomme', '--name', 'X']);
    expect(unknown.stderr).toBe('fejl: den ordliste findes ikke. Ordlisterne er patientgrupper, kommuner og tilbudstyper (på engelsk patient-groups, municipalities og offer-types).\n');
  });

  test('--name is the Danish name in every vocabulary, and a new entry needs no English name: the Danish one stands in for it until one is given, and civsam says how to give it', async () => {
    const dir = folder();
    const r = await run(dir, ['--lang', 'da', 'vocab', 'add', 'patientgrupper', '--name', 'Pårørende til psykisk syge', '--areas', 'psykiatri']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('paaroerende-til-psykisk-syge\n');
    expect(r.stderr).toContain('Det engelske navn er det danske, indtil du angiver et: civsam vocab rename patientgrupper paaroerende-til-psykisk-syge --name-en "…"\n');
    expect(groups(dir)).toContain('- id: paaroerende-til-psykisk-syge\n  name:\n    da: Pårørende til psykisk syge\n    en: Pårørende til psykisk syge\n  areas: [psychiatry]\n');
    // The advice, followed, gives the English name.
    const en = await run(dir, ['vocab', 'rename', 'patientgrupper', 'paaroerende-til-psykisk-syge', '--name-en', 'Relatives of people with mental illness']);
    expect(en.code).toBe(0);
    expect(groups(dir)).toContain('    da: Pårørende til psykisk syge\n    en: Relatives of people with mental illness\n');
    // An offer type takes --name as its Danish name too; with --name-en there is nothing to say.
    const type = await run(dir, ['vocab', 'add', 'offer-types', '--name', 'Gå og snak', '--name-en', 'Walk and talk']);
    expect(type.code).toBe(0);
    expect(type.stderr).not.toContain('English name');
    expect(read(dir, 'vocabularies/offer-types.yaml')).toContain('- id: gaa-og-snak\n  name:\n    da: Gå og snak\n    en: Walk and talk\n');
  });

  test('--dry-run shows the change and writes nothing; --no-commit writes without a commit', async () => {
    const dir = folder();
    const dry = await run(dir, ['vocab', 'add', 'patient-groups', '--name-da', 'Fobi', '--name-en', 'Phobia', '--parent', 'angst', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('+- id: fobi\n');
    expect(dry.stdout).toMatch(/fobi\n$/);
    expect(groups(dir)).toBe(GROUPS);
    const nc = await run(dir, ['vocab', 'add', 'patient-groups', '--name-da', 'Fobi', '--name-en', 'Phobia', '--parent', 'angst', '--no-commit']);
    expect(nc.code).toBe(0);
    expect(groups(dir)).toContain('- id: fobi\n');
    expect(git(dir, 'log', '--format=%s')).toBe('start\n');
  });
});

describe('vocab rename', () => {
  test('changes only the name\'s line: the id, the other language and the comments stay', async () => {
    const dir = folder();
    const r = await run(dir, ['--lang', 'da', 'vocab', 'rename', 'patientgrupper', 'depression', '--name-da', 'Depression og nedtrykthed']);
    expect(r.code).toBe(0);
    expect(groups(dir)).toBe(GROUPS.replace('  name: {da: Depression, en: Depression}', '  name: {da: Depression og nedtrykthed, en: Depression}'));
    expect(git(dir, 'log', '-1', '--format=%s')).toBe('patientgruppe depression: navn på dansk: ændret\n');
    const taken = await run(dir, ['vocab', 'rename', 'patient-groups', 'depression', '--name-en', 'anxiety']);
    expect(taken.stderr).toBe('error: the name given to --name-en is already the name of the patient group angst. Names in a vocabulary must differ (case and accents aside).\n');
    const missing = await run(dir, ['vocab', 'rename', 'patient-groups', 'fobi', '--name-da', 'Fobi']);
    expect(missing.stderr).toBe('error: the patient group fobi is not in the vocabulary. civsam vocab list shows its entries.\n');
    expect((await run(dir, ['vocab', 'rename', 'patient-groups', 'depression'])).code).toBe(2);
  });
});

describe('vocab retire', () => {
  test('a retired group stays valid on the records that name it and is refused for anything new', async () => {
    const dir = folder();
    // alpha (baseFiles) names depression.
    const r = await run(dir, ['--lang', 'da', 'vocab', 'retire', 'patientgrupper', 'depression', '--date', '2026-03-01']);
    expect(r.code).toBe(0);
    expect(groups(dir)).toBe(GROUPS.replace('  parent: psykisk-sygdom\n- id: angst', '  parent: psykisk-sygdom\n  retired: 2026-03-01\n- id: angst'));
    expect(git(dir, 'log', '-1', '--format=%s')).toBe('patientgruppe depression: udfaset: sat\n');
    expect(r.stderr).toContain('1 post nævner den og beholder den. Nye poster, rettelser og importer kan ikke vælge den.\n');
    // Nor may a new group go under it.
    const child = await run(dir, ['vocab', 'add', 'patient-groups', '--name-da', 'Fødselsdepression', '--name-en', 'Postnatal depression', '--parent', 'depression']);
    expect(child.stderr).toBe('error: --parent names the patient group “Depression” (depression), which was retired on 1 Mar 2026; choose a broader group still in use.\n');

    const validate = await run(dir, ['validate']);
    expect(validate.code).toBe(0);
    expect(validate.stderr + validate.stdout).not.toContain('retired');
    // The record that had it may change anything else.
    expect((await run(dir, ['org', 'edit', 'alpha', '--website', 'https://alpha.example'])).code).toBe(0);

    const add = await run(dir, ['--lang', 'da', 'org', 'add', '--name', 'Ny Forening', '--kind', 'other', '--areas', 'psychiatry', '--patient-groups', 'angst,depression', '--scope', 'regional']);
    expect(add.code).toBe(2);
    // Told by the flag that chose it: the new record's file is not written.
    expect(add.stderr).not.toContain('organisations/ny-forening.yaml:');
    expect(add.stderr).toContain('  --patient-groups: patientgruppen »Depression« (depression) blev udfaset 1. mar. 2026: poster, der allerede nævner den, beholder den, men den kan ikke vælges på ny.');
    const en = await run(dir, ['org', 'add', '--name', 'Ny Forening', '--kind', 'other', '--areas', 'psychiatry', '--patient-groups', 'depression', '--scope', 'regional']);
    expect(en.stderr).toContain('the patient group “Depression” (depression) was retired on 1 Mar 2026');
    // Adding it to a record that did not have it is choosing it anew.
    writeFileSync(join(dir, 'organisations/beta.yaml'), 'id: beta\nname: Beta\nkind: other\nareas: [psychiatry]\npatient_groups: [angst]\nmunicipalities: [aarhus]\nstatus: active\n');
    const edit = await run(dir, ['org', 'edit', 'beta', '--patient-groups', 'angst,depression']);
    expect(edit.code).toBe(2);
    expect(edit.stderr).toContain('was retired on 1 Mar 2026');
    // So is an import row.
    const sheet = join(makeFolder({}), 'ark.csv');
    writeFileSync(sheet, 'name;kind;areas;patient_groups;municipalities\nGamma;other;psychiatry;depression;aarhus\n');
    const imp = await run(dir, ['--lang', 'da', 'import', 'organisations', sheet, '--dry-run']);
    expect(imp.code).toBe(2);
    expect(imp.stderr).toContain('række 2, kolonne D (patient_groups): patientgruppen »Depression« (depression) blev udfaset 1. mar. 2026');
    writeFileSync(sheet, 'name;kind;areas;patient_groups;municipalities\nGamma;other;psychiatry;depression;aarhus\nDelta;other;psychiatry;angst;aarhus\n');
    const skip = await run(dir, ['import', 'organisations', sheet, '--skip-invalid', '--rejected', join(makeFolder({}), 'afvist.csv')]);
    expect(skip.code).toBe(1);
    expect(skip.stderr).toContain('row 2, column D (patient_groups): the patient group “Depression” (depression) was retired on 1 Mar 2026');
    expect(read(dir, 'organisations/delta.yaml')).toContain('patient_groups: [angst]');
  });

  test('retiring again keeps the day unless --date corrects it; a day after today is refused', async () => {
    const dir = folder();
    expect((await run(dir, ['vocab', 'retire', 'offer-types', 'hotline', '--date', '2026-01-15'])).code).toBe(0);
    const again = await run(dir, ['vocab', 'retire', 'offer-types', 'hotline']);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('No change');
    expect(read(dir, 'vocabularies/offer-types.yaml')).toContain('- id: hotline\n  name: {da: Rådgivning, en: Helpline}\n  retired: 2026-01-15\n');
    const future = await run(dir, ['vocab', 'retire', 'offer-types', 'peer-group', '--date', '2999-01-01']);
    expect(future.code).toBe(2);
    expect(read(dir, 'vocabularies/offer-types.yaml')).not.toContain('2999');
  });
});

describe('vocab list', () => {
  test('JSON gives each vocabulary\'s entries as the files hold them, a retired date included', async () => {
    const dir = folder();
    await run(dir, ['vocab', 'retire', 'municipalities', 'skive', '--date', '2026-02-01']);
    const r = await run(dir, ['vocab', 'list', '--format', 'json']);
    expect(r.code).toBe(0);
    const data = JSON.parse(r.stdout);
    expect(Object.keys(data)).toEqual(['patient-groups', 'municipalities', 'offer-types']);
    expect(data.municipalities).toContainEqual({ id: 'skive', name: 'Skive', retired: '2026-02-01' });
    expect(data['patient-groups'][2]).toEqual({ id: 'angst', name: { da: 'Angst', en: 'Anxiety' }, areas: ['psychiatry'], parent: 'psykisk-sygdom' });
    const md = await run(dir, ['--lang', 'da', 'vocab', 'list', 'tilbudstyper', '--format', 'md']);
    expect(md.stdout).toContain('| Samtalegruppe | peer-group |');
  });
});

describe('the built binary', () => {
  test('retires a municipality and lists it in Danish', () => {
    const dir = folder();
    const retire = civsamBinary(['--data', dir, '--lang', 'da', 'vocab', 'retire', 'kommuner', 'skive', '--date', '2026-01-01'], { env: GIT_ENV });
    expect(retire.stderr).toContain('Ingen poster nævner den. Nye poster, rettelser og importer kan ikke vælge den.\n');
    expect(retire.code).toBe(0);
    const list = civsamBinary(['--data', dir, '--lang', 'da', 'vocab', 'list', 'kommuner'], { env: { COLUMNS: '80' } });
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^Kommuner \(3\)\n/);
    expect(list.stdout).toMatch(/│ Skive +│ skive +│ 1\. jan\. 2026 │/);
    expect(list.stderr).toBe('');
  });
});
