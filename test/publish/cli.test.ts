// civsam publish as a user runs it: the built binary on the sample data and on small folders.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { civsam, civsamBinary, ROOT } from '../helpers/cli.js';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';
import { siteFiles } from './fixture.js';

const DATA = join(ROOT, 'data');
// The sample site: 9 section pages and one page per organisation in each language, plus a stylesheet and a script,
// and the open data once: 6 files as CSV and JSON and their readme.
const PAGES = 9 + readdirSync(join(DATA, 'organisations')).filter((f) => f.endsWith('.yaml')).length;
const OPEN_DATA = 13;

function tree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p), readFileSync(p, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

// publish runs the audit first and says what it found on stderr's first line (test/open-site/facts.test.ts).
const SAMPLE_AUDIT = 'Audit before publishing: 16 findings (6 errors and 10 warnings) as of 23 Nov 2026. The site states the facts as they are; see them with civsam audit --as-of 2026-11-23.\n';
const SAMPLE_AUDIT_DA = 'Kontrol før udgivelsen: 16 fund (6 fejl og 10 advarsler) pr. 23. nov. 2026. Siden oplyser tingene, som de er; se fundene med civsam audit --as-of 2026-11-23.\n';

describe('civsam publish', () => {
  it('writes the site, says what it wrote on stderr, and writes nothing to stdout', async () => {
    const out = join(makeFolder({}), 'site');
    const r = await civsam(['publish', '--data', DATA, '--out', out, '--as-of', '2026-11-23']);
    expect(r.stderr).toBe(SAMPLE_AUDIT + `Published ${PAGES} pages (${PAGES + 2 + OPEN_DATA} files) to ${out} as of 23 Nov 2026: ${PAGES + 2 + OPEN_DATA} written, 0 unchanged, 0 removed.\nLanguages: Danish.\n`);
    expect(r.stdout).toBe('');
    expect(r.code).toBe(0);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('<html lang="da">');
    expect(existsSync(join(out, 'en'))).toBe(false);
  });

  it('publishes both languages with --lang both, in the language of the user\'s messages', async () => {
    const out = join(makeFolder({}), 'site');
    const r = await civsam(['publish', '--data', DATA, '--out', out, '--as-of', '2026-11-23', '--lang', 'both'], { env: { CIVSAM_LANG: 'da' } });
    expect(r.stderr).toBe(SAMPLE_AUDIT_DA + `Udgav ${2 * PAGES} sider (${2 * PAGES + 2 + OPEN_DATA} filer) i ${out} pr. 23. nov. 2026: ${2 * PAGES + 2 + OPEN_DATA} skrevet, 0 uændrede, 0 fjernet.\nSprog: dansk og engelsk (i mappen en/).\n`);
    expect(r.code).toBe(0);
    expect(readFileSync(join(out, 'en', 'offers.html'), 'utf8')).toContain('<html lang="en">');
  });

  it('takes --lang begge, the Danish word for both, and refuses another value naming every value, publish\'s both too, without a placeholder', async () => {
    const out = join(makeFolder({}), 'site');
    const r = await civsam(['publish', '--data', DATA, '--out', out, '--as-of', '2026-11-23', '--lang', 'begge'], { env: { CIVSAM_LANG: 'da' } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Sprog: dansk og engelsk (i mappen en/).\n');
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('<html lang="da">');
    const other = await civsam(['publish', '--data', DATA, '--out', join(makeFolder({}), 's'), '--lang', 'fransk'], { env: { CIVSAM_LANG: 'da' } });
    expect(other).toEqual({ code: 2, stdout: '', stderr: 'fejl: --lang kan have værdien da (dansk) eller en (engelsk); civsam publish kan også have begge, der skriver siderne på begge sprog.\n' });
    // Any command takes a language by its word, in either language.
    expect((await civsam(['--lang', 'dansk', 'validate', '--data', DATA])).stderr).toMatch(/^Ingen problemer/);
  });

  it('gives byte-identical files twice, and a second run into the same folder changes nothing', async () => {
    const base = makeFolder({});
    const a = join(base, 'a');
    const b = join(base, 'b');
    expect((await civsam(['publish', '--data', DATA, '--out', a, '--as-of', '2026-11-23', '--lang', 'both'])).code).toBe(0);
    expect((await civsam(['publish', '--data', DATA, '--out', b, '--as-of', '2026-11-23', '--lang', 'both'])).code).toBe(0);
    expect(tree(a)).toEqual(tree(b));
    const again = await civsam(['publish', '--data', DATA, '--out', a, '--as-of', '2026-11-23', '--lang', 'both']);
    expect(again.stderr).toContain(`: 0 written, ${2 * PAGES + 2 + OPEN_DATA} unchanged, 0 removed.`);
  });

  it('removes the pages of records that are gone, and keeps what civsam did not write in hidden files (.git)', async () => {
    const files = siteFiles();
    const data = makeFolder(files);
    const out = join(makeFolder({}), 'site');
    mkdirSync(join(out, '.git'), { recursive: true });
    writeFileSync(join(out, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    expect((await civsam(['publish', '--data', data, '--out', out, '--as-of', '2026-06-01'])).code).toBe(0);
    expect(existsSync(join(out, 'organisations', 'aeblehaven.html'))).toBe(true);
    // Æblehaven leaves the register: its file and every reference to it go.
    rmSync(join(data, 'organisations', 'aeblehaven.yaml'));
    rmSync(join(data, 'hearing-parties', 'hp-aeble.yaml'));
    writeFileSync(join(data, 'calls', 'c-recent.yaml'), files['calls/c-recent.yaml']!.toString().replace('applicants: [alpha, beta, aeblehaven]', 'applicants: [alpha, beta]'));
    writeFileSync(join(data, 'consultations', 'k-closed.yaml'), files['consultations/k-closed.yaml']!.toString().replace('invited: [hp-beta, hp-alpha, hp-aeble]', 'invited: [hp-beta, hp-alpha]'));
    const r = await civsam(['publish', '--data', data, '--out', out, '--as-of', '2026-06-01']);
    expect(r.stderr).toMatch(/, 1 removed\.\n/);
    expect(r.code).toBe(0);
    expect(existsSync(join(out, 'organisations', 'aeblehaven.html'))).toBe(false);
    expect(readFileSync(join(out, '.git', 'HEAD'), 'utf8')).toBe('ref: refs/heads/main\n');
  });

  it('refuses a folder holding files it did not write, and leaves them alone', async () => {
    const out = makeFolder({ 'index.html': 'my own page\n', 'notes.txt': 'keep\n' });
    const r = await civsam(['publish', '--data', DATA, '--out', out, '--as-of', '2026-11-23']);
    expect(r.code).toBe(2);
    // Refused before the folder is read and audited: no audit summary first.
    expect(r.stderr).toBe(`error: ${out} already holds files that civsam did not write (no .civsam-site in it). Give an empty or new folder, or one civsam published to before, so nothing of yours is overwritten.\n`);
    expect(tree(out)).toEqual(new Map([['index.html', 'my own page\n'], ['notes.txt', 'keep\n']]));
  });

  it('refuses to replace a page made by hand or a file edited since it wrote it, or to remove one, naming each; --overwrite replaces and removes them', () => {
    // The built binary, so that the pages are checked on the writer thread, where they are written.
    const data = makeFolder({ ...baseFiles(), 'organisations/gamma.yaml': org('gamma', 'Gamma Forening') });
    const out = join(makeFolder({}), 'site');
    const publish = (...more: string[]) => civsamBinary(['publish', '--data', data, '--output', out, '--as-of', '2026-06-01', ...more], { env: { CIVSAM_LANG: 'da' } });
    expect(publish().code).toBe(0);
    // A page of the user's own where the next publish puts a new organisation's page; a line added
    // to the stylesheet; and a page edited by hand whose organisation leaves the register.
    writeFileSync(join(out, 'organisations', 'beta.html'), '<p>vores egen side</p>\n');
    writeFileSync(join(data, 'organisations', 'beta.yaml'), org('beta', 'Beta Forening'));
    writeFileSync(join(out, 'assets', 'site.css'), readFileSync(join(out, 'assets', 'site.css'), 'utf8') + '.vores { color: red; }\n');
    writeFileSync(join(out, 'organisations', 'gamma.html'), readFileSync(join(out, 'organisations', 'gamma.html'), 'utf8').replace('</main>', '<p>Rettet i hånden.</p></main>'));
    rmSync(join(data, 'organisations', 'gamma.yaml'));
    const before = tree(out);
    const r = publish();
    expect(r.stderr).toBe('Kontrol før udgivelsen: ingen fund pr. 1. jun. 2026.\n'
      + `fejl: intet er udgivet: 3 filer i ${out} ville blive erstattet eller fjernet, men de er ikke, som civsam skrev dem:\n`
      + '  – assets/site.css: ændret, siden civsam skrev den\n'
      + '  – organisations/beta.html: ikke skrevet af civsam\n'
      + '  – organisations/gamma.html: ændret, siden civsam skrev den, og hører ikke\n    længere til webstedet\n'
      + 'Flyt dem ud af mappen for at beholde dem, eller angiv --overwrite for at lade civsam erstatte eller fjerne dem.\n');
    expect(r.code).toBe(2);
    // Nothing written, replaced or removed, and no temporary file left.
    expect(tree(out)).toEqual(before);

    const forced = publish('--overwrite');
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stderr).toMatch(/: \d+ skrevet, \d+ uændrede, 1 fjernet\.\n/);
    // The site is then the one a first publish writes, and the next publish takes it as civsam's.
    const fresh = join(makeFolder({}), 'site');
    expect(civsamBinary(['publish', '--data', data, '--output', fresh, '--as-of', '2026-06-01']).code).toBe(0);
    expect(tree(out)).toEqual(tree(fresh));
    expect(publish().stderr).toMatch(/: 0 skrevet, \d+ uændrede, 0 fjernet\.\n/);
  });

  it('refuses a site folder with a link inside it: no page is written or removed through it', async () => {
    const out = makeFolder({});
    expect((await civsam(['publish', '--data', DATA, '--out', out, '--as-of', '2026-11-23'])).code).toBe(0);
    // Someone's own folder put where the organisation pages were, and named in the manifest.
    const theirs = makeFolder({ 'precious.html': 'keep\n' });
    rmSync(join(out, 'organisations'), { recursive: true });
    symlinkSync(theirs, join(out, 'organisations'));
    writeFileSync(join(out, '.civsam-site'), readFileSync(join(out, '.civsam-site'), 'utf8') + 'organisations/precious.html\n');
    const r = await civsam(['publish', '--data', DATA, '--out', out, '--as-of', '2026-11-23']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`error: nothing was published: organisations in ${out} is a link (or something else that is neither a file nor a folder), and a page written or removed through it could land outside the site. civsam writes only ordinary files and folders there. Remove it, or publish to a new folder.\n`);
    expect(readdirSync(theirs)).toEqual(['precious.html']);
  });

  it('says so, without a stack trace, when the folder cannot be written', async () => {
    const base = makeFolder({ 'a-file': 'not a folder\n' });
    const r = await civsam(['publish', '--data', DATA, '--out', join(base, 'a-file', 'site'), '--as-of', '2026-11-23']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(SAMPLE_AUDIT + `error: could not write the site to ${join(base, 'a-file', 'site')}: a part of the path is a file, not a folder. Check that the folder can be written to and that the disk has room, then publish again; pages already written are replaced on the next run.\n`);
  });

  it('refuses an --out that is a file', async () => {
    const base = makeFolder({ 'a-file': 'not a folder\n' });
    const r = await civsam(['publish', '--data', DATA, '--out', join(base, 'a-file'), '--as-of', '2026-11-23']);
    expect(r).toEqual({ code: 2, stdout: '', stderr: `error: ${join(base, 'a-file')} is a file, not a folder. Give a folder with --output.\n` });
    expect(readFileSync(join(base, 'a-file'), 'utf8')).toBe('not a folder\n');
  });

  it('refuses to write inside the data folder', async () => {
    const data = makeFolder(siteFiles());
    const r = await civsam(['publish', '--data', data, '--out', join(data, 'site'), '--as-of', '2026-06-01']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is inside the data folder');
    expect(existsSync(join(data, 'site'))).toBe(false);
  });

  it('says what is wrong with its options, in both languages, with exit 2', async () => {
    expect(await civsam(['publish', '--data', DATA])).toEqual({ code: 2, stdout: '', stderr: 'error: give the folder to write the site to with --output DIR.\n' });
    expect(await civsam(['publish', '--data', DATA, '--out', join(makeFolder({}), 's'), '--as-of', '2026-02-30'])).toEqual({
      code: 2, stdout: '', stderr: 'error: --as-of is written as a date, but the calendar has no such day: check the month (01 to 12) and the day of the month. Write it as YYYY-MM-DD, for example 2026-11-23.\n',
    });
    expect((await civsam(['--lang', 'da', 'publish', '--data', DATA, '--out', join(makeFolder({}), 's'), '--as-of', '23-11-2026'])).stderr)
      .toBe('fejl: --as-of skal være en dato skrevet ÅÅÅÅ-MM-DD, for eksempel 2026-11-23.\n');
    expect(await civsam(['validate', '--data', DATA, '--lang', 'both'])).toEqual({
      code: 2, stdout: '', stderr: 'error: --lang both is for civsam publish only. Give --lang en or --lang da.\n',
    });
  });

  it('refuses a data folder that does not validate', async () => {
    const data = makeFolder({ ...siteFiles(), 'offers/bad.yaml': 'id: bad\n' });
    const r = await civsam(['publish', '--data', data, '--out', join(makeFolder({}), 's'), '--as-of', '2026-06-01']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: the data folder .* has \d+ errors? in offers\/bad\.yaml, so civsam will not work on it/);
  });

  it('has help with examples', async () => {
    const r = await civsam(['publish', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('civsam publish --output site --lang both --as-of 2026-11-23');
    expect(r.stdout).toMatch(/--output <dir> +folder to write the site to/);
    expect(r.stdout).toMatch(/--out <dir> +the same as --output \(its earlier name\)/);
    const da = await civsam(['publish', '--help'], { env: { CIVSAM_LANG: 'da' } });
    expect(da.stdout).toMatch(/--output <mappe> +mappen, webstedet skrives til/);
    expect(da.stdout).toMatch(/--out <mappe> +det samme som --output \(dets tidligere navn\)/);
  });

  it('takes the folder with --output, as call letters and the reports do, and with --out as before; both naming different folders is refused', async () => {
    const out = join(makeFolder({}), 'site');
    const r = await civsam(['publish', '--data', DATA, '--output', out, '--as-of', '2026-11-23']);
    expect(r.code).toBe(0);
    expect(existsSync(join(out, 'index.html'))).toBe(true);
    expect((await civsam(['publish', '--data', DATA, '--output', out, '--out', out, '--as-of', '2026-11-23'])).code).toBe(0);
    // The same folder written two ways is the same folder: with a trailing slash, or relative and absolute.
    const cwd = dirname(out);
    expect((await civsam(['publish', '--data', DATA, '--out', 'site', '--output', 'site/', '--as-of', '2026-11-23'], { cwd })).code).toBe(0);
    expect((await civsam(['publish', '--data', DATA, '--out', `../${basename(cwd)}/site`, '--output', out, '--as-of', '2026-11-23'], { cwd })).code).toBe(0);
    expect(await civsam(['publish', '--data', DATA, '--output', out, '--out', `${out}2`, '--as-of', '2026-11-23'], { env: { CIVSAM_LANG: 'da' } })).toEqual({
      code: 2, stdout: '', stderr: 'fejl: --output og --out angiver begge mappen til webstedet, og de er forskellige. Angiv kun den ene.\n',
    });
    expect(await civsam(['publish', '--data', DATA, '--as-of', '2026-11-23'], { env: { CIVSAM_LANG: 'da' } })).toEqual({
      code: 2, stdout: '', stderr: 'fejl: angiv mappen, webstedet skal skrives til, med --output MAPPE.\n',
    });
  });
});
