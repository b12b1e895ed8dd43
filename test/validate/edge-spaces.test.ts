// A space no one can see before or after a name, a title or an id (a no-break or ideographic space
// copied along): validate tells of it where it is, and an edit of another field leaves it as the
// file holds it, since an edit changes only the fields it was given.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messagesOf } from '../helpers/check.js';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';
import { civsamInProcess } from '../helpers/in-process.js';

const IDEOGRAPHIC = '\u3000';
const NO_BREAK = '\u00A0';

const withName = (name: string) => ({ ...baseFiles(), 'organisations/beta.yaml': org('beta', name) });

describe('a name with a space at its edge', () => {
  it('is a warning at the name, for an ideographic and a no-break space, before or after', () => {
    for (const name of [`Beta${IDEOGRAPHIC}`, `Beta${NO_BREAK}`, `${NO_BREAK}Beta`, '"Beta "']) {
      expect(messagesOf(withName(name), 'da'), JSON.stringify(name)).toEqual([
        'organisations/beta.yaml:3:7 name-spaces Navn begynder eller slutter med et mellemrum, tit et, der ikke er et almindeligt (et hårdt mellemrum eller et bredt asiatisk, kopieret med sammen med navnet). Det ses ikke, men følger med ud på de offentlige sider og får to navne til at se ens ud. Fjern det i filen, eller angiv navnet igen med edit-kommandoen (fx civsam org edit --name), som udelader det.',
      ]);
    }
  });

  it('a space inside the name, and a BOM (an error of its own), are not this warning', () => {
    expect(messagesOf(withName(`Beta${NO_BREAK}Gamma`))).toEqual([]);
    expect(messagesOf(withName('\uFEFFBeta')).map((m) => m.split(' ')[1])).toEqual(['control-character']);
  });
});

describe('an edit of another field', () => {
  it('keeps a name with a trailing ideographic space exactly as the file holds it', async () => {
    const dir = makeFolder(withName(`Beta${IDEOGRAPHIC}`));
    const r = await civsamInProcess(['--data', dir, 'org', 'edit', 'beta', '--website', 'https://y.dk', '--no-commit']);
    expect(r.code).toBe(0);
    const text = readFileSync(join(dir, 'organisations/beta.yaml'), 'utf8');
    expect(text).toContain(`\nname: Beta${IDEOGRAPHIC}\n`);
    expect(text).toContain('\nwebsite: https://y.dk\n');
  });

  it('does not remove a BOM from the name unasked: the edit is refused, saying why', async () => {
    const dir = makeFolder(withName('\uFEFFBeta'));
    const before = readFileSync(join(dir, 'organisations/beta.yaml'), 'utf8');
    const r = await civsamInProcess(['--data', dir, 'org', 'edit', 'beta', '--website', 'https://y.dk', '--no-commit'], { CIVSAM_LANG: 'da' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('beta.yaml:3:7  Navn indeholder et usynligt tegn');
    expect(readFileSync(join(dir, 'organisations/beta.yaml'), 'utf8')).toBe(before);
  });

  it('a name given anew is stored without the space', async () => {
    const dir = makeFolder(withName(`Beta${IDEOGRAPHIC}`));
    const r = await civsamInProcess(['--data', dir, 'org', 'edit', 'beta', '--name', `Beta Ny${NO_BREAK}`, '--no-commit']);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'organisations/beta.yaml'), 'utf8')).toContain('\nname: Beta Ny\n');
  });
});

describe('an id with a space at its edge', () => {
  it('is said as the space, not as a value of the wrong form', () => {
    const files = { ...baseFiles(), 'organisations/beta.yaml': org('beta', 'Beta').replace('patient_groups: [depression]', `patient_groups: [depression${NO_BREAK}]`) };
    expect(messagesOf(files, 'da')).toEqual([
      'organisations/beta.yaml:6:18 schema-format Patientgruppe nr. 1 har et mellemrum før eller efter værdien, tit et, der ikke ses (et hårdt mellemrum, kopieret med sammen med teksten). Uden det er værdien rigtig. Fjern mellemrummet i filen.',
    ]);
  });
});
