// Two case workers share one register and change the same records in their own copies. Before,
// two assessors' scores of one application were "a conflict in assessments", and --mine threw the
// colleague's scores away without a word; a record created on both sides was an edit conflict, and
// --theirs dropped a whole organisation; fields were named by their keys ("felterne notes"); a
// colleague's invalid record came in unannounced; the merge commit was English in a Danish folder.
// Now entries of a list merge by their identity, conflicts name fields by their labels, every choice
// says what it discards, and invalid records that come in are named.
import { lstatSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse, stringify } from 'yaml';
import { civsam } from '../helpers/cli.js';
import { baseFiles, org } from '../helpers/folder.js';
import { checkShared, cloneAs, folderState, sharedRegister, type Member } from '../helpers/team.js';

const CALL = { id: 'c1', title: 'Opslag', areas: ['psychiatry'], scope: 'regional', published: '2026-01-05', deadline: '2026-02-01', channel: 'public', criteria: [{ id: 'reach', text: { da: 'Rækkevidde' } }, { id: 'need', text: { da: 'Behov' } }] };
const APP = { id: 'a1', call: 'c1', organisations: ['alpha'], amount_dkk: 1000, kind: 'development', received: '2026-01-20' };

function team(): { bare: string; home: string; anna: Member; bo: Member } {
  const { bare, home } = sharedRegister({ ...baseFiles(), 'calls/c1.yaml': JSON.stringify(CALL) + '\n', 'applications/a1.yaml': JSON.stringify(APP) + '\n' });
  return { bare, home, anna: cloneAs('Anna', bare, home), bo: cloneAs('Bo', bare, home) };
}

/** civsam in this process, in Danish, on the member's copy. */
const da = (m: Member, ...args: string[]) => civsam(['--data', m.dir, ...args], { env: { CIVSAM_LANG: 'da' } });
const record = (m: Member, rel: string) => parse(readFileSync(join(m.dir, rel), 'utf8')) as Record<string, any>;
const assessors = (m: Member) => (record(m, 'applications/a1.yaml').assessments as Array<{ assessor: string; scores: Array<{ score: number }> }>).map((a) => `${a.assessor}:${a.scores.map((s) => s.score).join(',')}`);

