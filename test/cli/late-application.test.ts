// An application received after its call's deadline is recorded as it came, but never passed over
// in silence: `application add` (and an edit that moves the day received) says so at once, and
// `call ranking` marks it late in the table and in JSON. The audit's late-application-granted
// (an error) follows when such an application is granted.
import { describe, expect, it } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';
import { todayIs } from '../helpers/today.js';

const CALL = ['id: c1', 'title: Opslag 2027', 'areas: [psychiatry]', 'scope: regional', 'published: 2026-10-01', 'deadline: 2026-11-15', 'channel: public', 'criteria:', '  - id: reach', '    text: {da: Rækkevidde}', ''].join('\n');
const APP = (id: string, o: string, received: string, score: number) => `id: ${id}\ncall: c1\norganisations: [${o}]\ntitle: Samtaler\namount_dkk: 1000\nkind: development\nreceived: ${received}\nassessments:\n  - assessor: Anna\n    date: 2026-11-25\n    scores:\n      - criterion: reach\n        score: ${score}\n`;
const folder = () => makeFolder({ ...baseFiles(), 'organisations/beta.yaml': org('beta', 'Beta'), 'calls/c1.yaml': CALL });
const view = (dir: string, args: string[]) => civsam(['--data', dir, ...args], { env: { CIVSAM_LANG: 'da', COLUMNS: '300' } });
const run = (dir: string, args: string[], lang = 'da') => civsam(['--data', dir, ...args, '--no-commit'], { env: { CIVSAM_LANG: lang, COLUMNS: '300' } });
const ADD = ['application', 'add', '--call', 'Opslag 2027', '--organisation', 'alpha', '--amount', '1000', '--kind', 'development', '--title', 'Pårørendecaféer'];

todayIs('2026-12-06');

describe('an application received after the deadline', () => {
  it('application add records it and says it came late, in both languages', async () => {
    const dir = folder();
    const da = await run(dir, [...ADD, '--received', '2026-11-20']);
    expect(da.code).toBe(0);
    expect(da.stdout).toBe('c1-alpha\n');
    expect(da.stderr).toContain('Bemærk: ansøgning c1-alpha blev modtaget 20. nov. 2026, efter fristen 15. nov. 2026 i opslaget »Opslag 2027«. '
      + 'Rangordningen markerer den som kommet for sent, og civsam audit melder det, hvis den får tilskud. Er modtagelsesdatoen forkert, så ret den med civsam application edit c1-alpha --received ÅÅÅÅ-MM-DD.\n');
    const en = await run(folder(), [...ADD, '--received', '2026-11-16'], 'en');
    expect(en.code).toBe(0);
    expect(en.stderr).toContain('Note: application c1-alpha was received 16 Nov 2026, after the deadline of the call “Opslag 2027”, 15 Nov 2026. '
      + 'The ranking marks it late, and civsam audit reports it if it is granted. If the day received is wrong, correct it with civsam application edit c1-alpha --received YYYY-MM-DD.\n');
  });

  it('application edit that moves the day received past the deadline says so; one that leaves it does not', async () => {
    const dir = makeFolder({ ...baseFiles(), 'calls/c1.yaml': CALL, 'applications/a1.yaml': APP('a1', 'alpha', '2026-11-10', 3) });
    const moved = await run(dir, ['application', 'edit', 'a1', '--received', '2026-11-17']);
    expect(moved.code).toBe(0);
    expect(moved.stderr).toContain('Bemærk: ansøgning a1 blev modtaget 17. nov. 2026, efter fristen 15. nov. 2026');
    const other = await run(dir, ['application', 'edit', 'a1', '--notes', 'Ringet op']);
    expect(other.code).toBe(0);
    expect(other.stderr).not.toContain('efter fristen');
  });

  it('near miss: received on the deadline day is on time, and nothing is said', async () => {
    const r = await run(folder(), [...ADD, '--received', '2026-11-15']);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('efter fristen');
  });

  it('call ranking marks it late in the table, with a note, and in JSON', async () => {
    const dir = makeFolder({ ...baseFiles(), 'organisations/beta.yaml': org('beta', 'Beta'), 'calls/c1.yaml': CALL, 'applications/a1.yaml': APP('a1', 'alpha', '2026-11-20', 5), 'applications/a2.yaml': APP('a2', 'beta', '2026-11-10', 2) });
    const text = await view(dir, ['call', 'ranking', 'c1']);
    expect(text.code).toBe(0);
    const lines = text.stdout.split('\n');
    // Both are called Samtaler: each is told apart by its id beside the title.
    expect(lines.find((l) => l.includes(' Samtaler (a1) '))).toMatch(/│ +1 │ Alpha .*│ 20\. nov\. 2026, efter fristen │/);
    expect(lines.find((l) => l.includes(' Samtaler (a2) '))).toMatch(/│ +2 │ Beta .*│ 10\. nov\. 2026 +│/);
    expect(text.stdout).toContain('1 ansøgning kom efter opslagets frist, 15. nov. 2026 (a1): de andre overholdt den, så civsam audit melder det, hvis en for sent indkommen ansøgning får tilskud.');
    const json = JSON.parse((await view(dir, ['call', 'ranking', 'c1', '--format', 'json'])).stdout) as { deadline: string; applications: Array<{ id: string; received: string; late: boolean }> };
    expect(json.deadline).toBe('2026-11-15');
    expect(json.applications.map((a) => [a.id, a.received, a.late])).toEqual([['a1', '2026-11-20', true], ['a2', '2026-11-10', false]]);
  });

  it('near miss: no application late, no column and no note', async () => {
    const dir = makeFolder({ ...baseFiles(), 'calls/c1.yaml': CALL, 'applications/a1.yaml': APP('a1', 'alpha', '2026-11-15', 5) });
    const text = await view(dir, ['call', 'ranking', 'c1']);
    expect(text.code).toBe(0);
    expect(text.stdout).not.toContain('Modtaget');
    expect(text.stdout).not.toContain('efter opslagets frist');
  });
});
