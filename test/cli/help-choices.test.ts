// An option's allowed values in its help are what the option takes: the codes themselves (with
// their meaning) where only the code is taken, the words of the language where those are taken.
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands.js';
import { translate } from '../../src/i18n/index.js';
import { valueLabel } from '../../src/i18n/values.js';
import { civsam } from '../helpers/cli.js';

const oneLine = (s: string) => s.replace(/\s+/g, ' ');

describe('allowed values in the help', () => {
  it('publish --lang takes the words of the language (begge, not both): they are listed', async () => {
    const r = await civsam(['publish', '--help'], { env: { CIVSAM_LANG: 'da', COLUMNS: '80' } });
    expect(oneLine(r.stdout)).toContain('(en af: dansk, engelsk, begge; standard: datamappens sprog, ellers dansk)');
    expect(oneLine(r.stdout)).not.toContain('both');
  });
  it('--kind takes the words of the language: they are listed', async () => {
    const r = await civsam(['org', 'add', '--help'], { env: { CIVSAM_LANG: 'da', COLUMNS: '80' } });
    expect(oneLine(r.stdout)).toContain('(en af: patientforening, pårørendeforening,');
    const added = await civsam(['org', 'add', '--name', 'Prøve', '--kind', 'pårørendeforening', '--areas', 'psykiatri', '--scope', 'regional', '--dry-run'], { env: { CIVSAM_LANG: 'da' } });
    expect(added.code, added.stderr).toBe(0);
  });

  it('English help says a report kind, a decision, a tie and a disposition in words, as the Danish does, never by their codes', async () => {
    const r = await civsam(['agreement', 'report', '--help'], { env: { COLUMNS: '80' } });
    expect(oneLine(r.stdout)).toContain('--kind <kind> what kind of report (one of: progress report, final report, accounts)');
    const da = await civsam(['agreement', 'report', '--help'], { env: { CIVSAM_LANG: 'da', COLUMNS: '80' } });
    expect(oneLine(da.stdout)).toContain('--kind <art> slags afrapportering (en af: statusrapport, slutrapport, regnskab)');
    // No option's own description names a fixed value by a code that is not its word (`final` for "final report").
    const codes: string[] = [];
    for (const spec of COMMANDS) {
      for (const o of spec.options ?? []) {
        const values = o.choices ?? (o.names && 'values' in o.names ? o.names.values : undefined);
        const field = o.names && 'field' in o.names ? o.names.field : undefined;
        const said = translate('en', o.description, o.params);
        for (const v of values ?? []) if (valueLabel('en', v, field) !== v && new RegExp(`\\b${v}\\b`).test(said)) codes.push(`${spec.parent ?? ''} ${spec.name} ${o.flags}: ${v}`);
      }
    }
    // --lang's codes are what it takes, listed with their meaning (above).
    expect(codes.filter((c) => !c.includes('--lang'))).toEqual([]);
  });
});
