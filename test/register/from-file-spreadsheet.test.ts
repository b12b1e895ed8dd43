// A spreadsheet given to --from-file (a sheet made for import, an .xlsx): said to be a spreadsheet,
// with the import command that reads it, by its name's ending or by its content (an .xlsx is a zip).
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder } from '../helpers/folder.js';

const DA = { CIVSAM_LANG: 'da' };

function xlsx(): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['navn', 'art'], ['Ny Forening', 'andet']]), 'Ark1');
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Uint8Array;
}

describe('--from-file with a spreadsheet', () => {
  it('an .xlsx: the import command for the kind, nothing written', async () => {
    const dir = makeFolder({ ...baseFiles(), 'ark.xlsx': xlsx() });
    const r = await civsam(['--data', dir, 'org', 'add', '--from-file', 'ark.xlsx', '--no-commit'], { cwd: dir, env: DA });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('fejl: ark.xlsx er et regneark: --from-file læser én post fra en YAML- eller JSON-fil. Et regneark læses med civsam import organisations ark.xlsx (tilføj --update for at ændre poster, der allerede findes).\n');
    expect(readdirSync(join(dir, 'organisations'))).toEqual(['alpha.yaml']);
  });

  it('a CSV by its ending, and a workbook without an ending by its content', async () => {
    const dir = makeFolder({ ...baseFiles(), 'ark.csv': 'navn;art\nNy Forening;andet\n', 'ark': xlsx() });
    const csv = await civsam(['--data', dir, 'agreement', 'add', '--from-file', 'ark.csv', '--no-commit'], { cwd: dir, env: DA });
    expect(csv.stderr).toContain('Et regneark læses med civsam import agreements ark.csv');
    const bare = await civsam(['--data', dir, 'org', 'edit', 'alpha', '--from-file', 'ark', '--no-commit'], { cwd: dir });
    expect(bare.code).toBe(2);
    expect(bare.stderr).toBe('error: ark is a spreadsheet: --from-file reads one record from a YAML or JSON file. A spreadsheet is read with civsam import organisations ark (add --update to change records already there).\n');
  });

  it('a kind import does not read: what --from-file reads', async () => {
    const dir = makeFolder({ ...baseFiles(), 'ark.xlsx': xlsx() });
    const r = await civsam(['--data', dir, 'pool', 'add', '--from-file', 'ark.xlsx', '--no-commit'], { cwd: dir, env: DA });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('fejl: ark.xlsx er et regneark: --from-file læser én post fra en YAML- eller JSON-fil. Skriv posten i en YAML-fil, eller angiv dens felter som tilvalg.\n');
  });

  it('near miss: a YAML file is read as a record', async () => {
    const dir = makeFolder({ ...baseFiles(), 'ny.yaml': 'navn: Ny Forening\nart: andet\nområder: [psykiatri]\nkommuner: [Aarhus]\n' });
    const r = await civsam(['--data', dir, 'org', 'add', '--from-file', 'ny.yaml', '--no-commit'], { cwd: dir, env: DA });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('ny-forening\n');
  });
});
