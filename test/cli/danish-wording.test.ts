// What a Danish reader meets, read as a reviewer reads it (CIVSAM_LANG=da, 80 columns): fields and
// policy settings said in words (a setting's name at most once, as what to edit in civsam.yaml), no
// system codes or git's English, sentences with a verb, criteria by their wording, lines within the
// width, --lang saying once what it takes, and history's lists in words as `show` writes them.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';
import { git } from '../helpers/team.js';
import { sampleWithReasons } from '../helpers/sample-letters.js';
import { translate } from '../../src/i18n/index.js';
import { auditOf, call, folderWith } from '../audit/audit-fixture.js';

const DA = { env: { CIVSAM_LANG: 'da', COLUMNS: '80' } };
const da = (args: string[], cwd?: string) => civsam(args, { ...DA, ...(cwd ? { cwd } : {}) });
const longLines = (text: string) => text.split('\n').filter((l) => l.length > 80);

describe('field and setting names', () => {
  it('a contact never confirmed is told in Danish, with the commands that confirm or erase it (no field name)', async () => {
    const dir = makeFolder({ ...baseFiles(), 'organisations/beta.yaml': org('beta', 'Beta', undefined, 'contact:\n  role: formand\n') });
    const r = await da(['audit', '--rule', 'stale-contact', '--data', dir, '--format', 'json']);
    const messages = (JSON.parse(r.stdout) as { findings: Array<{ message: string }> }).findings.map((f) => f.message);
    expect(messages).toEqual(['kontaktoplysningerne er aldrig bekræftet. Når organisationen har bekræftet dem, så notér det med civsam org edit beta --contact-confirmed DATO; ellers slet dem med civsam contact erase beta.']);
  });

  it('audit --explain says what a policy setting is, naming it only as what to edit in civsam.yaml', async () => {
    const r = await da(['audit', '--explain', 'stale-contact']);
    expect(r.stdout.replace(/\n/g, ' ')).toContain('ikke er bekræftet inden for det antal måneder, politikken fastsætter (contact_confirm_months i civsam.yaml).');
    expect(r.stdout).not.toContain('politikkens contact_confirm_months');
  });

  it('export --help says the default of --within in words', async () => {
    const r = await da(['export', '--help']);
    expect(r.stdout).not.toContain('politikkens expiring_days');
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('standard: politikken for, hvornår en aftale regnes som udløbende, 90 dage, medmindre expiring_days i civsam.yaml siger andet');
  });
});

