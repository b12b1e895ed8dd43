// A record made from flags that lacks fields is told all of them in one run, in one message, each
// by its flag, where it reaches included (by its flags and the values a person types); the same
// for every kind of record, as they share the write path.
import { describe, expect, it } from 'vitest';
import { baseFiles, makeFolder } from '../helpers/folder.js';
import { civsam } from '../helpers/cli.js';
import { schemaProblems } from '../../src/validate/schema-problems.js';

const DA = { env: { CIVSAM_LANG: 'da' } };
const REACH_DA = '    --municipalities … eller --scope regional/landsdækkende  (rækkevidde)';

describe('a record made from flags that lacks fields', () => {
  it('offer add: every missing field and the reach at once, in Danish', async () => {
    const dir = makeFolder(baseFiles());
    const r = await civsam(['offer', 'add', '--title', 'Samtalegruppe', '--organisation', 'alpha', '--no-commit', '--data', dir], DA);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe([
      '  Posten mangler stadig 4 felter; angiv dem med:',
      '    --type  (tilbudstype)',
      '    --patient-groups  (patientgrupper)',
      '    --active-from  (aktivt fra)',
      REACH_DA,
      'fejl: ændringen blev afvist på grund af de 4 problemer ovenfor; intet er skrevet.',
      '',
    ].join('\n'));
    const en = await civsam(['offer', 'add', '--title', 'Samtalegruppe', '--organisation', 'alpha', '--no-commit', '--data', dir]);
    expect(en.stderr.split('\n').slice(0, 2)).toEqual(['  The record still lacks 4 fields; give them with:', '    --type  (offer type)']);
    expect(en.stderr).toContain('    --municipalities … or --scope regional/national  (reach)\n');
  });

  it('the next run, with those given, is written; the reach alone is said by its flags and Danish values', async () => {
    const dir = makeFolder(baseFiles());
    const base = ['offer', 'add', '--title', 'Samtalegruppe', '--organisation', 'alpha', '--type', 'peer-group', '--patient-groups', 'depression', '--active-from', '2026-01-01', '--no-commit', '--data', dir];
    const reach = await civsam(base, DA);
    expect(reach.stderr).toBe('  Angiv, hvor posten når ud: --municipalities med kommunerne, eller --scope regional eller --scope landsdækkende.\nfejl: ændringen blev afvist på grund af problemet ovenfor; intet er skrevet.\n');
    expect(reach.stderr).not.toMatch(/municipalities,|scope:|national\b/);
    expect((await civsam([...base, '--scope', 'landsdækkende'], DA)).code).toBe(0);
  });

  it('org, agreement, consultation and hearing-party add the same way', async () => {
    const dir = makeFolder(baseFiles());
    const cases: Array<[string[], string[]]> = [
      [['org', 'add', '--name', 'Ny'], ['--kind  (art)', '--areas  (områder)', '--municipalities … eller --scope regional/landsdækkende']],
      [['agreement', 'add', '--title', 'Aftale'], ['--organisations  (organisationer)', '--start  (start)']],
      [['consultation', 'add', '--title', 'Høring'], ['--areas  (områder)', '--opens  (åbner)', '--deadline  (frist)']],
      // No id can be made without the organisation: the fields are told, not the id alone.
      [['hearing-party', 'add'], ['--organisation  (organisation)', '--areas  (områder)']],
    ];
    for (const [args, flags] of cases) {
      const r = await civsam([...args, '--no-commit', '--data', dir], DA);
      expect(r.code, args.join(' ')).toBe(2);
      const lines = r.stderr.split('\n');
      expect(lines[0], args.join(' ')).toMatch(/^ {2}Posten mangler stadig \d+ felter; angiv dem med:$/);
      for (const flag of flags) expect(lines, `${args.join(' ')}: ${flag}`).toContainEqual(expect.stringContaining(`    ${flag}`));
      expect(r.stderr).not.toMatch(/id til den nye|\.yaml/);
    }
  });

  it('every required field a record lacks is a problem of its own (they share the record\'s path)', () => {
    const errors = ['kind', 'areas'].map((missingProperty) => ({ keyword: 'required', instancePath: '', schemaPath: '#/required', params: { missingProperty } }));
    expect(schemaProblems(errors).map((p) => p.message.params?.field)).toEqual(['kind', 'areas']);
  });
});
