// `civsam call letters` on the sample data: one answer per decided application, a refusal that
// carries its reasons and criteria, no assessor named anywhere, never written into the data folder.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { makeFolder } from '../helpers/folder.js';
import { sampleWithReasons, UNREASONED } from '../helpers/sample-letters.js';

describe('call letters', () => {
  it('writes one letter per applicant, in Markdown and HTML, with the reasons and criteria of a refusal', async () => {
    const out = join(makeFolder({}), 'breve');
    const r = await civsam(['call', 'letters', '2025-civilsamfundspuljen', '--out', out, '--data', sampleWithReasons()], { env: { CIVSAM_LANG: undefined } });
    expect(r.code, r.stderr).toBe(0);
    const files = readdirSync(out).sort();
    expect(files.filter((f) => f.endsWith('.md'))).toHaveLength(8);
    expect(files.filter((f) => f.endsWith('.html'))).toHaveLength(8);
    const refusal = readFileSync(join(out, '2025-civilsamfundspuljen-gryden-horsens.md'), 'utf8');
    expect(refusal).toContain('giver afslag på jeres ansøgning om 200.000 kr.');
    expect(refusal).toContain('Horsens fik midler i 2024, og andre ansøgninger dækkede kommuner uden midler.');
    expect(refusal).toContain('Afgørelsen bygger særligt på disse af opslagets kriterier:\n\n- I 2025 prioriteres tilbud i kommuner, der ikke fik midler i 2024.');
    expect(refusal).toContain('Folketingets Ombudsmand');
    for (const f of files) {
      const text = readFileSync(join(out, f), 'utf8');
      expect(text, f).not.toContain('Fagkonsulent');
    }
    expect(readFileSync(join(out, '2025-civilsamfundspuljen-gryden-horsens.html'), 'utf8')).toContain('<html lang="da">');
  });

  it('writes none while a refusal or partial grant has no reason (its letter would promise reasons it does not give), and says which and what to do', async () => {
    const out = join(makeFolder({}), 'breve');
    const r = await civsam(['call', 'letters', '2025-civilsamfundspuljen', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`error: no letter was written: a refusal or partial grant has no reason (${UNREASONED.slice('applications/'.length, -'.yaml'.length)}), and such a letter must give the reasons for the decision. Add the reason to the decision (civsam application decide ID --decision … --reason "…"), then write the letters again.\n`);
    expect(() => readdirSync(out)).toThrow();
  });

  it('never replaces a letter a person has edited since, or one civsam did not write, unless told to', async () => {
    const data = sampleWithReasons();
    const out = join(makeFolder({}), 'breve');
    const run = (...more: string[]) => civsam(['call', 'letters', '2025-civilsamfundspuljen', '--out', out, '--data', data, ...more]);
    expect((await run()).code).toBe(0);
    expect((await run()).code).toBe(0); // as civsam wrote them: replaced
    const letter = join(out, '2025-civilsamfundspuljen-gryden-horsens.md');
    const edited = readFileSync(letter, 'utf8') + '\nRettet af sagsbehandleren.\n';
    writeFileSync(letter, edited);
    writeFileSync(join(out, '2025-civilsamfundspuljen-aedru-sammen-midt.html'), '<p>mit eget</p>'); // not from civsam's record
    rmSync(join(out, '2025-civilsamfundspuljen-lungeklubben-herning.md')); // gone: simply written again
    const refused = await run();
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(`error: no letter was written: 2 letters in ${out} were changed since civsam wrote them, or not written by civsam (2025-civilsamfundspuljen-aedru-sammen-midt.html, 2025-civilsamfundspuljen-gryden-horsens.md), and would be replaced. Move them elsewhere to keep the changes, or give --overwrite to replace them.\n`);
    expect(readFileSync(letter, 'utf8')).toBe(edited);
    expect(readdirSync(out)).not.toContain('2025-civilsamfundspuljen-lungeklubben-herning.md');
    expect((await run('--overwrite')).code).toBe(0);
    expect(readFileSync(letter, 'utf8')).not.toContain('Rettet af sagsbehandleren');
    expect(readdirSync(out)).toContain('2025-civilsamfundspuljen-lungeklubben-herning.md');
    expect((await run()).code).toBe(0);
  });

  it('refuses an --out inside the data folder and writes nothing', async () => {
    const r = await civsam(['call', 'letters', '2025-civilsamfundspuljen', '--out', 'data/breve']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('inside the data folder');
  });
});
