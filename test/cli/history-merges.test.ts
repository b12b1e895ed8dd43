// `civsam history` after two people synced: every change made on either side of a merge is shown,
// by the person who made it; a merge is nobody's change of the fields it took from one side, and
// is shown only for a value it set itself (a conflict settled by an edit before --continue).
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { baseFiles } from '../helpers/folder.js';
import { cloneAs, sharedRegister, type Member } from '../helpers/team.js';

const DA = { CIVSAM_LANG: 'da', COLUMNS: '200' };

/** The changes `civsam history ARGS` shows, one line per record: author, record (or file), what, fields old → new. */
function changes(m: Member, args: string[]): string[] {
  const r = m.civsam(['history', ...args, '--format', 'json'], DA);
  expect(r.code, r.stderr).toBe(0);
  const report = JSON.parse(r.stdout) as { changes: Array<{ author: string; message: string; merge?: true; records: Array<{ id?: string; file: string; change: string; fields: Array<{ field: string; old?: unknown; new?: unknown }> }> }> };
  return report.changes.flatMap((c) => c.records.map((x) =>
    `${c.author}${c.merge ? ' (merge)' : ''}: ${x.id ?? x.file} ${x.change} ${x.fields.map((f) => `${f.field}: ${String(f.old ?? '–')} → ${String(f.new ?? '–')}`).join(', ')}`));
}

