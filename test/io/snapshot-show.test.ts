// `show` of one record reads, from the snapshot, only the records whose text holds its id (and
// parses them alone): what it shows must be what a run without the snapshot shows, for every kind,
// after edits, additions and removals, and when an id is the start of another.
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMAND_OF, FOLDER_OF, RECORD_KINDS } from '../../src/domain/kinds.js';
import { civsam } from '../helpers/cli.js';
import { makeFolder, org } from '../helpers/folder.js';

const SAMPLE = new URL('../../data/', import.meta.url).pathname;

function sampleCopy(): string {
  const dir = makeFolder({});
  cpSync(SAMPLE, dir, { recursive: true });
  return dir;
}

const idsOf = (dir: string, folder: string) => readdirSync(join(dir, folder)).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -5)).sort();

describe('show with the snapshot', () => {
  it.each([['whole', undefined, 2], ['a hundred bytes at a time, so that ids fall across windows', '101', 1]] as const)('shows every record of the sample as a run without the snapshot does (each folder searched %s)', async (_, window, each) => {
    const dir = sampleCopy();
    const env = { CIVSAM_NO_CACHE: undefined, CIVSAM_CACHE_DIR: makeFolder({}), CIVSAM_SNAPSHOT_RACY_MS: '0', CIVSAM_SNAPSHOT_SEARCH_WINDOW: window };
    await civsam(['validate', '--data', dir], { env }); // makes the snapshot
    let shown = 0;
    for (const kind of RECORD_KINDS) {
      const ids = idsOf(dir, FOLDER_OF[kind]);
      // A dozen organisations (the most referred to), a few of every other kind.
      for (const id of ids.slice(0, kind === 'organisation' ? 8 : each)) {
        for (const args of [[COMMAND_OF[kind], 'show', id, '--format', 'json'], [COMMAND_OF[kind], 'show', id, '--lang', 'da']]) {
          const fresh = await civsam([...args, '--data', dir]);
          expect(fresh.code, `${args.join(' ')}: ${fresh.stderr}`).toBe(0);
          expect(await civsam([...args, '--data', dir], { env })).toEqual(fresh);
          shown++;
        }
      }
    }
    expect(shown).toBe(2 * (8 + each * (RECORD_KINDS.length - 1)));
  });

  it('sees a reference added, removed or moved since the snapshot, and an id that starts another', async () => {
    const dir = sampleCopy();
    const env = { CIVSAM_NO_CACHE: undefined, CIVSAM_CACHE_DIR: makeFolder({}), CIVSAM_SNAPSHOT_RACY_MS: '0' };
    await civsam(['validate', '--data', dir], { env });
    const [first, second] = idsOf(dir, 'organisations');
    const show = async (id: string) => {
      const fresh = await civsam(['org', 'show', id, '--format', 'json', '--data', dir]);
      const snap = await civsam(['org', 'show', id, '--format', 'json', '--data', dir], { env });
      expect(snap).toEqual(fresh);
      return (JSON.parse(fresh.stdout) as { referredBy: Array<{ kind: string; id: string }> }).referredBy;
    };
    const before = await show(first);
    // An offer of the second organisation handed to the first; one of the first's offers removed.
    const offers = idsOf(dir, 'offers');
    const moved = offers.find((o) => readFileSync(join(dir, 'offers', `${o}.yaml`), 'utf8').includes(`organisation: ${second}\n`))!;
    const gone = before.find((r) => r.kind === 'offer')!.id;
    expect(moved).toBeDefined();
    const file = join(dir, 'offers', `${moved}.yaml`);
    writeFileSync(file, readFileSync(file, 'utf8').replace(`organisation: ${second}\n`, `organisation: ${first}\n`));
    rmSync(join(dir, 'offers', `${gone}.yaml`));
    const after = await show(first);
    expect(after.some((r) => r.kind === 'offer' && r.id === moved)).toBe(true);
    expect(after.some((r) => r.id === gone)).toBe(false);
    expect((await show(second)).some((r) => r.id === moved)).toBe(false);
    // A new organisation whose id is the first's and more: neither is the other's referrer.
    writeFileSync(join(dir, 'organisations', `${first}-to.yaml`), org(`${first}-to`, 'Helt Ny Forening'));
    await civsam(['validate', '--data', dir], { env });
    expect(await show(`${first}-to`)).toEqual([]);
    expect(await show(first)).toEqual(after);
  });
});