describe('civsam sync merges what two people changed in one record', () => {
  test('two assessors score the same application in their own copies: both syncs keep both assessments', async () => {
    const { bare, home, anna, bo } = team();
    expect((await da(anna, 'application', 'assess', 'a1', '--assessor', 'Fagkonsulent B', '--score', 'reach=4,need=3')).code).toBe(0);
    expect((await da(anna, 'sync')).code).toBe(0);
    expect((await da(bo, 'application', 'assess', 'a1', '--assessor', 'Fagkonsulent C', '--score', 'reach=2,need=2')).code).toBe(0);
    const r = await da(bo, 'sync');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('i forskellige felter (eller forskellige elementer i en liste), og forenet: ansøgning a1');
    expect((await da(anna, 'sync')).code).toBe(0);
    for (const m of [anna, bo]) expect(assessors(m)).toEqual(['Fagkonsulent C:2,2', 'Fagkonsulent B:4,3']);
    expect(checkShared(bare, home).validate.code).toBe(0);
  });

  test('entries git would merge line by line are merged by their data: a reordered list keeps each score with its assessor, and a funding line moved to another year on one side and changed on the other is a conflict, not one side\'s year beside the other\'s amount', async () => {
    const assessed = { ...APP, assessments: [
      { assessor: 'Fagkonsulent B', date: '2026-02-01', scores: [{ criterion: 'reach', score: 4 }, { criterion: 'need', score: 4 }] },
      { assessor: 'Fagkonsulent C', date: '2026-02-01', scores: [{ criterion: 'reach', score: 3 }, { criterion: 'need', score: 3 }] },
    ] };
    const agreement = 'id: g1\ntitle: Aftale\norganisations: [alpha]\nareas: [psychiatry]\nscope: regional\nstart: 2026-01-01\nstatus: active\nestablished_by:\n  exemption: {reason: Akut, approved_by: Direktionen, date: 2025-12-01}\nfunding:\n  - pool: p1\n    year: 2026\n    kind: operation\n    amount_dkk: 300000\n  - pool: p1\n    year: 2027\n    kind: operation\n    amount_dkk: 300000\n';
    const pool = 'id: p1\nname: Puljen\nareas: [psychiatry]\neligible_kinds: [operation]\nbudgets:\n  - {year: 2026, amount_dkk: 1000000}\n  - {year: 2027, amount_dkk: 1000000}\n  - {year: 2028, amount_dkk: 1000000}\n';
    const { bare, home } = sharedRegister({ ...baseFiles(), 'calls/c1.yaml': JSON.stringify(CALL) + '\n', 'applications/a1.yaml': stringify(assessed), 'pools/p1.yaml': pool, 'agreements/g1.yaml': agreement });
    const anna = cloneAs('Anna', bare, home);
    const bo = cloneAs('Bo', bare, home);
    // Anna puts C's assessment first (an editor), and moves the 2027 money to 2028.
    const app = join(anna.dir, 'applications/a1.yaml');
    const data = record(anna, 'applications/a1.yaml');
    writeFileSync(app, stringify({ ...data, assessments: [data.assessments[1], data.assessments[0]] }));
    expect(anna.git(['commit', '-qam', 'Rækkefølge']).code).toBe(0);
    const moved = await da(anna, 'agreement', 'edit', 'g1', '--funding', 'p1:2026:drift:300000', '--funding', 'p1:2028:drift:300000');
    expect(moved.code, moved.stderr).toBe(0);
    expect((await da(anna, 'sync')).code).toBe(0);
    // Bo changes C's need score, and the 2027 amount.
    expect((await da(bo, 'application', 'assess', 'a1', '--assessor', 'Fagkonsulent C', '--score', 'need=1')).code).toBe(0);
    expect((await da(bo, 'agreement', 'edit', 'g1', '--funding', 'p1:2026:drift:300000', '--funding', 'p1:2027:drift:450000')).code).toBe(0);
    const stopped = await da(bo, 'sync');
    expect(stopped.code, stopped.stderr).toBe(2);
    expect(stopped.stderr).toContain('aftale g1');
    // The funding line both changed is named by its pool, year and kind, as a person finds it.
    expect(stopped.stderr).toContain('  aftale g1 (Aftale): begge har ændret midler (pulje Puljen, år 2027, art drift)\n');
    expect(stopped.stderr).not.toContain('ansøgning a1: begge');
    // The application merges by assessor: C's new score stays C's, whatever the order.
    const r = await da(bo, 'sync', '--mine');
    expect(r.code, r.stderr).toBe(0);
    // What is discarded is the line itself, not "1 entry of the field".
    expect(r.stderr).toContain('  aftale g1 (Aftale): din version af midler (pulje Puljen, år 2027, art drift) er beholdt; den fælles version er kasseret.\n');
    expect(assessors(bo).sort()).toEqual(['Fagkonsulent B:4,4', 'Fagkonsulent C:3,1']);
    // --mine decides the entry both changed (2027: Bo's amount); the 2028 line only Anna added is kept, as every entry one side alone changed is.
    expect(record(bo, 'agreements/g1.yaml').funding.map((f: { year: number; amount_dkk: number }) => `${f.year}:${f.amount_dkk}`)).toEqual(['2026:300000', '2027:450000', '2028:300000']);
    expect(checkShared(bare, home).validate.code).toBe(0);
  });

  test('a point added to a party\'s response on one side and another point of it decided on the other: both kept, no conflict', async () => {
    const party = (id: string) => `id: ${id}\norganisation: ${id}\nareas: [psychiatry]\npatient_groups: [depression]\nsince: 2020-01-01\nstatus: active\n`;
    const consultation = [
      'id: h1', 'title: Høring', 'areas: [psychiatry]', 'opens: 2026-12-01', 'deadline: 2026-12-20', 'selection: all', 'invited: [alpha]',
      'responses:', '  - party: alpha', '    received: 2026-12-02', '    points:', '      - summary: Fristen er for kort.', '      - summary: Pårørende skal med.', 'status: open', '',
    ].join('\n');
    const { bare, home } = sharedRegister({ ...baseFiles(), 'hearing-parties/alpha.yaml': party('alpha'), 'consultations/h1.yaml': consultation });
    const anna = cloneAs('Anna', bare, home);
    const bo = cloneAs('Bo', bare, home);
    expect((await da(anna, 'consultation', 'note', 'h1', '--party', 'alpha', '--point', 'Flere møder.')).code).toBe(0);
    expect((await da(anna, 'sync')).code).toBe(0);
    const decided = await da(bo, 'consultation', 'note', 'h1', '--party', 'alpha', '--index', '2', '--disposition', 'accommodated');
    expect(decided.code, decided.stderr).toBe(0);
    const r = await da(bo, 'sync');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('og forenet: høring h1.');
    const points = (m: Member) => (record(m, 'consultations/h1.yaml').responses[0].points as Array<{ summary: string; disposition?: string }>).map((x) => `${x.summary}${x.disposition ? ` ${x.disposition}` : ''}`);
    expect(points(bo)).toEqual(['Fristen er for kort.', 'Pårørende skal med. accommodated', 'Flere møder.']);
    expect((await da(anna, 'sync')).code).toBe(0);
    expect(points(anna)).toEqual(points(bo));
    expect(checkShared(bare, home).validate.code).toBe(0);
  });

  test('a link a colleague committed with git itself comes in as a link, not as a file holding the path it leads to', async () => {
    const { anna, bo } = team();
    symlinkSync('alpha.yaml', join(bo.dir, 'organisations/link.yaml'));
    expect(bo.git(['add', 'organisations/link.yaml']).code).toBe(0);
    expect(bo.git(['commit', '-qm', 'Link']).code).toBe(0);
    expect(bo.git(['push', '-q']).code).toBe(0);
    expect((await da(anna, 'sync')).code).toBe(0);
    expect(lstatSync(join(anna.dir, 'organisations/link.yaml')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(anna.dir, 'organisations/link.yaml'))).toBe('alpha.yaml');
    expect(anna.git(['status', '--porcelain']).stdout).toBe('');
  });

  test('the same assessment and the same fields changed on both sides: named by their Danish labels; --mine says what it discards and keeps the rest of both', async () => {
    const { bare, home, anna, bo } = team();
    await da(anna, 'application', 'assess', 'a1', '--assessor', 'Fagkonsulent B', '--score', 'reach=4,need=3');
    await da(anna, 'application', 'assess', 'a1', '--assessor', 'Fagkonsulent C', '--score', 'reach=1,need=1');
    await da(anna, 'org', 'edit', 'alpha', '--notes', 'Annas note', '--kind', 'pårørendeforening');
    expect((await da(anna, 'sync')).code).toBe(0);
    await da(bo, 'application', 'assess', 'a1', '--assessor', 'Fagkonsulent B', '--score', 'reach=2,need=2');
    await da(bo, 'org', 'edit', 'alpha', '--notes', 'Bos note', '--kind', 'brugerforening', '--website', 'https://alpha.example');
    const before = folderState(bo.dir);
    const stopped = await da(bo, 'sync');
    expect(stopped.code).toBe(2);
    // An assessment is named by its place, not by its assessor (personal data).
    expect(stopped.stderr).toContain('  ansøgning a1: begge har ændret bedømmelse 1\n');
    expect(stopped.stderr).toContain('  organisation alpha (Alpha Forening): begge har ændret felterne »art« og »noter«\n');
    expect(stopped.stderr).toContain('  civsam sync --mine\n      behold din version af det, der er i konflikt ovenfor; den fælles version kasseres\n');
    expect(stopped.stderr).not.toMatch(/Annas|Bos note|Fagkonsulent|notes|assessments/);
    expect(folderState(bo.dir)).toEqual(before);

    const r = await da(bo, 'sync', '--mine');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain([
      'Konflikter løst (2):',
      '  ansøgning a1: din version af bedømmelse 1 er beholdt; den fælles version er kasseret.',
      '  organisation alpha (Alpha Forening): din version af felterne »art« og »noter« er beholdt; den fælles version er kasseret.',
    ].join('\n'));
    // Bo's own assessment and fields won; Anna's other assessor and nothing else of hers was lost.
    expect(assessors(bo)).toEqual(['Fagkonsulent B:2,2', 'Fagkonsulent C:1,1']);
    expect(record(bo, 'organisations/alpha.yaml')).toMatchObject({ notes: 'Bos note', kind: 'user-association', website: 'https://alpha.example' });
    // The merge commit speaks the folder's language (civsam.yaml says da), like every commit civsam writes.
    expect(bo.git(['log', '-1', '--format=%s']).stdout).toBe('civsam sync: de fælles ændringer flettet ind; konflikter løst (ansøgning a1, organisation alpha)');
    expect((await da(anna, 'sync')).code).toBe(0);
    expect(assessors(anna)).toEqual(assessors(bo));
    expect(checkShared(bare, home).validate.code).toBe(0);
  });

  test('--theirs takes the shared version of what is in conflict, says so, and keeps your other changes', async () => {
    const { anna, bo } = team();
    await da(anna, 'org', 'edit', 'alpha', '--notes', 'Annas note');
    await da(anna, 'sync');
    await da(bo, 'org', 'edit', 'alpha', '--notes', 'Bos note', '--website', 'https://alpha.example');
    const r = await da(bo, 'sync', '--theirs', 'org', 'alpha');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('  organisation alpha (Alpha Forening): den fælles version af feltet »noter« er taget; din version er kasseret.');
    expect(record(bo, 'organisations/alpha.yaml')).toMatchObject({ notes: 'Annas note', website: 'https://alpha.example' });
  });

  test('a record created on both sides with the same id: said as such, with what to do; --theirs says it discards yours whole', async () => {
    const { anna, bo } = team();
    const add = (m: Member, kind: string) => da(m, 'org', 'add', '--name', 'Gamma Forening', '--kind', kind, '--areas', 'psykiatri', '--patient-groups', 'angst', '--municipalities', 'skive');
    expect((await add(anna, 'patientforening')).code).toBe(0);
    await da(anna, 'sync');
    expect((await add(bo, 'pårørendeforening')).code).toBe(0);
    const stopped = await da(bo, 'sync');
    expect(stopped.code).toBe(2);
    expect(stopped.stderr).toContain('  organisation gamma-forening (Gamma Forening): begge har oprettet en post med dette id\n');
    expect(stopped.stderr).not.toContain('begge har ændret');
    expect(stopped.stderr).toContain(`Er organisation gamma-forening (Gamma Forening) én og samme, oprettet to gange, så behold den ene: civsam sync --mine org gamma-forening beholder din, civsam sync --theirs org gamma-forening tager den fælles; den anden kasseres helt. Er det to forskellige, så lav en kopi af din med et andet id og navn: civsam org add --id NYT-ID --name "NYT NAVN" --from-file ${join(bo.dir, 'organisations/gamma-forening.yaml')}; først når det er lykkedes, så fjern din med civsam org remove gamma-forening, og kør så civsam sync igen.`);
    const r = await da(bo, 'sync', '--theirs', 'org', 'gamma-forening');
    expect(r.code, r.stderr).toBe(0);
    // Bo's only change was discarded from the content, and that is said; his commit still goes into
    // the shared history under the merge (as --mine keeps the other side's), so it is counted as sent.
    expect(r.stderr).toContain('Synkroniseret: dine ændringer sendt: 1; kollegernes ændringer hentet: 1.');
    expect(r.stderr).toContain('  organisation gamma-forening (Gamma Forening): posten, der blev oprettet i den fælles mappe, er taget; din post med samme id er kasseret helt.');
    expect(record(bo, 'organisations/gamma-forening.yaml').kind).toBe('patient-association');
  });

  test('a colleague\'s invalid record that comes in is named, with who made it and where to look; your changes are still sent', async () => {
    const { bare, anna, bo } = team();
    writeFileSync(join(anna.dir, 'organisations/delta.yaml'), org('delta', 'Delta Forening').replace('status: active', 'status: aktiv'));
    anna.git(['add', '-A']);
    anna.git(['commit', '-q', '-m', 'delta']);
    expect(anna.git(['push', '-q', 'origin', 'HEAD']).code).toBe(0);
    await da(bo, 'org', 'edit', 'alpha', '--notes', 'Bos note');
    const r = await da(bo, 'sync');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain([
      'Bemærk: en post, der kom ind med kollegernes ændringer, er ikke gyldig: organisation delta (Delta Forening).',
      'Ændringerne er lavet af: Anna.',
      'Dine egne ændringer er sendt alligevel: de tilføjer ingen problemer selv.',
      'Kør civsam validate for at se, hvad der er galt, og ret det (eller aftal det med den kollega, der bør).',
    ].join('\n'));
    expect(bo.git(['rev-parse', 'HEAD']).stdout).toBe(bo.git(['ls-remote', bare, 'main']).stdout.split('\t')[0]);
    // With nothing of one's own to send, the same is said, without the part about sending.
    const { anna: anna2, bo: bo2 } = team();
    writeFileSync(join(anna2.dir, 'organisations/delta.yaml'), org('delta', 'Delta Forening').replace('status: active', 'status: aktiv'));
    anna2.git(['add', '-A']);
    anna2.git(['commit', '-q', '-m', 'delta']);
    anna2.git(['push', '-q', 'origin', 'HEAD']);
    const only = await da(bo2, 'sync');
    expect(only.code, only.stderr).toBe(0);
    expect(only.stderr).toContain('er ikke gyldig: organisation delta (Delta Forening).');
    expect(only.stderr).not.toContain('Dine egne ændringer er sendt');
  });

  test('an invalid name that comes in with an invisible direction mark is named without it, and the mark said in words, not shown as �', async () => {
    const { anna, bo } = team();
    writeFileSync(join(anna.dir, 'organisations/delta.yaml'), org('delta', 'Delta Forening').replace('Delta Forening', 'Delta \u202EgnineroF'));
    anna.git(['add', '-A']);
    anna.git(['commit', '-q', '-m', 'delta']);
    expect(anna.git(['push', '-q', 'origin', 'HEAD']).code).toBe(0);
    const r = await da(bo, 'sync');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Bemærk: en post, der kom ind med kollegernes ændringer, er ikke gyldig: organisation delta (»Delta gnineroF« med et usynligt tegn, der vender tekstens retning).\n');
    expect(r.stderr).not.toMatch(/[\uFFFD\u202E]/);
    const { anna: anna2, bo: bo2 } = team();
    writeFileSync(join(anna2.dir, 'organisations/delta.yaml'), org('delta', 'Delta Forening').replace('Delta Forening', '"Delta \\e[31mForening"'));
    anna2.git(['add', '-A']);
    anna2.git(['commit', '-q', '-m', 'delta']);
    anna2.git(['push', '-q', 'origin', 'HEAD']);
    const en = await civsam(['--data', bo2.dir, 'sync']);
    expect(en.stderr).toContain('organisation delta ("Delta [31mForening" with an invisible control character).\n');
    expect(en.stderr).not.toMatch(/[\uFFFD\u001B]/);
  });
});
