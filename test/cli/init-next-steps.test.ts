// The next steps init prints are commands a person pastes: each must run as printed, from where
// the message says to stand (inside the new folder), in both languages.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { makeFolder } from '../helpers/folder.js';

/** The `civsam …` commands in the "Next:" line, split as a shell would (quotes kept together). */
function nextCommands(stderr: string): string[][] {
  const line = stderr.replace(/\n(?!Næste|Next)/g, ' ').split('\n').find((l) => /^(Next|Næste skridt):/.test(l));
  expect(line).toBeDefined();
  // The commands follow the line's last colon: "…: civsam audit, civsam overview offers or civsam publish …".
  const tail = line!.slice(line!.lastIndexOf(': ') + 2);
  const commands = tail.split(/,?\s+(?:eller|or)\s+|,\s+/).map((c) => c.replace(/^civsam\s+/, ''));
  expect(commands.length).toBeGreaterThan(0);
  return commands.map((c) => [...c.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => (m[1] === '…' ? 'Første Forening' : m[1] ?? m[2]!)));
}

describe('init: the printed next steps work as printed', () => {
  for (const lang of ['en', 'da']) {
    for (const sample of [true, false]) {
      test(`${lang}, ${sample ? 'with' : 'without'} the sample`, async () => {
        const parent = makeFolder({});
        const init = await civsam(['init', 'ny', ...(sample ? ['--sample'] : [])], { cwd: parent, env: { CIVSAM_LANG: lang, COLUMNS: '80' } });
        expect(init.code).toBe(0);
        expect(init.stderr).toContain('(cd ny)');
        const dir = join(parent, 'ny');
        for (const args of nextCommands(init.stderr)) {
          const r = await civsam(args, { cwd: dir, env: { CIVSAM_LANG: lang } });
          // audit of the sample reports findings (1); what must not happen is a refusal (2).
          expect({ args, code: r.code < 2 ? 'ran' : r.stderr }).toEqual({ args, code: 'ran' });
        }
        if (sample) expect(existsSync(join(parent, 'site', 'index.html'))).toBe(true);
      }, 60_000);
    }
  }
});
