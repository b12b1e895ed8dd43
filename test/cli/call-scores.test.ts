// The scoring sheet round trip: `call scoring-sheet` → filled in (here with SheetJS) →
// `call import-scores` → `call ranking`, and sheets refused whole, naming row and column.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { parse } from 'yaml';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';

const CALL = {
  id: 'c1', title: 'Opslag', areas: ['psychiatry'], scope: 'regional', published: '2026-01-05', deadline: '2026-02-01', channel: 'public',
  criteria: [{ id: 'reach', text: { da: 'Rækkevidde' }, weight: 2 }, { id: 'need', text: { da: 'Behov' } }],
};
const app = (id: string, o: string) => JSON.stringify({ id, call: 'c1', organisations: [o], amount_dkk: 100_000, kind: 'development', received: '2026-01-20' }) + '\n';
const folder = () => makeFolder({ ...baseFiles(), 'organisations/beta.yaml': org('beta', 'Beta'), 'calls/c1.yaml': JSON.stringify(CALL) + '\n', 'applications/a1.yaml': app('a1', 'alpha'), 'applications/a2.yaml': app('a2', 'beta') });

/** Writes a sheet, lets `fill` change its rows (header included), and saves it. */
async function sheetFor(dir: string, assessor: string, fill: (rows: unknown[][]) => void): Promise<string> {
  const file = join(makeFolder({}), `${assessor.replace(/\W/g, '')}.xlsx`);
  const r = await civsam(['--data', dir, 'call', 'scoring-sheet', 'c1', '--assessor', assessor, '--output', file]);
  expect(r.code).toBe(0);
  const wb = XLSX.read(readFileSync(file));
  const ws = wb.Sheets[wb.SheetNames[0]];
  const rows = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, defval: '' });
  fill(rows);
  wb.Sheets[wb.SheetNames[0]] = XLSX.utils.aoa_to_sheet(rows);
  writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }));
  return file;
}

