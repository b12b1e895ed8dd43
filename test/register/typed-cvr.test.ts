// One reading of a CVR number a person types, for flags, guided entry and spreadsheets alike:
// spaces of any kind, dots, dashes and a leading DK are taken out; what is left must be 8 digits,
// not all noughts, passing the modulus-11 check. One message says what a CVR number looks like,
// with no word about quotes, and never repeats the value typed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isValidCvr, typedCvr } from '../../src/domain/cvr.js';
import { baseFiles, makeFolder } from '../helpers/folder.js';
import { civsam } from '../helpers/cli.js';

const DA = { env: { CIVSAM_LANG: 'da' } };
const ORG = ['org', 'add', '--kind', 'patient-association', '--areas', 'psychiatry', '--scope', 'regional', '--no-commit'];
const MESSAGE_DA = '  --cvr skal være 8 cifre, fx 29 19 09 25, der består CVR-numrenes modulus 11-kontrol. Tjek nummeret på cvr.dk.\n';

describe('a typed CVR number', () => {
  it('is its 8 digits, whatever was written around and between them', () => {
    for (const typed of ['29190925', ' 29190925', '29190925 ', '29 19 09 25', '29.19.09.25', 'DK-29190925', 'dk 29190925', 'DK29190925', '29\u00a019\u00a009\u00a025', '29–19–09–25', '2919-0925', '"29190925"', '“29 19 09 25”']) {
      expect(typedCvr(typed)?.cvr, typed).toBe('29190925');
    }
    // Spaces around the number alone are not worth a note; anything else taken out is.
    expect(typedCvr(' 29190925 ')?.tidied).toBe(false);
    expect(typedCvr('29 19 09 25')?.tidied).toBe(true);
    for (const typed of ['00000000', '0000 0000', '12345678', '2919092', '291909250', 'DK', '', '29l90925', 'DK-DK-29190925']) {
      expect(typedCvr(typed), typed).toBeUndefined();
    }
    // Noughts pass the modulus-11 sum but are no company's number, in a file too.
    expect(isValidCvr('00000000')).toBe(false);
    expect(isValidCvr('29190925')).toBe(true);
  });

  it('org add takes every written form, says on stderr when more than spaces around were taken out', async () => {
    const dir = makeFolder(baseFiles());
    const forms = [[' 29190925', false], ['29190925 ', false], ['29.19.09.25', true], ['DK-29190925', true], ['29 19 09 25', true]] as const;
    for (const [i, [typed, noted]] of forms.entries()) {
      const r = await civsam([...ORG, '--name', `Forening ${i}`, '--cvr', typed, '--data', dir, '--dry-run'], DA);
      expect(r.code, `${typed}: ${r.stderr}`).toBe(0);
      expect(r.stderr.includes('--cvr: CVR-nummeret er taget som dets 8 cifre (mellemrum, punktummer, bindestreger og DK er udeladt).\n'), typed).toBe(noted);
      expect(r.stderr).not.toMatch(/\d{2}/);
    }
    const written = await civsam([...ORG, '--name', 'Ny Forening', '--cvr', 'DK-29190925', '--data', dir], DA);
    expect(written.code).toBe(0);
    expect(readFileSync(join(dir, 'organisations/ny-forening.yaml'), 'utf8')).toContain('cvr: "29190925"\n');
  });

  it('org add and edit refuse what is no CVR number with the one message, never the value', async () => {
    const dir = makeFolder(baseFiles());
    for (const typed of ['00000000', '12345678', '2919092', '29 19 09 2X']) {
      const r = await civsam([...ORG, '--name', 'Ny Forening', '--cvr', typed, '--data', dir], DA);
      expect(r.code, typed).toBe(2);
      expect(r.stderr.split('\n')[0] + '\n', typed).toBe(MESSAGE_DA);
      expect(r.stderr.replace(MESSAGE_DA, '')).not.toMatch(/anførselstegn|mellemrum\.|2919|1234|0000/);
    }
    const edit = await civsam(['org', 'edit', 'alpha', '--cvr', '00000000', '--no-commit', '--data', dir], DA);
    expect(edit.code).toBe(2);
    expect(edit.stderr).toContain(MESSAGE_DA);
    const en = await civsam([...ORG, '--name', 'New', '--cvr', '00000000', '--data', dir]);
    expect(en.stderr).toContain('  --cvr must be 8 digits, such as 29 19 09 25, that pass the modulus-11 check of CVR numbers. Check the number on cvr.dk.\n');
    expect(en.stderr).not.toContain('quotes');
  });
});
