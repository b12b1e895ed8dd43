// Guided entry's edges, in this process: where civsam may ask (a terminal, not refused by
// --no-input) and where it must behave exactly as before; the questions' fields, choices and
// labels from the schemas and the field table.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { civsam, ROOT, testEnv } from '../helpers/cli.js';
import { baseFiles, makeFolder } from '../helpers/folder.js';
import { FIELDS, fieldByName } from '../../src/register/fields.js';
import { choicesFor, fieldLabel, missingRequired, needsReach, offered, replacedBy, reviewLines } from '../../src/commands/guided-questions.js';
import { filterChoices } from '../../src/commands/guided-entry.js';
import { loadFolder } from '../../src/context/load.js';

/** main with a terminal at hand: `tty` says whether input and output are one. Input ends at once (as Ctrl-D would). */
async function withTerminal(args: string[], tty: boolean, env: Record<string, string | undefined> = {}) {
  let stdout = '';
  let stderr = '';
  const input = Object.assign(Readable.from([]), { isTTY: tty });
  const output = Object.assign(new PassThrough(), { isTTY: tty });
  output.on('data', (d: Buffer) => { stderr += d.toString(); });
  const streams = {
    stdout: { write: (s: string) => { stdout += s; }, isTTY: tty, columns: 80 },
    stderr: { write: (s: string) => { stderr += s; }, isTTY: tty, columns: 80 },
    stdin: input, terminal: { input, output },
  };
  const code = await main(args, testEnv(env), streams, '0.0.0-test', ROOT);
  return { code, stdout, stderr };
}

const orgFiles = (dir: string) => readdirSync(join(dir, 'organisations')).sort();

