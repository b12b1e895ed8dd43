// A decided application's scores stand as the decision found them: no score is added or changed
// after it, neither by `application assess` nor by `call import-scores` (one check in the write
// path every change goes through), nor taken away (`assess --remove`, `edit --unset assessments`)
// but a disqualified assessor's, which call letters asks to have removed; the refusal says how a
// decision is revisited. An undecided one's scoring stays possible.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';
import { todayIs } from '../helpers/today.js';

const CALL = ['id: c1', 'title: Opslaget', 'areas: [psychiatry]', 'scope: regional', 'published: 2026-11-01', 'deadline: 2026-11-15', 'channel: public', 'criteria:', '  - id: reach', '    text: {da: Rækkevidde}', 'status: closed', ''].join('\n');
const SCORED = 'assessments:\n  - assessor: Anna\n    date: 2026-11-20\n    scores:\n      - criterion: reach\n        score: 4\n';
const APP = (id: string, o: string, extra = '') => `id: ${id}\ncall: c1\norganisations: [${o}]\ntitle: Samtaler\namount_dkk: 1000\nkind: development\nreceived: 2026-11-10\n${SCORED}${extra}`;
const DECIDED = 'decision:\n  outcome: granted\n  date: 2026-12-01\n';
// Bo declared a tie to beta, which applies in the call: disqualified in the whole call.
const TIED = 'declarations:\n  - assessor: Bo\n    date: 2026-11-16\n    ties:\n      - organisation: beta\n        relation: board\n';
const BO = '  - assessor: Bo\n    date: 2026-11-20\n    scores:\n      - criterion: reach\n        score: 5\n';
const folder = (call = CALL) => makeFolder({ ...baseFiles(), 'organisations/beta.yaml': org('beta', 'Beta'), 'calls/c1.yaml': call, 'applications/a1.yaml': APP('a1', 'alpha', DECIDED), 'applications/a2.yaml': APP('a2', 'beta') });
const run = (dir: string, args: string[], lang = 'da') => civsam(['--data', dir, ...args, '--no-commit'], { env: { CIVSAM_LANG: lang, COLUMNS: '300' } });

const REFUSED_DA = 'fejl: ansøgning a1 blev afgjort den 1. dec. 2026, og afgørelsen og brevet bygger på karaktererne, som de var da, så der gives, ændres eller fjernes ingen karakterer bagefter; '
  + 'kun karaktererne fra en inhabil bedømmer (en, der har erklæret tilknytning til en ansøger i opslaget) fjernes. '
  + 'Skal afgørelsen tages op igen, så tag den tilbage først med civsam application edit a1 --unset decision (historikken gemmer den), registrér karaktererne, træf afgørelsen igen, og skriv et nyt brev til ansøgeren.\n';

todayIs('2026-12-06');

