// Guided `add` in a folder that has nothing a required field must name (no organisation for an
// agreement, a hearing party or an offer): refused before the first question,
// not after the user has answered the ones before it. Needs the built binary.
import { describe, expect, it } from 'vitest';
import { baseFiles, makeFolder } from '../helpers/folder.js';
import { onTerminal } from '../helpers/pty.js';

const DA = { CIVSAM_LANG: 'da', COLUMNS: '80' };

describe('guided add with nothing to choose for a required field', () => {
  for (const [command, said] of [
    ['agreement', 'fejl: der er endnu ingen organisation at vælge: registrér først en organisation (civsam org add), og kør så dette igen.'],
    ['hearing-party', 'fejl: der er endnu ingen organisation at vælge: registrér først en organisation (civsam org add), og kør så dette igen.'],
    ['offer', 'fejl: der er endnu ingen organisation at vælge: registrér først en organisation (civsam org add), og kør så dette igen.'],
  ] as const) {
    it(`${command} add, with no organisation, says so before asking anything`, async () => {
      const run = onTerminal([command, 'add', '--data', makeFolder({ ...baseFiles(), 'organisations/alpha.yaml': null }), '--no-commit'], { env: DA });
      const done = await run.exit();
      expect(done.output).not.toContain('?');
      expect(done.output.replace(/\s+/g, ' ')).toContain(said);
      expect(done.code).toBe(2);
    }, 30_000);
  }
});
