// Lists and history in an 80-column window: one table each, the name or title first, the columns
// that matter most kept and the reader told which were left out; an id is never broken across
// lines; history gives the changed fields the window's width. CSV and Markdown keep every column.
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { civsam, ROOT } from '../helpers/cli.js';
import { baseFiles, makeFolder } from '../helpers/folder.js';
import { git } from '../helpers/team.js';
import { todayIs } from '../helpers/today.js';

const SAMPLE = join(ROOT, 'data');
const DA = { CIVSAM_LANG: 'da' };
const list = (kind: string, columns: number, more: string[] = []) => civsam(['--data', SAMPLE, kind, 'list', ...more], { env: { ...DA, COLUMNS: String(columns) } });
/** A table's header cells, from its second line. */
const headers = (stdout: string) => stdout.split('\n').find((l) => l.startsWith('│'))!.split('│').slice(1, -1).map((c) => c.trim());
const tables = (stdout: string) => stdout.split('\n').filter((l) => l.startsWith('┌')).length;
const ids = (folder: string) => readdirSync(join(SAMPLE, folder)).map((f) => f.replace(/\.yaml$/, ''));

describe('lists at 80 columns', () => {
  // The day the sample data's README tells its story on: which statuses there are decides the widths.
  todayIs('2026-11-23');

  it('application list: one table; the organisations, the call and the decision stay (they tell the rows apart and where each stands), the other columns said', async () => {
    const r = await list('application', 80);
    expect(r.code, r.stderr).toBe(0);
    expect(tables(r.stdout)).toBe(1);
    expect(headers(r.stdout)).toEqual(['Organisationer', 'Opslag', 'Art', 'Afgørelse']);
    expect(r.stdout).toMatch(/│ Ædru Sammen Midt +│ Puljen til styrkelse af +│ \S+ +│ bevilget +│/);
    expect(Math.max(...r.stdout.split('\n').map((l) => l.length))).toBeLessThanOrEqual(80);
    expect(r.stderr).toBe('Disse kolonner er udeladt, så tabellen passer til vinduets bredde: Titel, Id, Ansøgt og Bevilget. De vises i et bredere vindue eller med --format md.\n');
    // A little wider, the title comes back beside them.
    expect(headers((await list('application', 100)).stdout)).toEqual(['Titel', 'Organisationer', 'Opslag', 'Afgørelse']);
  });

  it('application list without titles: the empty Titel column gives way, the columns that then fit are shown', async () => {
    // The sample's applications as staff often register them: without a title.
    const dir = makeFolder({});
    cpSync(SAMPLE, dir, { recursive: true });
    for (const f of readdirSync(join(dir, 'applications'))) {
      const file = join(dir, 'applications', f);
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*\n/m, ''));
    }
    const r = await civsam(['--data', dir, 'application', 'list'], { env: { ...DA, COLUMNS: '80' } });
    expect(r.code, r.stderr).toBe(0);
    expect(tables(r.stdout)).toBe(1);
    // The 80 columns go to what the rows hold, not to an empty column.
    expect(headers(r.stdout)).toEqual(['Organisationer', 'Opslag', 'Art', 'Afgørelse']);
    expect(r.stdout).toMatch(/│ Gryden – +│ Puljen til styrkelse af +│ udvikling +│ afslag +│/);
    expect(Math.max(...r.stdout.split('\n').map((l) => l.length))).toBeLessThanOrEqual(80);
    expect(r.stderr).toBe('Disse kolonner er udeladt, så tabellen passer til vinduets bredde: Titel, Id, Ansøgt og Bevilget. De vises i et bredere vindue eller med --format md.\n');
  });

  it('application list with a title in few rows: the title gives way first, the call that tells the rows apart stays', async () => {
    // Titles left out of all but the first application, as staff often register them.
    const dir = makeFolder({});
    cpSync(SAMPLE, dir, { recursive: true });
    for (const f of readdirSync(join(dir, 'applications')).sort().slice(1)) {
      const file = join(dir, 'applications', f);
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*\n/m, ''));
    }
    // At 100 columns, where the sample with every title keeps its titles (above), the amounts take their room.
    const r = await civsam(['--data', dir, 'application', 'list'], { env: { ...DA, COLUMNS: '100' } });
    expect(r.code, r.stderr).toBe(0);
    expect(headers(r.stdout)).toEqual(['Organisationer', 'Opslag', 'Ansøgt', 'Afgørelse', 'Bevilget']);
    expect(r.stderr).toBe('Disse kolonner er udeladt, så tabellen passer til vinduets bredde: Titel, Id og Art. De vises i et bredere vindue eller med --format md.\n');
  });

  it('agreement list: the status stays, so a draft or cancelled agreement\'s money is not read as an active one\'s', async () => {
    const r = await list('agreement', 80);
    expect(r.code, r.stderr).toBe(0);
    expect(headers(r.stdout)).toEqual(['Titel', 'Organisationer', 'Status', 'Midler']);
    expect(r.stdout).toMatch(/│ ADHD-coaching for unge +│ ADHD-netværket +│ udkast +│ +200\.000 kr\. │/);
    expect(r.stderr).toBe('Disse kolonner er udeladt, så tabellen passer til vinduets bredde: Id, Start og Slut. De vises i et bredere vindue eller med --format md.\n');
  });

  it('offer list: one table, title first (ids whole wherever shown: see the widths below)', async () => {
    const r = await list('offer', 80);
    expect(r.code, r.stderr).toBe(0);
    expect(tables(r.stdout)).toBe(1);
    expect(headers(r.stdout)).toEqual(['Titel', 'Organisation', 'Status']);
    expect(r.stderr).toBe('Disse kolonner er udeladt, så tabellen passer til vinduets bredde: Id, Type, Fra og Til. De vises i et bredere vindue eller med --format md.\n');
  });

  it('org list: the id gives way first in every narrow window (the name, which is unique, identifies the row), then the kind; name and status stay; one column is said as one', async () => {
    for (const columns of [80, 100]) {
      const r = await list('org', columns);
      expect(headers(r.stdout), String(columns)).toEqual(['Navn', 'Art', 'Områder', 'Status']);
      expect(r.stderr).toBe('Denne kolonne er udeladt, så tabellen passer til vinduets bredde: Id. Den vises i et bredere vindue eller med --format md.\n');
    }
    const en = await civsam(['--data', SAMPLE, 'org', 'list'], { env: { COLUMNS: '80' } });
    expect(headers(en.stdout)).toEqual(['Name', 'Kind', 'Areas', 'Status']);
    expect(en.stderr).toBe('This column was left out so the table fits the width of the window: Id. A wider window shows it, as does --format md.\n');
    const narrower = await list('org', 70);
    expect(headers(narrower.stdout)).toEqual(['Navn', 'Områder', 'Status']);
    expect(narrower.stderr).toBe('Disse kolonner er udeladt, så tabellen passer til vinduets bredde: Id og Art. De vises i et bredere vindue eller med --format md.\n');
    // Near miss: a window wide enough for all shows the id whole beside the name.
    expect(headers((await list('org', 120)).stdout)).toEqual(['Navn', 'Id', 'Art', 'Områder', 'Status']);
  });

  it('a window wide enough for ids shows each one whole, on one line, beside its title', async () => {
    const r = await list('offer', 140);
    expect(headers(r.stdout).slice(0, 2)).toEqual(['Titel', 'Id']);
    for (const id of ids('offers')) expect(r.stdout, id).toMatch(new RegExp(`│ ${id} +│`));
    const apps = await list('application', 180);
    expect(headers(apps.stdout).slice(0, 2)).toEqual(['Titel', 'Id']);
    for (const id of ids('applications')) expect(apps.stdout, id).toMatch(new RegExp(`│ ${id} +│`));
  });

  it('every list kind at 80 columns is one table, its name or title first, no line wider than the window', async () => {
    for (const [kind, first] of [['org', 'Navn'], ['agreement', 'Titel'], ['pool', 'Navn'], ['call', 'Titel'], ['consultation', 'Titel'], ['hearing-party', 'Organisation']]) {
      const r = await list(kind, 80);
      expect(r.code, kind).toBe(0);
      expect(tables(r.stdout), kind).toBe(1);
      expect(headers(r.stdout)[0], kind).toBe(first);
      expect(Math.max(...r.stdout.split('\n').map((l) => l.length)), kind).toBeLessThanOrEqual(80);
    }
  });

  it('Markdown and CSV keep every column in their order, the title included', async () => {
    const md = await list('application', 80, ['--format', 'md']);
    expect(md.stderr).toBe('');
    expect(md.stdout).toContain('| Id | Titel | Opslag | Organisationer | Art | Ansøgt | Afgørelse | Bevilget |');
    const csv = await list('application', 80, ['--format', 'csv']);
    expect(csv.stdout.split('\r\n')[0]).toBe('\uFEFFId;Titel;Opslag;Organisationer;Art;Ansøgt;Afgørelse;Bevilget');
  });
});