describe('history across a merge', () => {
  test('a conflict settled with civsam: the change made on the other side is shown too, in both copies', () => {
    const { bare, home } = sharedRegister(baseFiles());
    const kim = cloneAs('Kim', bare, home);
    const mette = cloneAs('Mette', bare, home);
    expect(kim.civsam(['org', 'edit', 'alpha', '--notes', 'Kim ringede']).code).toBe(0);
    expect(kim.civsam(['sync']).code).toBe(0);
    expect(mette.civsam(['org', 'edit', 'alpha', '--notes', 'Mette ringede']).code).toBe(0);
    expect(mette.civsam(['sync']).code).toBe(2);
    expect(mette.civsam(['org', 'edit', 'alpha', '--notes', 'Aftalt']).code).toBe(0);
    const done = mette.civsam(['sync', '--continue']);
    expect(done.code, done.stderr).toBe(0);
    expect(kim.civsam(['sync']).code).toBe(0);

    for (const m of [mette, kim]) {
      const shown = changes(m, ['Alpha Forening']);
      // Newest first by date; commits made within one second may come in either order.
      expect(shown.slice(0, 3).sort()).toEqual([
        'Kim: alpha changed notes: – → Kim ringede',
        'Mette: alpha changed notes: Mette ringede → Aftalt',
        'Mette: alpha changed notes: – → Mette ringede',
      ]);
      expect(shown[3]).toMatch(/^Admin: alpha added id: – → alpha, /);
      expect(shown).toHaveLength(4);
    }
    const table = kim.civsam(['history', 'Alpha Forening'], DA);
    // On a terminal the change's date, author and message run across the table, its fields below.
    // Kim's version is not what the record builds on (Mette's settled value was kept): said so.
    expect(table.stdout).toMatch(/│ Udgave \d+ · \d+\. \S+ \d{4} \d\d:\d\d · Kim: organisation alpha: noter: sat +│\n├─+┬─+┤\n│ kasseret +│ Noter: – → Kim ringede +│\n│ +│ Da Mette synkroniserede, blev den anden udgave beholdt og denne kasseret/);
  });

  test('a conflict settled by an edit in the folder: the merge is shown with that value, as the merging person\'s', () => {
    const { bare, home } = sharedRegister(baseFiles());
    const kim = cloneAs('Kim', bare, home);
    const mette = cloneAs('Mette', bare, home);
    expect(kim.civsam(['org', 'edit', 'alpha', '--notes', 'Kim ringede']).code).toBe(0);
    expect(kim.civsam(['sync']).code).toBe(0);
    expect(mette.civsam(['org', 'edit', 'alpha', '--notes', 'Mette ringede']).code).toBe(0);
    expect(mette.civsam(['sync']).code).toBe(2);
    const file = `${mette.dir}/organisations/alpha.yaml`;
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^notes: .*$/m, 'notes: Aftalt i hånden'));
    expect(mette.civsam(['sync', '--continue']).code).toBe(0);

    const shown = changes(mette, ['Alpha Forening']);
    expect(shown[0]).toBe('Mette (merge): alpha changed notes: Mette ringede → Aftalt i hånden');
    expect(shown.slice(1, 3).sort()).toEqual(['Kim: alpha changed notes: – → Kim ringede', 'Mette: alpha changed notes: – → Mette ringede']);
    expect(shown).toHaveLength(4);
    const md = mette.civsam(['history', '--since', '2000-01-01', '--author', 'Mette', '--format', 'md'], DA);
    expect(md.stdout).toMatch(/\| organisation alpha \| ændret ved fletning \| Noter: Mette ringede → Aftalt i hånden \|\n/);
    const en = mette.civsam(['history', 'org', 'alpha'], { CIVSAM_LANG: 'en', COLUMNS: '200' });
    expect(en.stdout).toMatch(/│ changed when merging +│ Notes: Mette ringede → Aftalt i hånden +│/);
  });

  test('different fields combined by sync: in the folder\'s history each field is shown once, by its author; in the record\'s, the merge is a version of its own, which restore undoes and says so', () => {
    const { bare, home } = sharedRegister(baseFiles());
    const kim = cloneAs('Kim', bare, home);
    const mette = cloneAs('Mette', bare, home);
    expect(kim.civsam(['org', 'edit', 'alpha', '--website', 'https://alpha.example']).code).toBe(0);
    expect(kim.civsam(['sync']).code).toBe(0);
    expect(mette.civsam(['org', 'edit', 'alpha', '--notes', 'Mette ringede']).code).toBe(0);
    expect(mette.civsam(['sync']).code).toBe(0);
    expect(kim.civsam(['sync']).code).toBe(0);
    expect(mette.git(['rev-list', '--merges', '--count', 'HEAD']).stdout).toBe('1');

    for (const m of [mette, kim]) {
      const shown = changes(m, ['Alpha Forening']);
      // The merged record (Mette's notes, Kim's website) is neither side's version: Mette's merge
      // made it, against her own version it brought in Kim's website.
      expect(shown[0]).toBe('Mette (merge): alpha changed website: – → https://alpha.example');
      expect(shown.slice(1, 3).sort()).toEqual(['Kim: alpha changed website: – → https://alpha.example', 'Mette: alpha changed notes: – → Mette ringede']);
      expect(shown).toHaveLength(4);
      const table = m.civsam(['history', 'Alpha Forening'], DA);
      expect(table.stdout).toMatch(/│ Udgave 4 · .* · Mette: civsam sync: de fælles ændringer flettet ind +│/);
      // Kim's website is said as his change brought in, not as the value set a second time.
      const kimsVersion = /│ Udgave (\d) · [^│]* · Kim: /.exec(table.stdout)?.[1];
      expect(kimsVersion).toMatch(/^[23]$/);
      expect(table.stdout).toMatch(new RegExp(`│ ændret ved fletning │ Hjemmeside: taget med fra udgave ${kimsVersion} \\(ændret af Kim\\) +│\n│ +│ Fletningen samlede de to udgaver: Noter fra Mette og Hjemmeside fra Kim\\. +│`));
      // Undoing the last change undoes the version history lists first, the merge, and says what goes.
      const undo = m.civsam(['org', 'restore', 'Alpha Forening', '--dry-run'], DA);
      expect(undo.code, undo.stderr).toBe(0);
      expect(undo.stderr).toMatch(/^Fortryder den seneste ændring af organisation alpha, udgave 4: fletningen \d+\. \S+ \d{4}, tilbage til udgaven hos Mette før fletningen\.\nFelter, der ændres: Hjemmeside\.\n/);
      // Whose change goes is named, by the version history shows it as.
      expect(undo.stderr).toContain(`\nFletningen tog disse ændringer med, og de tages nu tilbage: Hjemmeside (ændret af Kim i udgave ${kimsVersion}).\n`);
      expect(undo.stderr).not.toMatch(/[0-9a-f]{7}/);
      expect(undo.stdout).toMatch(/^-website: https:\/\/alpha\.example$/m);
      expect(undo.stdout).not.toMatch(/^[-+]notes/m);
      // Going back to a version on one side says which of the other side's fields go with it.
      const back = m.civsam(['org', 'restore', 'Alpha Forening', '--to', '1', '--dry-run'], DA);
      expect(back.stderr).toMatch(/\nFelter, der ændres: Hjemmeside og Noter\.\n/);
      expect(changes(m, ['--since', '2000-01-01', '--author', 'Mette'])).toEqual(['Mette: alpha changed notes: – → Mette ringede']);
      // --author alone: all of that person's changes, since the start.
      expect(changes(m, ['--author', 'Mette'])).toEqual(['Mette: alpha changed notes: – → Mette ringede']);
      expect(changes(m, ['--since', '2000-01-01']).filter((c) => c.includes('website'))).toEqual(['Kim: alpha changed website: – → https://alpha.example']);
    }
  });

  test('lists merged entry by entry by sync (two assessors, areas as a set): each change by its author, the merge nobody\'s', () => {
    const call = 'id: c1\ntitle: Opslag\nareas: [psychiatry]\nscope: regional\npublished: 2026-01-05\ndeadline: 2026-02-01\nchannel: public\ncriteria:\n  - {id: reach, text: {da: Rækkevidde}}\n';
    const app = 'id: a1\ncall: c1\norganisations: [alpha]\namount_dkk: 1000\nkind: development\nreceived: 2026-01-20\n';
    const { bare, home } = sharedRegister({ ...baseFiles(), 'calls/c1.yaml': call, 'applications/a1.yaml': app });
    const kim = cloneAs('Kim', bare, home);
    const mette = cloneAs('Mette', bare, home);
    expect(kim.civsam(['application', 'assess', 'a1', '--assessor', 'Fagkonsulent B', '--score', 'reach=4']).code).toBe(0);
    expect(kim.civsam(['org', 'edit', 'alpha', '--areas', 'psychiatry,social']).code).toBe(0);
    expect(kim.civsam(['sync']).code).toBe(0);
    expect(mette.civsam(['application', 'assess', 'a1', '--assessor', 'Fagkonsulent C', '--score', 'reach=2']).code).toBe(0);
    expect(mette.civsam(['org', 'edit', 'alpha', '--areas', 'psychiatry,health']).code).toBe(0);
    const synced = mette.civsam(['sync']);
    expect(synced.code, synced.stderr).toBe(0);
    expect(mette.git(['rev-list', '--merges', '--count', 'HEAD']).stdout).toBe('1');
    const shown = changes(mette, ['--since', '2000-01-01', '--include-personal-data']);
    expect(shown.filter((c) => c.includes('(merge)'))).toEqual([]);
    expect(shown.filter((c) => c.startsWith('Kim:')).length).toBe(2);
    expect(shown.filter((c) => c.startsWith('Mette:')).length).toBe(2);
  });

  test('a vocabulary both changed, merged line by line: each change by its author, no merge', () => {
    const { bare, home } = sharedRegister(baseFiles());
    const kim = cloneAs('Kim', bare, home);
    const mette = cloneAs('Mette', bare, home);
    const file = 'vocabularies/municipalities.yaml';
    const edit = (m: Member, change: (text: string) => string, message: string) => {
      writeFileSync(`${m.dir}/${file}`, change(readFileSync(`${m.dir}/${file}`, 'utf8')));
      expect(m.git(['commit', '-qam', message]).code).toBe(0);
    };
    edit(kim, (t) => `${t}- id: viborg\n  name: Viborg\n`, 'Viborg added');
    expect(kim.civsam(['sync']).code).toBe(0);
    edit(mette, (t) => `- id: horsens\n  name: Horsens\n${t}`, 'Horsens added');
    expect(mette.civsam(['sync']).code).toBe(0);
    expect(mette.git(['rev-list', '--merges', '--count', 'HEAD']).stdout).toBe('1');
    const vocabulary = changes(mette, ['--since', '2000-01-01']).filter((c) => c.includes(file));
    expect(vocabulary.sort()).toEqual([`Admin: ${file} added `, `Kim: ${file} changed `, `Mette: ${file} changed `]);
  });

  test('a record one side removed while the other changed it: the merge says it was brought back, and by whom', () => {
    const { bare, home } = sharedRegister(baseFiles());
    const anne = cloneAs('Anne Ager', bare, home);
    const bo = cloneAs('Bo Berg', bare, home);
    expect(anne.civsam(['org', 'remove', 'alpha']).code).toBe(0);
    expect(anne.civsam(['sync']).code).toBe(0);
    expect(bo.civsam(['org', 'edit', 'alpha', '--website', 'https://bo.example']).code).toBe(0);
    expect(bo.civsam(['sync']).code).toBe(2);
    const kept = bo.civsam(['sync', '--mine', 'org', 'alpha']);
    expect(kept.code, kept.stderr).toBe(0);
    expect(anne.civsam(['sync']).code).toBe(0);
    for (const m of [bo, anne]) {
      const shown = changes(m, ['Alpha Forening']);
      expect(shown[0]).toBe('Bo Berg (merge): alpha added ');
      expect(shown.slice(1, 3).sort()).toEqual(['Anne Ager: alpha removed id: alpha → –, name: Alpha Forening → –, kind: patient-association → –, cvr: 12345674 → –, areas: psychiatry → –, patient_groups: depression → –, municipalities: aarhus → –, status: active → –', 'Bo Berg: alpha changed website: – → https://bo.example']);
    }
    const json = JSON.parse(bo.civsam(['history', 'alpha', '--format', 'json'], DA).stdout) as { changes: Array<{ version: number; records: Array<{ atMerge?: string }> }> };
    expect(json.changes[0]).toMatchObject({ version: 4, records: [{ atMerge: 'kept-own' }] });
    const table = bo.civsam(['history', 'Alpha Forening'], { ...DA, COLUMNS: '120' });
    expect(table.stdout).toMatch(/│ hentet tilbage ved synkronisering │ Bo Berg beholdt sin udgave; posten var slettet i den fælles mappe\. +│/);

  }, 60_000);
});