describe('scores of a decided application', () => {
  it('application assess: a new assessor\'s scores and a changed score are refused, in both languages; nothing is written', async () => {
    const dir = folder();
    const before = readFileSync(join(dir, 'applications/a1.yaml'), 'utf8');
    const added = await run(dir, ['application', 'assess', 'a1', '--assessor', 'Ny Person', '--score', 'reach=0']);
    expect(added.code).toBe(2);
    expect(added.stderr).toBe(REFUSED_DA);
    const changed = await run(dir, ['application', 'assess', 'a1', '--assessor', 'Anna', '--score', 'reach=1'], 'en');
    expect(changed.code).toBe(2);
    expect(changed.stderr).toBe('error: application a1 was decided on 1 Dec 2026, and the decision and its letter rest on the scores as they were then, so no score is added, changed or removed after it; only a disqualified assessor\'s (one who declared a tie to an applicant in the call) are removed. '
      + 'If the decision must be revisited, take it back first with civsam application edit a1 --unset decision (the history keeps it), record the scores, decide again and write the applicant a new letter.\n');
    expect(readFileSync(join(dir, 'applications/a1.yaml'), 'utf8')).toBe(before);
  });

  it('application assess --remove and edit --unset assessments: an assessor\'s scores are not taken away after the decision; nothing is written', async () => {
    const dir = folder();
    const before = readFileSync(join(dir, 'applications/a1.yaml'), 'utf8');
    expect(await run(dir, ['application', 'assess', 'a1', '--assessor', 'Anna', '--remove'])).toEqual({ code: 2, stdout: '', stderr: REFUSED_DA });
    expect(await run(dir, ['application', 'edit', 'a1', '--unset', 'assessments'])).toEqual({ code: 2, stdout: '', stderr: REFUSED_DA });
    expect(readFileSync(join(dir, 'applications/a1.yaml'), 'utf8')).toBe(before);
  });

  it('near miss: a disqualified assessor\'s scores are taken away after the decision (as call letters asks), the others\' are kept', async () => {
    const dir = folder(CALL + TIED);
    writeFileSync(join(dir, 'applications/a1.yaml'), APP('a1', 'alpha', BO + DECIDED));
    // Both at once would take Anna's too.
    expect((await run(dir, ['application', 'edit', 'a1', '--unset', 'assessments'])).code).toBe(2);
    expect((await run(dir, ['application', 'assess', 'a1', '--assessor', 'Bo', '--remove'])).code).toBe(0);
    const after = readFileSync(join(dir, 'applications/a1.yaml'), 'utf8');
    expect(after).toContain('assessor: Anna');
    expect(after).not.toContain('assessor: Bo');
  });

  it('near miss: an undecided application is scored and its assessment taken away; the way the refusal gives works', async () => {
    const dir = folder();
    expect((await run(dir, ['application', 'assess', 'a2', '--assessor', 'Ny Person', '--score', 'reach=2'])).code).toBe(0);
    expect((await run(dir, ['application', 'assess', 'a2', '--assessor', 'Anna', '--remove'])).code).toBe(0);
    expect((await run(dir, ['application', 'edit', 'a1', '--unset', 'decision'])).code).toBe(0);
    expect((await run(dir, ['application', 'assess', 'a1', '--assessor', 'Ny Person', '--score', 'reach=0'])).code).toBe(0);
  });

  it('call import-scores: a sheet that gives a decided application scores is refused whole, as application assess refuses them', async () => {
    const dir = folder();
    const file = join(makeFolder({}), 'karakter.xlsx');
    expect((await civsam(['--data', dir, 'call', 'scoring-sheet', 'c1', '--assessor', 'Ny Person', '--output', file])).code).toBe(0);
    const wb = XLSX.read(readFileSync(file));
    const ws = wb.Sheets[wb.SheetNames[0]];
    const rows = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, defval: '' });
    for (const row of rows.slice(1)) row[3] = 0;
    wb.Sheets[wb.SheetNames[0]] = XLSX.utils.aoa_to_sheet(rows);
    writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }));
    const before = [readFileSync(join(dir, 'applications/a1.yaml'), 'utf8'), readFileSync(join(dir, 'applications/a2.yaml'), 'utf8')];
    const r = await run(dir, ['call', 'import-scores', 'c1', file]);
    expect(r.code).toBe(2);
    // Named by its row with the sheet's other problems, so the sheet is mended in one go; the undecided a2's row alone would go in.
    expect(r.stderr).toBe(`  ${file}: række 2: ansøgning a1 blev afgjort den 1. dec. 2026, og dens karakterer står, som afgørelsen fandt dem; lad rækken stå, som karakterarket skrev den, eller tom. `
      + 'Skal afgørelsen tages op igen, så tag den først tilbage med civsam application edit a1 --unset decision.\n'
      + `fejl: karaktererne i ${file} blev ikke læst ind: 1 problem (vist ovenfor). Intet er ændret; ret arket, og læs det ind igen.\n`);
    expect([readFileSync(join(dir, 'applications/a1.yaml'), 'utf8'), readFileSync(join(dir, 'applications/a2.yaml'), 'utf8')]).toEqual(before);
    // Near miss: with the decided application's row left empty, the rest goes in.
    rows[1][3] = '';
    wb.Sheets[wb.SheetNames[0]] = XLSX.utils.aoa_to_sheet(rows);
    writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }));
    expect((await run(dir, ['call', 'import-scores', 'c1', file])).code).toBe(0);
    expect(readFileSync(join(dir, 'applications/a1.yaml'), 'utf8')).toBe(before[0]);
    expect(readFileSync(join(dir, 'applications/a2.yaml'), 'utf8')).toContain('assessor: Ny Person');
  });
});