describe('no system codes or English inside Danish errors', () => {
  it('a refused file operation is said in words only', async () => {
    const r = await da(['overview', 'offers', '--output', '/nonexistent/folder/x.csv']);
    expect(r.stderr).toBe('fejl: kan ikke åbne /nonexistent/folder/x.csv: den selv eller mappen, den ligger i, findes ikke. Kontrollér stien; filen eller mappen er måske flyttet eller slettet.\n');
  });

  it('clone of an address git refuses to fetch from (ext::) says so in Danish, without git\'s words', async () => {
    const place = makeFolder({});
    const r = await da(['clone', 'ext::sh -c true', join(place, 'kopi')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('fejl: kunne ikke hente det fælles register: git henter ikke fra den slags adresse. Angiv en adresse, der begynder med https:// eller ssh:// (IT-afdelingen kender den), eller stien til en mappe, og prøv igen.\n');
  });
});

describe('grammar', () => {
  it('the --output refusal has a main verb', () => {
    expect(translate('da', 'output.insideData', { file: 'data/organisations/x.csv', dir: 'organisations' }))
      .toContain(', og en rapport, der blev skrevet dér, ville erstatte en af dem eller blive læst som en af dem.');
  });

  it('a CVR number of the wrong shape does not say CVR number twice', () => {
    expect(translate('da', 'problem.schema.patternCvr', { field: 'cvr' })).toBe('CVR-nummer skal have præcis 8 cifre og stå i anførselstegn.');
  });

  it('consultation plan numbers its rows Nr., not #', async () => {
    const r = await da(['consultation', 'plan', '2026-workshop-tvangsforebyggelse', '--as-of', '2026-04-01']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Nr\.: 1$/m);
    expect(r.stdout).not.toMatch(/^#/m);
  });

  it('consultation plan with no earlier consultation on the subject counts no invitations as "0 af 0", but says there is nothing to count', async () => {
    const r = await da(['consultation', 'plan', '--area', 'psykiatri', '--seats', '1', '--opens', '2027-01-10', '--as-of', '2000-01-01']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Historik: ingen tidligere høring med overlappende emne.');
    expect(r.stdout).toMatch(/^Inviteret: –$/m);
    expect(r.stdout).not.toContain('0 af 0');
  });

  it('an answer letter to an application without a title names the call it was made under', async () => {
    const data = sampleWithReasons();
    const file = join(data, 'applications/2025-civilsamfundspuljen-gryden-horsens.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*\n/m, ''));
    const out = join(makeFolder({}), 'breve');
    const r = await da(['call', 'letters', '2025-civilsamfundspuljen', '--out', out, '--data', data]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(out, '2025-civilsamfundspuljen-gryden-horsens.md'), 'utf8'))
      .toContain('giver afslag på jeres ansøgning om 200.000 kr. under opslaget »Puljen til styrkelse af civilsamfundssamarbejdet – ansøgningsrunde 2025«. Begrundelsen følger nedenfor.');
  });

  it('the ranking names the criteria by their wording, numbered, each with its weight', async () => {
    const r = await da(['call', 'ranking', '2025-civilsamfundspuljen']);
    const text = r.stdout.replace(/\n/g, ' ');
    expect(text).toContain('Kriterierne og deres vægt: 1) Tilbuddet når mange i sin målgruppe (vægt 2); 2) Tilbuddet dækker et behov, der ikke dækkes i dag (vægt 1);');
    expect(text).not.toContain('reach');
  });

  it('a missing score names the criterion by its wording, in the number of criteria', () => {
    const criteria = [{ id: 'daekning', text: { da: 'Dækning af målgruppen', en: 'Reach' } }, { id: 'behov', text: { da: 'Behov' } }];
    const files = folderWith([
      ['calls', call('c1', { criteria })],
      ['applications', { id: 'a1', call: 'c1', organisations: ['alpha'], amount_dkk: 1000, kind: 'development', received: '2024-10-15', assessments: [{ assessor: 'A', date: '2024-11-10', scores: [{ criterion: 'behov', score: 3 }] }], decision: { outcome: 'refused', date: '2024-12-01', reason: 'Behov', criteria: ['behov'] } }],
    ]);
    expect(auditOf(files, 'assessment-incomplete', { lang: 'da' }).map((f) => f.message))
      .toEqual(['mangler 1 karakter for kriteriet »Dækning af målgruppen« i opslaget »Opslag c1«; 1 bedømmer har bedømt ansøgninger til opslaget. Se bedømmerens karakterer med civsam application show a1. Afgørelsen blev truffet uden den manglende karakter: skal den bygge på den, så tag afgørelsen tilbage først (civsam application edit a1 --unset decision), registrér karakteren med civsam application assess a1 --assessor NAVN --score daekning=N, og træf afgørelsen igen.']);
  });

  it('an agreement made without a call rests on an "undtagelse" in help and show, as in the audit and on the site', async () => {
    const help = (await da(['agreement', 'add', '--help'])).stdout.replace(/\s+/g, ' ');
    expect(help).toContain('(en dokumenteret undtagelse)');
    expect(help).toContain('hvem der godkendte undtagelsen');
    expect(help).not.toMatch(/dispensation/i);
    expect(translate('da', 'label.exemption')).toBe('Undtagelse');
    expect(translate('da', 'audit.rule.exemption-incomplete.explain')).not.toMatch(/dispensation/i);
  });

  it('a partial grant is "en delvis bevilling", and the refusal says no amount', () => {
    const text = translate('da', 'application.appliedBelowPartlyGrantPlain', { id: 'ab', command: 'x' });
    expect(text).toMatch(/^ansøgning ab har fået en delvis bevilling, der er større end det nye ansøgte beløb/);
    expect(text).not.toMatch(/\d/);
  });

  it('the word after "fejl:" is small', async () => {
    const dir = makeFolder({ ...baseFiles(), 'rows.csv': 'navn;art;områder\nNy;patientforening;psykiatri\nAnden;patientforening;ukendt\n' });
    const r = await da(['import', 'organisations', join(dir, 'rows.csv'), '--data', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^fejl: intet blev importeret/m);
  });
});

describe('lines within 80 columns', () => {
  it('an unknown rule lists the rules, each wrapped under its title', async () => {
    const r = await da(['audit', '--explain', 'ingen-regel']);
    expect(r.code).toBe(2);
    expect(longLines(r.stderr.split('\n').slice(1).join('\n'))).toEqual([]);
    expect(r.stderr).toContain('  restricted-call – Opslag til en afgrænset kreds udelod sammenlignelige\n                    organisationer\n');
  });

  it('doctor wraps what it says about a repository without a remote', async () => {
    const dir = makeFolder(baseFiles());
    for (const args of [['init', '-q'], ['add', '-A'], ['commit', '-q', '-m', 'Start']]) expect(git(dir, args).code).toBe(0);
    const r = await da(['doctor', '--data', dir, '--dry-run']);
    expect(r.stdout).toContain('Datamappen deles ikke med holdet: der er ikke sat noget fælles arkiv op, så\nændringerne bliver på denne computer.');
    expect(longLines(r.stdout)).toEqual([]);
  });
});

describe('--lang', () => {
  it('the global option takes en or da, and says so once', async () => {
    const help = await da(['--help']);
    const lang = help.stdout.slice(help.stdout.indexOf('--lang'), help.stdout.indexOf('--no-color')).replace(/\s+/g, ' ');
    expect(lang).toBe('--lang <sprog> sprog for beskeder og rapporter (en af: en (engelsk), da (dansk); standard: $CIVSAM_LANG, ellers et dansk $LANG, ellers datamappens sprog, ellers en) ');
    // A value's word in either language is taken (dansk is da); another is refused naming every value, without <sprog>.
    expect((await da(['audit', '--lang', 'dansk', '--data', 'data'])).stderr).not.toContain('--lang');
    const refused = await da(['audit', '--lang', 'fransk']);
    expect(refused.stderr).toBe('fejl: --lang kan have værdien da (dansk) eller en (engelsk); civsam publish kan også have begge, der skriver siderne på begge sprog.\n');
  });

  it('publish lists its own --lang once, with begge and no English word', async () => {
    const r = await da(['publish', '--help']);
    expect(r.stdout.match(/^ {2}--lang/gm)).toHaveLength(1);
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('--lang <sprog> sidernes sprog; begge skriver begge sprog, det første i roden og engelsk i en/ (en af: dansk, engelsk, begge; standard: datamappens sprog, ellers dansk)');
    expect(r.stdout).not.toContain('both');
    expect((await da(['validate', '--lang', 'both'])).stderr).toBe('fejl: --lang begge kan kun bruges med civsam publish. Angiv --lang da eller --lang en.\n');
  });
});

describe('history in words', () => {
  it('a changed funding line is shown as show writes it, only the item that changed, with no JSON', async () => {
    const dir = makeFolder({
      ...baseFiles(),
      'pools/p1.yaml': 'id: p1\nname: Puljen\nareas: [psychiatry]\neligible_kinds: [development]\nbudgets:\n  - {year: 2026, amount_dkk: 1000000}\n',
      'agreements/a1.yaml': 'id: a1\ntitle: Aftalen\norganisations: [alpha]\nstart: 2026-01-01\nstatus: active\nestablished_by:\n  exemption: {reason: Akut, approved_by: Direktionen, date: 2025-12-01}\nfunding:\n  - {pool: p1, year: 2026, kind: development, amount_dkk: 100000}\n  - {pool: p1, year: 2027, kind: development, amount_dkk: 100000}\n',
    });
    for (const args of [['init', '-q'], ['add', '-A'], ['commit', '-q', '-m', 'Start']]) expect(git(dir, args).code).toBe(0);
    const file = join(dir, 'agreements/a1.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('year: 2027, kind: development, amount_dkk: 100000', 'year: 2027, kind: development, amount_dkk: 150000'));
    expect(git(dir, ['commit', '-q', '-am', 'Mere i 2027']).code).toBe(0);
    const r = await civsam(['history', 'agreement', 'a1', '--data', dir, '--format', 'md'], DA);
    expect(r.code, r.stderr).toBe(0);
    // Inside the line only the field that changed.
    expect(r.stdout).toContain('| Midler 2: beløb: 100.000 kr. → 150.000 kr. |');
    const change = r.stdout.split('\n').find((l) => l.includes('Mere i 2027'))!;
    expect(change).not.toContain('Midler 1');
    expect(change).not.toContain('pulje: p1');
    expect(r.stdout).not.toMatch(/\{"|amount_dkk/);
  });

  it('a consultation response noted: only the point\'s fields that changed, item by item, not the whole response twice', async () => {
    const consultation = 'id: h1\ntitle: Høringen\nareas: [psychiatry]\nopens: 2026-02-01\ndeadline: 2026-03-01\nselection: open\nstatus: open\nresponses:\n  - party: hp1\n    received: 2026-02-10\n    points:\n      - summary: Flere samtalegrupper\n      - summary: Længere åbningstid\n';
    const dir = makeFolder({
      ...baseFiles(),
      'hearing-parties/hp1.yaml': 'id: hp1\norganisation: alpha\nareas: [psychiatry]\nsince: 2026-01-01\nstatus: active\n',
      'consultations/h1.yaml': consultation,
    });
    for (const args of [['init', '-q'], ['add', '-A'], ['commit', '-q', '-m', 'Start']]) expect(git(dir, args).code).toBe(0);
    const file = join(dir, 'consultations/h1.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('      - summary: Længere åbningstid\n', '      - summary: Længere åbningstid\n        disposition: not\n        reason: Ingen midler\n'));
    expect(git(dir, ['commit', '-q', '-am', 'Noteret']).code).toBe(0);
    const r = await civsam(['history', 'consultation', 'h1', '--data', dir, '--format', 'md'], DA);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('| Svar 1, bemærkning 2: stillingtagen: – → ikke imødekommet; begrundelse: – → Ingen midler |');
    const change = r.stdout.split('\n').find((l) => l.includes('Noteret'))!;
    expect(change).not.toMatch(/resumé|modtaget|bemærkning 1/);
  });

  it('a decision\'s amount and criteria are said as show says them: kroner and the criterion\'s wording, not 100000 and its id', async () => {
    const dir = makeFolder({
      ...baseFiles(),
      'calls/c1.yaml': 'id: c1\ntitle: Opslag\nareas: [psychiatry]\nscope: regional\npublished: 2026-01-05\ndeadline: 2026-02-01\nchannel: public\ncriteria:\n  - {id: behov, text: {da: Dækning af behov}}\n',
      'applications/a1.yaml': 'id: a1\ncall: c1\norganisations: [alpha]\namount_dkk: 150000\nkind: development\nreceived: 2026-01-20\n',
    });
    for (const args of [['init', '-q'], ['add', '-A'], ['commit', '-q', '-m', 'Start']]) expect(git(dir, args).code).toBe(0);
    writeFileSync(join(dir, 'applications/a1.yaml'), readFileSync(join(dir, 'applications/a1.yaml'), 'utf8') + 'decision: {outcome: partly, date: 2026-03-01, amount_dkk: 100000, reason: Lavere behov, criteria: [behov]}\n');
    expect(git(dir, ['commit', '-q', '-am', 'Afgjort']).code).toBe(0);
    const r = await civsam(['history', 'application', 'a1', '--data', dir, '--format', 'md'], DA);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Afgørelse: beløb: – → 100.000 kr.');
    expect(r.stdout).toContain('Afgørelse: kriterier: – → Dækning af behov');
    expect(r.stdout).not.toMatch(/100000|→ behov\b/);
    expect(r.stdout.match(/Opslag: /g)).toHaveLength(1); // in the record's creation only, not beside the decision
    // An assessor's name is personal data too: the note says what was left out in general, not only contact persons.
    writeFileSync(join(dir, 'applications/a1.yaml'), readFileSync(join(dir, 'applications/a1.yaml'), 'utf8') + 'assessments: [{assessor: Fagkonsulent, date: 2026-02-10, scores: [{criterion: behov, score: 3}]}]\n');
    expect(git(dir, ['commit', '-q', '-am', 'Bedømt']).code).toBe(0);
    const assessed = await civsam(['history', 'application', 'a1', '--data', dir, '--format', 'md'], DA);
    expect(assessed.stdout).toContain('Værdier, der er personoplysninger (kontaktpersoner og bedømmere), er udeladt; --include-personal-data viser dem.');
    expect(assessed.stdout).not.toContain('Fagkonsulent');
  });

  it('a changed budget is said by its year', async () => {
    const dir = makeFolder({ ...baseFiles(), 'pools/p1.yaml': 'id: p1\nname: Puljen\nareas: [psychiatry]\neligible_kinds: [development]\nbudgets:\n  - {year: 2026, amount_dkk: 1000000}\n  - {year: 2027, amount_dkk: 1000000}\n' });
    for (const args of [['init', '-q'], ['add', '-A'], ['commit', '-q', '-m', 'Start']]) expect(git(dir, args).code).toBe(0);
    const file = join(dir, 'pools/p1.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('{year: 2027, amount_dkk: 1000000}', '{year: 2027, amount_dkk: 1250000}'));
    expect(git(dir, ['commit', '-q', '-am', 'Mere i 2027']).code).toBe(0);
    const r = await civsam(['history', 'pool', 'p1', '--data', dir, '--format', 'md'], DA);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('| Mere i 2027 | ændret | Budget 2027: 1.000.000 kr. → 1.250.000 kr. |');
  });
});
