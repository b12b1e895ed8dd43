// `civsam history` of an application whose scores changed says each score by the criterion it is
// for, in the call's wording as `application show` gives it, not by its place in the list
// ("Bedømmelse 1, karakter 1: karakter: 3 → 4" said neither what was scored nor read as Danish).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder } from '../helpers/folder.js';
import { git } from '../helpers/team.js';

const CALL = ['id: c1', 'title: Opslag 2027', 'areas: [psychiatry]', 'scope: regional', 'published: 2026-10-01', 'deadline: 2026-11-15', 'channel: public',
  'criteria:', '  - id: quality', '    text: {da: Faglig kvalitet, en: Quality}', '  - id: reach', '    text: {da: Rækkevidde, en: Reach}', ''].join('\n');
const APPLICATION = ['id: c1-alpha', 'call: c1', 'organisations: [alpha]', 'title: Angstcafé', 'amount_dkk: 1000', 'kind: development', 'received: 2026-11-10',
  'assessments:', '  - assessor: X', '    date: 2026-11-25', '    scores:', '      - {criterion: quality, score: 3}', '      - {criterion: reach, score: 2}', ''].join('\n');

/** The history's lines of changes, the table's borders taken off. */
const changes = (out: string) => out.split('\n').filter((l) => l.startsWith('│')).map((l) => l.split('│').slice(1, -1).map((c) => c.trim()).join(' | '));

describe('the history of an application\'s scores', () => {
  it('says each changed score by its criterion\'s wording, matched by criterion (scores given anew in another order, one taken away), in Danish and English', async () => {
    const dir = makeFolder({ ...baseFiles(), 'calls/c1.yaml': CALL, 'applications/c1-alpha.yaml': APPLICATION });
    const file = join(dir, 'applications/c1-alpha.yaml');
    const commit = (message: string) => {
      for (const args of [['add', '-A'], ['commit', '-q', '-m', message]]) expect(git(dir, args).code).toBe(0);
    };
    expect(git(dir, ['init', '-q']).code).toBe(0);
    commit('Start');
    writeFileSync(file, readFileSync(file, 'utf8').replace('score: 3}', 'score: 4}'));
    commit('Karakter rettet');
    // The scores given anew in another order, one for quality taken away and one for reach changed.
    writeFileSync(file, readFileSync(file, 'utf8').replace('      - {criterion: quality, score: 4}\n      - {criterion: reach, score: 2}\n', '      - {criterion: reach, score: 5}\n'));
    commit('Karakterer rettet');
    const da = await civsam(['history', 'c1-alpha', '--data', dir, '--include-personal-data', '--lang', 'da'], { env: { COLUMNS: '100' } });
    expect(da.code, da.stderr).toBe(0);
    const lines = changes(da.stdout);
    expect(lines).toContain('ændret | Bedømmelse 1, karakter for »Rækkevidde«: 2 → 5');
    expect(lines).toContain(' | Bedømmelse 1, karakter for »Faglig kvalitet«: 4 → –');
    expect(lines).toContain('ændret | Bedømmelse 1, karakter for »Faglig kvalitet«: 3 → 4');
    expect(da.stdout).not.toContain('karakter 1');
    const en = await civsam(['history', 'c1-alpha', '--data', dir, '--include-personal-data', '--lang', 'en'], { env: { COLUMNS: '100' } });
    expect(changes(en.stdout)).toContain('changed | Assessment 1, score for “Quality”: 3 → 4');
  });
});
