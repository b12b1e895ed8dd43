// After a few record files changed, the snapshot's last verdict is patched where they can make a
// difference (check-folder.ts patchVerdict) instead of checking the whole folder: the patched
// problems are exactly a whole check's, step after step, for the rules between records too
// (uniqueness among organisations, applications against their calls, references to a new id).
import { mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateBenchFolder } from '../../scripts/bench-data.js';
import { readFolder } from '../../src/store/load-folder.js';
import { noCache, openParseCache } from '../../src/store/parse-cache.js';
import { checkFolder, patchVerdict } from '../../src/validate/check-folder.js';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** Waits out the millisecond the files were written in (the snapshot's clock counts whole ones). */
const settle = () => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);

const first = (dir: string, folder: string) => readdirSync(join(dir, folder)).filter((f) => f.endsWith('.yaml')).sort()[0];

describe('a verdict patched after a few files changed', () => {
  it('is the whole check\'s, for every rule between records', () => {
    const root = mkdtempSync(join(tmpdir(), 'civsam-patch-'));
    made.push(root);
    const dir = join(root, 'data');
    generateBenchFolder(dir, { organisations: 30, offers: 60, agreements: 30, calls: 6, consultations: 6, hearingParties: 20 });
    const env = { CIVSAM_CACHE_DIR: join(root, 'cache'), CIVSAM_SNAPSHOT_RACY_MS: '0' };
    const edit = (rel: string, change: (text: string) => string) => writeFileSync(join(dir, rel), change(readFileSync(join(dir, rel), 'utf8')));
    const orgs = readdirSync(join(dir, 'organisations')).sort();
    const nameOf = (rel: string) => /^name: (.*)$/m.exec(readFileSync(join(dir, rel), 'utf8'))![1];
    const application = `applications/${first(dir, 'applications')}`;
    const offer = `offers/${first(dir, 'offers')}`;
    const steps: Array<[string, () => void]> = [
      ['an organisation takes another\'s name', () => edit(`organisations/${orgs[1]}`, (t) => t.replace(/^name: .*$/m, `name: ${nameOf(`organisations/${orgs[0]}`)}`))],
      ['a score beyond the call\'s scale', () => edit(application, (t) => t.replace(/score: \d+/, 'score: 99'))],
      ['an application taken away', () => renameSync(join(dir, application), join(root, 'aside.yaml'))],
      ['an offer of an organisation that does not exist', () => edit(offer, (t) => t.replace(/^organisation: .*$/m, 'organisation: ny-forening'))],
      ['that organisation added', () => writeFileSync(join(dir, 'organisations/ny-forening.yaml'), readFileSync(join(dir, 'organisations', orgs[2]), 'utf8').replace(/^id: .*$/m, 'id: ny-forening').replace(/^name: .*$/m, 'name: Ny Forening').replace(/^cvr: .*\n/m, ''))],
      ['a consultation taken away', () => rmSync(join(dir, 'consultations', first(dir, 'consultations')))],
      ['an organisation given back its own name', () => edit(`organisations/${orgs[1]}`, (t) => t.replace(/^name: .*$/m, 'name: Eget Navn'))],
    ];
    settle();
    checkFolder(readFolder(dir, openParseCache(dir, env, 'test')));
    const problems: number[] = [];
    for (const [what, step] of steps) {
      step();
      settle();
      const whole = checkFolder(readFolder(dir, noCache)).problems;
      const patched = patchVerdict(readFolder(dir, openParseCache(dir, env, 'test')));
      expect(patched, what).toEqual(whole);
      problems.push(whole.length);
      // The next step starts from this one's verdict.
      checkFolder(readFolder(dir, openParseCache(dir, env, 'test')));
    }
    // The steps made and mended problems: the patches had something to find.
    expect(Math.max(...problems)).toBeGreaterThan(Math.min(...problems));
  });

  it('checks again the references a file added in the middle of its folder makes good, when the file that refers is as it was', () => {
    const root = mkdtempSync(join(tmpdir(), 'civsam-patch-'));
    made.push(root);
    const dir = join(root, 'data');
    generateBenchFolder(dir, { organisations: 10, offers: 20, agreements: 10, calls: 2, consultations: 2, hearingParties: 5 });
    // Every file read again is written into the snapshot at once, so the offer below is taken from it, not read again.
    const env = { CIVSAM_CACHE_DIR: join(root, 'cache'), CIVSAM_SNAPSHOT_RACY_MS: '0', CIVSAM_SNAPSHOT_DEFER_FILES: '0' };
    const orgs = readdirSync(join(dir, 'organisations')).sort();
    // An id that sorts between the first two organisations' files.
    const id = `${orgs[0].replace(/\.yaml$/, '')}x`;
    expect(`${id}.yaml` > orgs[0] && `${id}.yaml` < orgs[1]).toBe(true);
    const offer = join(dir, 'offers', first(dir, 'offers'));
    writeFileSync(offer, readFileSync(offer, 'utf8').replace(/^organisation: .*$/m, `organisation: ${id}`));
    settle();
    const dangling = checkFolder(readFolder(dir, openParseCache(dir, env, 'test'))).problems;
    expect(dangling.map((p) => p.rule)).toContain('reference');
    settle();
    // The offer is taken from the snapshot now.
    checkFolder(readFolder(dir, openParseCache(dir, env, 'test')));
    writeFileSync(join(dir, 'organisations', `${id}.yaml`), readFileSync(join(dir, 'organisations', orgs[2]), 'utf8').replace(/^id: .*$/m, `id: ${id}`).replace(/^name: .*$/m, 'name: Ny Forening').replace(/^cvr: .*\n/m, ''));
    settle();
    const raw = readFolder(dir, openParseCache(dir, env, 'test'));
    expect(raw.previous?.()?.changed).toEqual([`organisations/${id}.yaml`]);
    const patched = patchVerdict(raw);
    expect(patched).toEqual(checkFolder(readFolder(dir, noCache)).problems);
    expect(patched!.map((p) => p.rule)).not.toContain('reference');
  });

  it('is not made when a change reaches further: a vocabulary, or a record others refer to taken away', () => {
    const root = mkdtempSync(join(tmpdir(), 'civsam-patch-'));
    made.push(root);
    const dir = join(root, 'data');
    generateBenchFolder(dir, { organisations: 10, offers: 20, agreements: 10, calls: 2, consultations: 2, hearingParties: 5 });
    const env = { CIVSAM_CACHE_DIR: join(root, 'cache'), CIVSAM_SNAPSHOT_RACY_MS: '0' };
    settle();
    checkFolder(readFolder(dir, openParseCache(dir, env, 'test')));
    writeFileSync(join(dir, 'vocabularies/offer-types.yaml'), readFileSync(join(dir, 'vocabularies/offer-types.yaml'), 'utf8') + '\n');
    settle();
    expect(patchVerdict(readFolder(dir, openParseCache(dir, env, 'test')))).toBeUndefined();
    checkFolder(readFolder(dir, openParseCache(dir, env, 'test')));
    rmSync(join(dir, 'organisations', first(dir, 'organisations')));
    settle();
    expect(patchVerdict(readFolder(dir, openParseCache(dir, env, 'test')))).toBeUndefined();
  });
});
