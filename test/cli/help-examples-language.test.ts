// Danish help writes the fixed values its examples give an option in Danish (`--area psykiatri`,
// `--fail-on advarsel`), and every such value is one the option takes back as the code it means.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands.js';
import { examplesInLanguage } from '../../src/cli/examples.js';
import { valueLabel } from '../../src/i18n/values.js';
import { enumNames } from '../../src/domain/names.js';
import { ROOT, civsam } from '../helpers/cli.js';

const AT_80 = { COLUMNS: '80' };
const danish = (v: string) => valueLabel('da', v);

/** An example's option values, by flag (a quoted value without its quotes). */
function optionValues(example: string): [string, string][] {
  const tokens = example.match(/(?:"[^"]*"|'[^']*'|\S)+/g) ?? [];
  const out: [string, string][] = [];
  tokens.forEach((token, i) => {
    if (i > 0 && tokens[i - 1].startsWith('--') && !token.startsWith('-')) out.push([tokens[i - 1], token.replace(/^"(.*)"$/, '$1')]);
  });
  return out;
}

describe('examples in Danish help', () => {
  it('give each fixed value as its Danish label, which the option takes as the code it means', () => {
    let checked = 0;
    for (const spec of COMMANDS) {
      const options = spec.options ?? [];
      const da = examplesInLanguage(spec.examples, options, danish);
      da.forEach((example, n) => {
        const written = optionValues(spec.examples[n]);
        optionValues(example).forEach(([flag, value], k) => {
          const names = options.find((o) => o.flags.split(/[ ,]/)[0] === flag)?.names;
          if (!names || !('values' in names)) return;
          const codes = written[k][1].split(',');
          value.split(',').forEach((v, j) => {
            if (!names.values.includes(codes[j])) return; // not a fixed value as written: kept as it is
            expect(v, `${spec.parent ?? ''} ${spec.name} ${flag}`).toBe(danish(codes[j]));
            const r = enumNames(names.values).resolve(v);
            expect(r.status === 'found' ? r.id : r.status, `${spec.parent ?? ''} ${spec.name} ${flag} ${v}`).toBe(codes[j]);
            checked++;
          });
        });
      });
    }
    expect(checked).toBeGreaterThan(15);
  });

  it('no Danish example gives an option a fixed value in English', () => {
    const english: string[] = [];
    for (const spec of COMMANDS) {
      const options = spec.options ?? [];
      for (const example of examplesInLanguage(spec.examples, options, danish)) {
        for (const [flag, value] of optionValues(example)) {
          const names = options.find((o) => o.flags.split(/[ ,]/)[0] === flag)?.names;
          if (names && 'values' in names && value.split(',').some((v) => names.values.includes(v) && danish(v) !== v)) english.push(`${flag} ${value}`);
        }
      }
    }
    expect(english).toEqual([]);
  });

  it('as help shows them, in Danish; English help keeps the codes', async () => {
    const da = await civsam(['--lang', 'da', 'audit', '--help'], { env: AT_80 });
    expect(da.stdout).toContain('$ civsam audit --as-of 2026-11-23 --area psykiatri\n');
    expect(da.stdout).toContain('$ civsam audit --fail-on advarsel --output audit.md\n');
    const add = await civsam(['--lang', 'da', 'application', 'decide', '--help'], { env: AT_80 });
    expect(add.stdout).toContain('--decision afslag');
    const en = await civsam(['audit', '--help'], { env: AT_80 });
    expect(en.stdout).toContain('$ civsam audit --fail-on warning --output audit.md\n');
  });

  it('a decision given by its Danish label is taken', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'civsam-test-')), 'data');
    cpSync(join(ROOT, 'data'), dir, { recursive: true });
    const r = await civsam(['--lang', 'da', '--data', dir, 'application', 'decide', '2025-civilsamfundspuljen-gryden-horsens', '--decision', 'afslag', '--date', '2025-12-01', '--reason', 'Lavere rækkevidde', '--dry-run']);
    expect(r.stderr).not.toContain('fejl');
    expect(r.code).toBe(0);
  });
});
