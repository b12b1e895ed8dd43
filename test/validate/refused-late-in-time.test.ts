// validate says what the audit's refused-late-in-time says: an application refused for being late
// that, by its day received and its call's deadline as they stand now, came in time. Said at the
// refusal, with what mends it; a deadline edited by hand between two runs in the same folder is
// seen by the second run (the verdict kept from the first is checked again where it can differ).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder } from '../helpers/folder.js';
import { readFolder } from '../../src/store/load-folder.js';
import { noCache, openParseCache } from '../../src/store/parse-cache.js';
import { checkFolder, patchVerdict } from '../../src/validate/check-folder.js';

const CALL = ['id: c1', 'title: Opslag 2027', 'areas: [psychiatry]', 'scope: regional', 'published: 2026-10-01', 'deadline: 2026-11-15', 'channel: public',
  'criteria:', '  - id: quality', '    text: {da: Faglig kvalitet}', ''].join('\n');
const REFUSED_LATE = ['id: c1-alpha', 'call: c1', 'organisations: [alpha]', 'title: Angstcafé', 'amount_dkk: 1000', 'kind: development', 'received: 2026-11-20',
  'decision:', '  outcome: refused', '  formal: late', '  date: 2026-11-25', '  reason: Ansøgningen kom efter fristen.', ''].join('\n');

const WARNING = 'applications/c1-alpha.yaml:8:1  advarsel: ansøgningen har fået afslag, fordi den kom for sent, men efter modtagelsesdatoen og fristen i opslag c1, som de står nu, kom den i tide: brevet ville sige, at den kom for sent, og civsam call letters skriver ingen breve, så længe det står sådan. Tag afslaget tilbage (civsam application edit c1-alpha --unset decision), og bedøm den efter kriterierne, eller ret modtagelsesdatoen eller fristen, hvis det er den, der er forkert.\n';

const folder = (received = '2026-11-20') => makeFolder({ ...baseFiles(), 'calls/c1.yaml': CALL, 'applications/c1-alpha.yaml': REFUSED_LATE.replace('2026-11-20', received) });
const edit = (dir: string, rel: string, from: string, to: string) => writeFileSync(join(dir, rel), readFileSync(join(dir, rel), 'utf8').replace(from, to));
/** validate in Danish, its file names said from the data folder. */
const validate = async (dir: string, env: Record<string, string | undefined> = {}) => {
  const r = await civsam(['validate', '--data', dir, '--lang', 'da'], { env: { COLUMNS: undefined, ...env } });
  return { ...r, stdout: r.stdout.replaceAll(`${dir}/`, '') };
};
/** Waits out the millisecond the files were written in (the snapshot's clock counts whole ones). */
const settle = () => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);

describe('validate and a refusal for being late of an application that came in time', () => {
  it('is said at the decision, as a warning with what to do; near miss: one received after the deadline says nothing', async () => {
    const late = await validate(folder());
    expect(late).toMatchObject({ code: 0, stdout: '' });
    const inTime = await validate(folder('2026-11-12'));
    expect(inTime).toEqual({ code: 0, stdout: WARNING, stderr: '1 advarsel i 1 fil (7 filer læst).\n' });
  });

  it('is seen when the call\'s deadline is edited between two runs in the same folder, and seen gone when the edit is undone', async () => {
    const dir = folder();
    const cache = makeFolder({});
    const env = { CIVSAM_NO_CACHE: undefined, CIVSAM_CACHE_DIR: cache, CIVSAM_SNAPSHOT_RACY_MS: '0' };
    expect((await validate(dir, env)).stdout).toBe('');
    settle();
    edit(dir, 'calls/c1.yaml', 'deadline: 2026-11-15', 'deadline: 2026-11-30');
    settle();
    expect(await validate(dir, env)).toEqual({ code: 0, stdout: WARNING, stderr: '1 advarsel i 1 fil (7 filer læst).\n' });
    settle();
    edit(dir, 'calls/c1.yaml', 'deadline: 2026-11-30', 'deadline: 2026-11-15');
    settle();
    expect(await validate(dir, env)).toEqual({ code: 0, stdout: '', stderr: 'Ingen problemer i 7 filer.\n' });
  });

  it('is checked again, not kept, when only the call changed since the last verdict: the patched verdict is the whole check\'s', () => {
    const dir = folder();
    const env = { CIVSAM_CACHE_DIR: makeFolder({}), CIVSAM_SNAPSHOT_RACY_MS: '0' };
    settle();
    checkFolder(readFolder(dir, openParseCache(dir, env, 'test')));
    for (const deadline of ['2026-11-30', '2026-11-15']) {
      edit(dir, 'calls/c1.yaml', /deadline: .*/.exec(readFileSync(join(dir, 'calls/c1.yaml'), 'utf8'))![0], `deadline: ${deadline}`);
      settle();
      const whole = checkFolder(readFolder(dir, noCache)).problems;
      const patched = patchVerdict(readFolder(dir, openParseCache(dir, env, 'test')));
      expect(patched).toBeDefined();
      expect(patched).toEqual(whole);
      expect(whole.map((p) => p.rule)).toEqual(deadline === '2026-11-30' ? ['refused-late-in-time'] : []);
      checkFolder(readFolder(dir, openParseCache(dir, env, 'test')));
    }
  });
});
