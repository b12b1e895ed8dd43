// An option's allowed values in its help are what the option takes: the codes themselves (with
// their meaning) where only the code is taken, the words of the language where those are taken.
import { describe, expect, it } from 'vitest';
import { civsam } from '../helpers/cli.js';

const oneLine = (s: string) => s.replace(/\s+/g, ' ');

describe('allowed values in the help', () => {
  it('--lang takes only its codes: they are listed, with what they mean', async () => {
    const r = await civsam(['publish', '--help'], { env: { CIVSAM_LANG: 'da', COLUMNS: '80' } });
    expect(oneLine(r.stdout)).toContain('(en af: da (dansk), en (engelsk), both (begge); standard: datamappens sprog, ellers da)');
    expect(oneLine(r.stdout)).not.toContain('en af: dansk');
  });
  it('--kind takes the words of the language: they are listed', async () => {
    const r = await civsam(['org', 'add', '--help'], { env: { CIVSAM_LANG: 'da', COLUMNS: '80' } });
    expect(oneLine(r.stdout)).toContain('(en af: patientforening, pårørendeforening,');
    const added = await civsam(['org', 'add', '--name', 'Prøve', '--kind', 'pårørendeforening', '--areas', 'psykiatri', '--scope', 'regional', '--dry-run'], { env: { CIVSAM_LANG: 'da' } });
    expect(added.code, added.stderr).toBe(0);
  });
});