describe('history at 80 columns', () => {
  it('each change\'s date, author and message run across the table; the changed fields have the rest of the width', async () => {
    const dir = makeFolder(baseFiles());
    for (const args of [['init', '-q'], ['add', '-A'], ['commit', '-q', '-m', 'Start']]) expect(git(dir, args).code).toBe(0);
    const notes = 'Forlænget efter evalueringen; driftsfinansiering fra 2026 i stedet for et nyt projekt, jf. styregruppens anbefaling.';
    const edit = await civsam(['--data', dir, 'org', 'edit', 'alpha', '--notes', notes, '--website', 'https://alpha.example.dk'], { env: DA });
    expect(edit.code, edit.stderr).toBe(0);
    const r = await civsam(['--data', dir, 'history', 'Alpha Forening'], { env: { ...DA, COLUMNS: '80' } });
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(80);
    expect(headers(r.stdout)).toEqual(['Hvad', 'Felter (gammel → ny)']);
    // The version the change made, its date, author and message, across the table (wrapped at the window's width).
    const at = lines.findIndex((l) => l.includes('Udgave 2 ·'));
    const said = lines.slice(at, at + 2).map((l) => l.replace(/^│ | +│$/g, '')).join(' ');
    expect(said).toMatch(/^Udgave 2 · \d+\. \S+ \d{4} \d\d:\d\d · Test: organisation alpha: hjemmeside: sat, noter: sat$/);
    // The fields, old → new, in the window's width less the narrow What column (at five columns the notes alone took eight lines).
    expect(lines.slice(at + 2, at + 6)).toEqual([
      '├──────────┬───────────────────────────────────────────────────────────────────┤',
      '│ ændret   │ Hjemmeside: – → https://alpha.example.dk                          │',
      '│          │ Noter: – → Forlænget efter evalueringen; driftsfinansiering fra   │',
      '│          │ 2026 i stedet for et nyt projekt, jf. styregruppens anbefaling.   │',
    ]);
  });
});