describe('scoring sheets', () => {
  it('refuses a call whose criteria are plain texts with the command that gives them ids, each text quoted for the shell', async () => {
    const texts = { ...CALL, criteria: ['Kvalitet', 'Tilbud i "nye" kommuner $(rm -rf ~) prioriteres.'] };
    const dir = makeFolder({ ...baseFiles(), 'calls/c1.yaml': JSON.stringify(texts) + '\n', 'applications/a1.yaml': app('a1', 'alpha') });
    const r = await civsam(['--data', dir, '--lang', 'da', 'call', 'scoring-sheet', 'c1', '--assessor', 'Bo', '--output', join(makeFolder({}), 's.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain('{command}');
    expect(r.stderr).toBe('fejl: opslag c1 har ingen kriterier med id, så dets ansøgninger kan ikke bedømmes med karakterer. Giv opslaget dets kriterier igen, så får hvert kriterium et id efter sin tekst, og bedøm derefter. '
      + 'Sådan angives de igen: civsam call edit c1 --criteria Kvalitet \'Tilbud i "nye" kommuner $(rm -rf ~) prioriteres.\'\n');
  });

  it('refuses a sheet from an assessor with a declared tie to an applicant, as application assess does, and writes nothing; nor writes that assessor a sheet', async () => {
    const dir = folder();
    const file = await sheetFor(dir, 'Bo', (rows) => { rows[1][3] = 5; rows[1][4] = 5; rows[2][3] = 1; rows[2][4] = 1; });
    // Bo sits on Beta's board, and Beta applies (a2).
    writeFileSync(join(dir, 'calls/c1.yaml'), JSON.stringify({ ...CALL, declarations: [{ assessor: 'Bo', date: '2026-02-01', ties: [{ organisation: 'beta', relation: 'board' }] }] }) + '\n');
    const before = readFileSync(join(dir, 'applications/a1.yaml'), 'utf8');
    const r = await civsam(['--data', dir, '--lang', 'da', 'call', 'import-scores', 'c1', file, '--no-commit']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^fejl: denne bedømmer har erklæret en tilknytning til Beta, som søger i opslaget c1, og er inhabil i hele opslaget \(forvaltningslovens § 3\)/);
    expect(readFileSync(join(dir, 'applications/a1.yaml'), 'utf8')).toBe(before);
    // Nor is a new sheet written for that assessor; another assessor gets one.
    const sheet = join(makeFolder({}), 'bo.xlsx');
    const refused = await civsam(['--data', dir, 'call', 'scoring-sheet', 'c1', '--assessor', 'Bo', '--output', sheet]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^error: this assessor has declared a tie to Beta, which applies in call c1/);
    expect((await civsam(['--data', dir, 'call', 'scoring-sheet', 'c1', '--assessor', 'Anna', '--output', sheet])).code).toBe(0);
  });

  it('refuses a sheet dated after today or before the applications came, as application assess does (one check in the write path); nothing written', async () => {
    const dir = folder();
    const sheet = await sheetFor(dir, 'Bo', (rows) => { rows[1][3] = 3; rows[1][4] = 2; });
    const before = readFileSync(join(dir, 'applications/a1.yaml'), 'utf8');
    const future = await civsam(['--data', dir, '--lang', 'da', 'call', 'import-scores', 'c1', sheet, '--date', '2099-01-01', '--no-commit']);
    expect(future.code).toBe(2);
    expect(future.stderr).toMatch(/^fejl: bedømmelsen ville blive dateret efter i dag/m);
    // The applications came on 2026-01-20.
    const early = await civsam(['--data', dir, '--lang', 'da', 'call', 'import-scores', 'c1', sheet, '--date', '2026-01-19', '--no-commit']);
    expect(early.code).toBe(2);
    expect(readFileSync(join(dir, 'applications/a1.yaml'), 'utf8')).toBe(before);
  });

  it('round-trips two assessors\' scores into the ranking worked out by hand', async () => {
    const dir = folder();
    // Header: Application, Organisations, Title, reach, need, Note.
    const anna = await sheetFor(dir, 'Anna Ærø', (rows) => {
      expect(rows[0]).toEqual(['Application', 'Organisations', 'Title', 'reach', 'need', 'Note']);
      expect(rows.slice(1).map((r) => r[0])).toEqual(['a1', 'a2']);
      rows[1][3] = 5; rows[1][4] = 2; rows[2][3] = 3; rows[2][4] = 5; rows[2][5] = 'Godt behov';
    });
    const bo = await sheetFor(dir, 'Bo', (rows) => { rows[1][3] = 3; rows[1][4] = 2; rows[2][3] = 3; rows[2][4] = 3; });
    for (const f of [anna, bo]) {
      const r = await civsam(['--data', dir, 'call', 'import-scores', 'c1', f, '--date', '2026-02-10', '--no-commit']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).not.toContain('Anna');
    }
    // a1: reach (5+3)/2 = 4 → 8, need (2+2)/2 = 2 → 10. a2: reach 3 → 6, need (5+3)/2 = 4 → 10. Tied.
    // Then Bo raises a2's need to 5: need (5+5)/2 = 5 → 11, a2 first.
    const again = await sheetFor(dir, 'Bo', (rows) => {
      expect(rows.slice(1).map((r) => [r[0], r[3], r[4]])).toEqual([['a1', 3, 2], ['a2', 3, 3]]);
      rows[2][4] = 5;
    });
    expect((await civsam(['--data', dir, 'call', 'import-scores', 'c1', again, '--date', '2026-02-11', '--no-commit'])).code).toBe(0);
    const ranking = JSON.parse((await civsam(['--data', dir, 'call', 'ranking', 'c1', '--format', 'json'])).stdout);
    expect(ranking.applications.map((a: any) => [a.id, a.rank, a.total])).toEqual([['a2', 1, 11], ['a1', 2, 10]]);
  });

  it('changes only the scores a sheet brings and keeps an assessment\'s date and note, as application assess does, and says which dates stand', async () => {
    const dir = folder();
    // Anna assessed a1 on 10 February, under another spelling of her name, with a note.
    expect((await civsam(['--data', dir, 'application', 'assess', 'a1', '--assessor', 'anna  ÆRØ', '--score', 'reach=4', '--score', 'need=2', '--note', 'God', '--date', '2026-02-10', '--no-commit'])).code).toBe(0);
    // The sheet: a1's reach raised to 5, its need and note emptied; a2 scored for the first time.
    const sheet = await sheetFor(dir, 'Anna Ærø', (rows) => {
      expect(rows[1].slice(3)).toEqual([4, 2, 'God']);
      rows[1][3] = 5; rows[1][4] = ''; rows[1][5] = ''; rows[2][3] = 3; rows[2][4] = 3;
    });
    const r = await civsam(['--data', dir, '--lang', 'da', 'call', 'import-scores', 'c1', sheet, '--no-commit']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stderr.split('\n').filter(Boolean);
    expect(lines.slice(-2)).toEqual([
      expect.stringMatching(/^Én ny bedømmelse er dateret \d{1,2}\. [a-zæøå]+\.? \d{4}\.$/),
      'Én rettet bedømmelse beholder sin dato, 10. feb. 2026; skal den have en anden dato, så læs arket ind igen med --date ÅÅÅÅ-MM-DD.',
    ]);
    const a1 = parse(readFileSync(join(dir, 'applications/a1.yaml'), 'utf8'));
    expect(a1.assessments).toEqual([{ assessor: 'anna  ÆRØ', date: '2026-02-10', scores: [{ criterion: 'reach', score: 5 }, { criterion: 'need', score: 2 }], note: 'God' }]);
    // The same sheet with --date: both dated so; the one that had another day says which.
    const dated = await civsam(['--data', dir, 'call', 'import-scores', 'c1', sheet, '--date', '2026-02-12', '--no-commit']);
    expect(dated.code, dated.stderr).toBe(0);
    expect(dated.stderr.split('\n').filter(Boolean).slice(-1)).toEqual([expect.stringMatching(/^2 assessments are now dated 12 Feb 2026; they were dated 10 Feb 2026 and \d{1,2} [A-Z][a-z]{2} \d{4}\.$/)]);
    // Brought back unchanged, nothing is written and no date is spoken of.
    const again = await civsam(['--data', dir, 'call', 'import-scores', 'c1', sheet, '--date', '2026-02-12', '--no-commit']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).not.toMatch(/dated|date/);
  });

  it('refuses an escape code in the sheet\'s assessor or a note by the sheet\'s cell, and writes nothing', async () => {
    const dir = folder();
    const before = readFileSync(join(dir, 'applications/a1.yaml'), 'utf8');
    const noted = await sheetFor(dir, 'Anna', (rows) => { rows[1][3] = 4; rows[1][5] = 'God\u001b]0;x\u0007'; });
    const r = await civsam(['--data', dir, '--lang', 'da', 'call', 'import-scores', 'c1', noted, '--no-commit']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0].replace(/^.*?\.xlsx: /, '')).toBe('række 2, kolonne F: bemærkningen indeholder et kontroltegn (fx en escape-kode), som ville nå terminaler og regneark som en kommando; fjern det (linjeskift og tabulatorer er i orden).');
    // The assessor named in the second sheet, with an escape code in the name.
    const wb = XLSX.read(readFileSync(noted));
    const about = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[wb.SheetNames[1]], { header: 1, defval: '' });
    about[2][1] = 'An\u001b[31mna';
    wb.Sheets[wb.SheetNames[1]] = XLSX.utils.aoa_to_sheet(about);
    writeFileSync(noted, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }));
    const named = await civsam(['--data', dir, 'call', 'import-scores', 'c1', noted, '--no-commit']);
    expect(named.code).toBe(2);
    expect(named.stderr).toBe('error: the assessor\'s name in the workbook\'s sheet civsam holds a control character (an escape code, say), which would reach terminals and spreadsheets as a command. Nothing was imported; correct the name in the sheet, or give the assessor with --assessor.\n');
    expect(readFileSync(join(dir, 'applications/a1.yaml'), 'utf8')).toBe(before);
  });

  it('says an invisible character (a zero-width space) in the sheet\'s assessor or a note as invisible, not as an escape code, and writes nothing', async () => {
    const dir = folder();
    const before = readFileSync(join(dir, 'applications/a1.yaml'), 'utf8');
    const noted = await sheetFor(dir, 'Anna', (rows) => { rows[1][3] = 4; rows[1][5] = 'God\u200B ansøgning'; });
    const r = await civsam(['--data', dir, '--lang', 'da', 'call', 'import-scores', 'c1', noted, '--no-commit']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0].replace(/^.*?\.xlsx: /, '')).toBe('række 2, kolonne F: bemærkningen indeholder et usynligt tegn (et, der vender tekstens retning, eller et mellemrum uden bredde, som tit kommer med, når tekst kopieres fra en hjemmeside), så den kan vises som noget andet end det, der står; skriv bemærkningen igen.');
    const wb = XLSX.read(readFileSync(noted));
    const about = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[wb.SheetNames[1]], { header: 1, defval: '' });
    about[2][1] = 'An\u200Bna';
    wb.Sheets[wb.SheetNames[1]] = XLSX.utils.aoa_to_sheet(about);
    writeFileSync(noted, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }));
    const named = await civsam(['--data', dir, '--lang', 'da', 'call', 'import-scores', 'c1', noted, '--no-commit']);
    expect(named.code).toBe(2);
    expect(named.stderr).toBe('fejl: bedømmerens navn i projektmappens ark civsam indeholder et usynligt tegn (et, der vender tekstens retning, eller et mellemrum uden bredde, som tit kommer med, når tekst kopieres fra en hjemmeside), så det kan vises som noget andet end det, der står. Intet er læst ind; skriv navnet igen i arket, eller angiv bedømmeren med --assessor.\n');
    expect(readFileSync(join(dir, 'applications/a1.yaml'), 'utf8')).toBe(before);
  });

  it('refuses a sheet with a changed application list or a score out of range, whole, naming row and column', async () => {
    const dir = folder();
    const before = readFileSync(join(dir, 'applications/a1.yaml'), 'utf8');
    const bad = await sheetFor(dir, 'Anna', (rows) => {
      rows[1][3] = 4; rows[1][4] = 6;
      rows[2][0] = 'a9';
    });
    const r = await civsam(['--data', dir, 'call', 'import-scores', 'c1', bad, '--no-commit']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n').filter(Boolean).map((l) => l.replace(/^.*?\.xlsx: /, ''))).toEqual([
      'row 2, column E: the score for need must be a whole number from 0 to 5.',
      'row 3, column A: not an application of call c1 (the list of applications was changed); keep the rows as the scoring sheet wrote them.',
      'application a2 has no row; keep the rows as the scoring sheet wrote them, or write a new sheet.',
      'error: the scores in ' + bad + ' were not imported: 3 problems (listed above). Nothing was changed; correct the sheet and import it again.',
    ].map((l) => l.replace(/^.*?\.xlsx: /, '')));
    expect(readFileSync(join(dir, 'applications/a1.yaml'), 'utf8')).toBe(before);
  });
});