describe('where civsam asks and where it does not', () => {
  it('--no-input on a terminal keeps the old error for a missing required field, word for word', async () => {
    const dir = makeFolder(baseFiles());
    const args = ['org', 'add', '--data', dir, '--name', 'Ny Forening', '--no-commit'];
    const before = await civsam(args);
    const noInput = await withTerminal(['--no-input', ...args], true);
    expect(before.code).toBe(2);
    expect(before.stderr).toContain('The record still lacks 3 fields; give them with:\n    --kind  (kind)\n');
    // Word for word; on a terminal the lines are wrapped at its width.
    const words = (s: string) => s.split(/\s+/).filter(Boolean);
    expect({ ...noInput, stderr: words(noInput.stderr) }).toEqual({ code: before.code, stdout: before.stdout, stderr: words(before.stderr) });
    expect(orgFiles(dir)).toEqual(['alpha.yaml']);
  });

  it('standard input that is not a terminal keeps the old error, in Danish too', async () => {
    const dir = makeFolder(baseFiles());
    const args = ['org', 'add', '--data', dir, '--name', 'Ny Forening', '--no-commit'];
    const before = await civsam(args, { env: { CIVSAM_LANG: 'da' } });
    const piped = await withTerminal(args, false, { CIVSAM_LANG: 'da' });
    expect(piped).toEqual({ code: 2, stdout: before.stdout, stderr: before.stderr });
    expect(piped.stderr).toContain('Posten mangler stadig 3 felter; angiv dem med:\n    --kind  (art)\n');
    expect(piped.stderr).not.toContain('Registrering af');
  });

  it('edit without flags and --no-input still says there is nothing to change', async () => {
    const dir = makeFolder(baseFiles());
    const r = await withTerminal(['--no-input', 'org', 'edit', 'alpha', '--data', dir, '--no-commit'], true);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('civsam org edit --help');
    expect(r.stderr).not.toContain('Changing organisation');
  });

  it('on a terminal civsam asks; input that ends stops with 130 and writes nothing', async () => {
    const dir = makeFolder(baseFiles());
    const r = await withTerminal(['org', 'add', '--data', dir, '--name', 'Ny Forening', '--no-commit'], true);
    expect(r.stderr).toContain('Registering a new organisation.');
    expect(r.stderr).toContain('error: stopped: nothing was saved.');
    expect(r.code).toBe(130);
    expect(orgFiles(dir)).toEqual(['alpha.yaml']);
    expect(existsSync(join(dir, '.civsam.lock'))).toBe(false);
  });

  it('flags that make a whole record ask nothing, even on a terminal', async () => {
    const dir = makeFolder(baseFiles());
    const r = await withTerminal(['org', 'add', '--data', dir, '--name', 'Ny Forening', '--kind', 'other', '--areas', 'social', '--scope', 'regional', '--no-commit'], true);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('ny-forening\n');
    expect(r.stderr).not.toContain('Registering');
    expect(readFileSync(join(dir, 'organisations/ny-forening.yaml'), 'utf8')).toContain('kind: other');
  });

  it('the prompt library is loaded only by guided entry, and guided entry only when a command runs', () => {
    const src = join(ROOT, 'src');
    const users = (dirName: string): string[] => readdirSync(dirName, { withFileTypes: true }).flatMap((e) => {
      const p = join(dirName, e.name);
      if (e.isDirectory()) return users(p);
      return /\.ts$/.test(e.name) && readFileSync(p, 'utf8').includes('@inquirer/') ? [p.slice(src.length + 1)] : [];
    });
    expect(users(src)).toEqual(['commands/guided-entry.ts']);
    const entry = readFileSync(join(src, 'commands/guided-entry.ts'), 'utf8');
    expect(entry).not.toMatch(/^import [^;]*'@inquirer\//m);
    const write = readFileSync(join(src, 'commands/record-write.ts'), 'utf8');
    expect(write).not.toMatch(/^import [^;]*guided-entry/m);
  });
});

describe('the questions, from the schemas and the field table', () => {
  const dir = makeFolder(baseFiles());
  const ctx = { cwd: ROOT, dataDir: dir, env: { CIVSAM_NO_CACHE: '1' } } as unknown as Parameters<typeof loadFolder>[0];
  const { folder } = loadFolder(ctx);

  it('a new organisation with a name lacks its kind and areas (status has a default), then its reach', () => {
    expect(missingRequired('organisation', { name: 'X', status: 'active' }).map((s) => s.path)).toEqual(['kind', 'areas']);
    expect(needsReach('organisation', { name: 'X' })).toBe(true);
    expect(needsReach('organisation', { name: 'X', scope: 'regional' })).toBe(false);
    expect(needsReach('pool', {})).toBe(false);
    expect(missingRequired('offer', {}).map((s) => s.path)).toEqual(['organisation', 'title', 'type', 'patient_groups', 'active_from']);
  });

  it('fixed values come with their labels, references with names from the folder', () => {
    const kinds = choicesFor('organisation', fieldByName('organisation', 'kind')!, folder, 'da')!;
    expect(kinds.find((c) => c.value === 'relatives-association')?.name).toBe('pårørendeforening');
    expect(kinds).toHaveLength(FIELDS.organisation.find((s) => s.path === 'kind')!.choices!.length);
    expect(choicesFor('offer', fieldByName('offer', 'type')!, folder, 'da')).toEqual([{ value: 'peer-group', name: 'Samtalegruppe' }, { value: 'hotline', name: 'Rådgivning' }]);
    expect(choicesFor('offer', fieldByName('offer', 'organisation')!, folder, 'en')).toEqual([{ value: 'alpha', name: 'Alpha Forening (alpha)' }]);
    const groups = choicesFor('offer', fieldByName('offer', 'patient_groups')!, folder, 'en')!;
    expect(groups.map((g) => g.name)).toEqual(['Mental illness', '  Depression', '  Anxiety', 'Diabetes']);
    expect(choicesFor('organisation', fieldByName('organisation', 'name')!, folder, 'da')).toBeUndefined();
  });

  it('fields are named as show names them, in the user\'s language', () => {
    expect(fieldLabel('offer', fieldByName('offer', 'active_from')!, 'da')).toBe('Aktivt fra');
    expect(fieldLabel('offer', fieldByName('offer', 'active_from')!, 'en')).toBe('Active from');
    // An organisation's kind is "Art" in Danish, as show, lists and the site head it.
    expect(fieldLabel('organisation', fieldByName('organisation', 'kind')!, 'da')).toBe('Art');
    expect(fieldLabel('organisation', fieldByName('organisation', 'kind')!, 'en')).toBe('Kind');
    // No field is asked for by an English name in Danish.
    expect(fieldLabel('pool', fieldByName('pool', 'apply_url')!, 'da')).toBe('Ansøgningslink');
    expect(fieldLabel('organisation', fieldByName('organisation', 'contact.email')!, 'da')).toBe('Kontakt: e-mail');
  });

  it('typing filters with case, accents and Danish letters folded', () => {
    const kinds = choicesFor('organisation', fieldByName('organisation', 'kind')!, folder, 'da')!;
    for (const typed of ['pårør', 'PAAROER', 'parorende', 'relatives']) {
      expect(filterChoices(kinds, typed).map((c) => c.value), typed).toEqual(['relatives-association']);
    }
    expect(filterChoices(kinds, '')).toHaveLength(kinds.length);
  });

  it('a word with a Danish letter that finds nothing so is read with the letters loosened (å typed as a, or aa)', () => {
    const kinds = choicesFor('organisation', fieldByName('organisation', 'kind')!, folder, 'da')!;
    for (const typed of ['parør', 'PARØR', 'paarør', 'parør'.normalize('NFD'), 'pårorende', 'paroer']) {
      expect(filterChoices(kinds, typed).map((c) => c.value), typed).toEqual(['relatives-association']);
    }
    const towns = ['Åbyhøj', 'Aabenraa', 'Anholt', 'Ørsted', 'Odder', 'Bøgeskov'].map((name) => ({ name, value: name.toLowerCase() }));
    const found = (typed: string) => filterChoices(towns, typed).map((c) => c.name);
    // `abyhøj`: å typed as a beside a ø typed right.
    expect(found('abyhøj')).toEqual(['Åbyhøj']);
    expect(found('bøg åby')).toEqual([]);
    // Near miss: where the letters find something as typed, only that (`ø` is not every o).
    expect(found('ø')).toEqual(['Ørsted', 'Åbyhøj', 'Bøgeskov']);
  });

  it('a Danish letter typed finds only itself (and its spelling aa, oe, ae); a or o typed still finds it', () => {
    const choices = ['Åbyhøj', 'Aabenraa', 'Anholt', 'Ørsted', 'Odder'].map((name) => ({ name, value: name.toLowerCase() }));
    const found = (typed: string) => filterChoices(choices, typed).map((c) => c.name);
    expect(found('å')).toEqual(['Åbyhøj', 'Aabenraa']);
    // A name the typing begins comes before one that holds it further in.
    expect(found('ø')).toEqual(['Ørsted', 'Åbyhøj']);
    expect(found('ab')).toEqual(['Åbyhøj', 'Aabenraa']);
    expect(found('or')).toEqual(['Ørsted']);
  });

  it('a name the typing begins comes first, then a name with a word it begins, then the rest; each group in the list\'s order', () => {
    const towns = ['Favrskov', 'Ikast-Brande', 'Norddjurs', 'Randers', 'Syddjurs'].map((name) => ({ name, value: name.toLowerCase() }));
    const found = (typed: string) => filterChoices(towns, typed).map((c) => c.name);
    // `rand` is inside Ikast-Brande, which comes first in the list, but Randers is what was meant:
    // Enter takes the first.
    expect(found('rand')).toEqual(['Randers', 'Ikast-Brande']);
    expect(found('RAND')).toEqual(['Randers', 'Ikast-Brande']);
    expect(found('brande')).toEqual(['Ikast-Brande']);
    expect(found('djurs')).toEqual(['Norddjurs', 'Syddjurs']);
    // Every word typed begins a word of the name: before a name that only holds them.
    const groups = ['Psykisk sygdom (bredt)', '  Angst', 'Pårørende til angste'].map((name) => ({ name, value: name.trim().toLowerCase() }));
    expect(filterChoices(groups, 'angst').map((c) => c.name)).toEqual(['  Angst', 'Pårørende til angste']);
    expect(filterChoices(groups, 'til ang').map((c) => c.name)).toEqual(['Pårørende til angste']);
  });

  it('a name or id that is just what was typed comes first, case, accents and punctuation aside', () => {
    const calls = [['k-2024', 'Kultur og sundhed – projekter 2024–2026'], ['k-2026', 'Kultur og sundhed – projekter 2026'], ['k-2027', 'Kultur og sundhed – projekter 2026-27']]
      .map(([value, title]) => ({ value, name: `${title} (${value})` }));
    const found = (typed: string) => filterChoices(calls, typed).map((c) => c.value);
    expect(found('Kultur og sundhed – projekter 2026')).toEqual(['k-2026', 'k-2024', 'k-2027']);
    expect(found('KULTUR OG SUNDHED - PROJEKTER 2026')).toEqual(['k-2026', 'k-2024', 'k-2027']);
    expect(found('k-2027')).toEqual(['k-2027']);
    // Near miss: what only begins a name keeps the list's order.
    expect(found('Kultur og sundhed')).toEqual(['k-2024', 'k-2026', 'k-2027']);
    const towns = ['Ikast-Brande', 'Brande'].map((name) => ({ name, value: name.toLowerCase() }));
    expect(filterChoices(towns, 'brande').map((c) => c.name)).toEqual(['Brande', 'Ikast-Brande']);
  });

  it('a menu offers only the fields that make sense with the answers so far', () => {
    const paths = (kind: Parameters<typeof offered>[0], rec: Record<string, unknown>, replacing: boolean) => FIELDS[kind].filter((s) => offered(kind, s, rec, replacing)).map((s) => s.path);
    // The day it became inactive, only for an inactive organisation; its reach is one entry (the scope's).
    expect(paths('organisation', { status: 'active' }, false)).not.toContain('inactive_since');
    expect(paths('organisation', { status: 'inactive' }, false)).toContain('inactive_since');
    expect(paths('organisation', { scope: 'regional' }, true)).toContain('scope');
    expect(paths('organisation', { scope: 'regional' }, true)).not.toContain('municipalities');
    expect(paths('hearing-party', { status: 'active' }, true)).not.toContain('withdrawn');
    expect(paths('consultation', { selection: 'all' }, true)).not.toContain('seats');
    expect(paths('consultation', { selection: 'limited' }, true)).toContain('seats');
    expect(paths('call', { channel: 'public' }, true)).not.toContain('invited');
    expect(paths('call', { channel: 'invited' }, true)).toEqual(expect.arrayContaining(['invited', 'channel_reason']));
    // An exemption takes a call's place: not among further fields once a call is given; in a correction, yes.
    const withCall = { established_by: { call: '2026-opslag' } };
    expect(paths('agreement', withCall, false).filter((p) => p.startsWith('established_by'))).toEqual(['established_by.call']);
    expect(paths('agreement', withCall, true).filter((p) => p.startsWith('established_by'))).toHaveLength(4);
    expect(replacedBy('agreement', fieldByName('agreement', 'established_by.call')!).map((s) => s.path)).toEqual(['established_by.exemption.reason', 'established_by.exemption.approved_by', 'established_by.exemption.date']);
    expect(replacedBy('organisation', fieldByName('organisation', 'scope')!).map((s) => s.path)).toEqual(['municipalities']);
    expect(replacedBy('organisation', fieldByName('organisation', 'name')!)).toEqual([]);
  });

  it('the review shows labels and names, not codes', () => {
    const lines = reviewLines('offer', 'ny', { organisation: 'alpha', title: 'T', type: 'peer-group', patient_groups: ['angst'], active_from: '2026-03-01', scope: 'regional' }, folder, 'da');
    expect(lines.join('\n')).toBe([
      '  Id:             ny',
      '  Organisation:   Alpha Forening (alpha)',
      '  Titel:          T',
      '  Tilbudstype:    Samtalegruppe',
      '  Patientgrupper: Angst',
      '  Rækkevidde:     regional',
      '  Aktivt fra:     1. mar. 2026',
    ].join('\n'));
  });

  // Before, a list left empty (no patient group chosen) showed its label with nothing after it.
  it('the review never shows a label with nothing after it: an empty list is said as show says it (a hearing party with no patient group as every group of its areas), an empty text left out', () => {
    expect(reviewLines('hearing-party', 'alpha', { organisation: 'alpha', areas: ['psychiatry'], patient_groups: [], since: '2026-12-07', status: 'active' }, folder, 'da').join('\n')).toBe([
      '  Id:             alpha',
      '  Organisation:   Alpha Forening (alpha)',
      '  Områder:        psykiatri',
      '  Patientgrupper: alle patientgrupper inden for områderne',
      '  Siden:          7. dec. 2026',
      '  Status:         aktiv',
    ].join('\n'));
    expect(reviewLines('organisation', 'ny', { name: 'Ny Forening', kind: 'other', areas: ['health'], patient_groups: [], scope: 'regional', website: '', notes: '  ' }, folder, 'en').join('\n')).toBe([
      '  Id:             ny',
      '  Name:           Ny Forening',
      '  Kind:           other',
      '  Areas:          health',
      '  Patient groups: none',
      '  Reach:          regional',
    ].join('\n'));
    // Every kind: a label is always followed by a value.
    for (const kind of Object.keys(FIELDS) as Array<keyof typeof FIELDS>) {
      const rec = Object.fromEntries(FIELDS[kind].filter((f) => !f.path.includes('.')).map((f) => [f.path, ['list', 'texts', 'years', 'funding', 'budgets'].includes(f.type) ? [] : f.type === 'text' ? '' : undefined]));
      for (const line of reviewLines(kind, 'x', rec, folder, 'da')) expect(line, `${kind}: ${line}`).toMatch(/:\s+\S/);
    }
  });
});
