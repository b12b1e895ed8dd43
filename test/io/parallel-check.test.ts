// A large folder read afresh is read and checked on two threads (src/validate/parallel-check.ts):
// each thread checks its share of the files on its own (schema, characters, the rules of one
// record, references), and this thread runs what needs the whole folder. The problems, the records
// and the snapshot must be exactly those of one thread. The worker only exists compiled, so this
// test uses the built code in dist/ (run `node scripts/build.js` first).
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { baseFiles, makeFolder, org, type Files } from '../helpers/folder.js';

const dist = (path: string) => import(join(ROOT, 'dist', path)) as Promise<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any

const party = (id: string, organisation: string, extra = '') => `id: ${id}\norganisation: ${organisation}\nareas: [psychiatry]\npatient_groups: [depression]\nsince: 2024-04-24\nstatus: active\n${extra}`;

/** Some 700 files, with every sort of problem a file alone can have, and rules between records, in both threads' shares. */
function troubledFolder(): string {
  const files: Files = { ...baseFiles() };
  for (let i = 0; i < 600; i++) {
    const id = `o${String(i).padStart(3, '0')}`;
    const sort = i % 13;
    files[`organisations/${id}.yaml`] =
      sort === 1 ? `id: ${id}\nname: [Forening ${i}\n` // does not parse
        : sort === 2 ? '' // empty
          : sort === 3 ? Buffer.from([0x69, 0x64, 0x3a, 0x20, 0xff, 0xfe, 0x0a]) // not UTF-8
            : sort === 4 ? org(id, `Forening ${i}`, undefined, 'notes: .nan\n') // a value JSON cannot carry
              : sort === 5 ? org(id, `Forening ${i}`, undefined, 'colour: blue\npatient_groups_extra: [x]\n').replace('[depression]', '[nowhere]') // fails its schema, with a bad reference in what is left
                : sort === 6 ? org(id, `Forening ${i}`).replace('[aarhus]', '[atlantis]') // a reference to no municipality
                  : sort === 7 ? org(id, `Forening ${i}`, undefined, 'notes: "a\\e b"\n') // a control character
                    : sort === 8 ? org(id, `Forening ${i - 8}`) // the name of another organisation (name-unique, between records)
                      : sort === 9 ? org(`${id}-other`, `Forening ${i}`) // its id is not its file's name
                        : sort === 10 ? org(id, `Fore\u0301ning ${i}`) // text not in NFC
                          : sort === 11 ? org(id, `Forening ${i}`, '12345674') // a CVR number another has too
                            : sort === 12 ? `id: ${id}\nname: Forening ${i}\n\tkind: other\n` // a tab: the strict parse decides
                              : org(id, `Forening ${i}`);
  }
  for (let i = 0; i < 100; i++) {
    // Hearing parties refer to organisations: some that exist, some gone, one that failed to parse.
    const target = i % 10 === 3 ? 'nobody' : i % 10 === 4 ? 'o001' : `o${String(i * 5).padStart(3, '0')}`;
    files[`hearing-parties/h${String(i).padStart(3, '0')}.yaml`] = party(`h${String(i).padStart(3, '0')}`, target, i % 17 === 0 ? 'status_note: x\n' : '');
  }
  return makeFolder(files);
}

const plain = (v: unknown) => JSON.parse(JSON.stringify(v, (_k, x) => (typeof x === 'number' && !Number.isFinite(x) ? String(x) : x instanceof Map ? [...x] : x)));

describe('reading and checking a folder on two threads', () => {
  // However the threads share the files: the worker taking chunks from the back while this thread
  // takes them from the front (small chunks, so they take turns often), or none at all.
  it.each([
    ['as it comes', {}, undefined],
    ['in small chunks, the worker first', { unit: 8, workerFirst: true }, 'some'],
    ['with none for the worker', { share: 0 }, 'none'],
  ])('finds the same problems, records and snapshot as one thread (%s)', async (_name, how, worker) => {
    const { readFolder } = await dist('store/load-folder.js');
    const { parallelReader, lastSplit } = await dist('store/parallel-read.js');
    const { checks } = await dist('validate/parallel-check.js');
    const { checkFolder } = await dist('validate/check-folder.js');
    const { openParseCache } = await dist('store/parse-cache.js');
    const dir = troubledFolder();
    // Past the millisecond the last files were written in: a file that new is never kept in a snapshot,
    // so a run within it would keep fewer entries than a run after it; and past the time a folder's
    // listing is kept only after (parse-cache.ts FOLDER_RACY_NS), for the same reason.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 80);
    const twoThreads = parallelReader({ from: 1, evenWhenBusy: true, checks, ...how });
    const run = (reader: unknown) => {
      const cacheDir = makeFolder({});
      const raw = readFolder(dir, openParseCache(dir, { CIVSAM_CACHE_DIR: cacheDir, CIVSAM_SNAPSHOT_RACY_MS: '0' }, 'test'), reader);
      const { folder, problems } = checkFolder(raw);
      const [file] = readdirSync(cacheDir);
      // The snapshot as written, but for the time it was written.
      const snapshot = readFileSync(join(cacheDir, file), 'latin1').replace(/"written":"\d+"/, '').replace(/^(civsam-snapshot\/\d+\n\d{10}) \d{10}/, '$1'); // and the header's sum, which covers the time
      return { own: raw.own !== undefined, problems: plain(problems), records: plain(folder.records), settings: plain(folder.settings), snapshot };
    };
    const one = run(undefined);
    const two = run(twoThreads);
    // Each thread checked its own share (else this would test nothing new).
    expect(two.own).toBe(true);
    if (worker === 'some') expect(lastSplit.worker).toBeGreaterThan(0);
    if (worker === 'some') expect(lastSplit.worker).toBeLessThan(700);
    if (worker === 'none') expect(lastSplit.worker).toBe(0);
    expect(one.own).toBe(false);
    expect(two.problems).toEqual(one.problems);
    expect(two.records).toEqual(one.records);
    expect(two.settings).toEqual(one.settings);
    expect(two.snapshot === one.snapshot).toBe(true);
    // Every sort of problem above is there, in both halves of the files.
    const rules = new Set(one.problems.map((p: { rule: string }) => p.rule));
    for (const rule of ['yaml-syntax', 'file-empty', 'file-encoding', 'schema-unknown-field', 'reference', 'control-character', 'name-unique', 'id-file-name', 'text-nfc', 'cvr-unique', 'yaml-tab']) expect(rules, rule).toContain(rule);
    const referenced = one.problems.filter((p: { rule: string; file: string }) => p.rule === 'reference').map((p: { file: string }) => p.file);
    expect(referenced.some((f: string) => f < 'organisations/o300')).toBe(true);
    expect(referenced.some((f: string) => f.startsWith('hearing-parties/'))).toBe(true);
  });

  it('checks references against any id of a vocabulary that could not be read, on both threads', async () => {
    const { readFolder } = await dist('store/load-folder.js');
    const { parallelReader } = await dist('store/parallel-read.js');
    const { checks } = await dist('validate/parallel-check.js');
    const { checkFolder } = await dist('validate/check-folder.js');
    const { noCache } = await dist('store/parse-cache.js');
    const files: Files = { ...baseFiles(), 'vocabularies/municipalities.yaml': null };
    for (let i = 0; i < 300; i++) files[`organisations/o${String(i).padStart(3, '0')}.yaml`] = org(`o${String(i).padStart(3, '0')}`, `Forening ${i}`).replace('[aarhus]', i % 2 ? '[atlantis]' : '[aarhus]');
    const dir = makeFolder(files);
    // The municipalities are a folder here: not a file to read, so any municipality may exist.
    mkdirSync(join(dir, 'vocabularies', 'municipalities.yaml'));
    const one = checkFolder(readFolder(dir, noCache));
    const raw = readFolder(dir, noCache, parallelReader({ from: 1, evenWhenBusy: true, checks }));
    const two = checkFolder(raw);
    expect(raw.own).toBeDefined();
    expect(plain(two.problems)).toEqual(plain(one.problems));
    expect(one.problems.map((p: { rule: string }) => p.rule)).toEqual(['file-not-regular']);
  });

  it('checks everything again when the ids the threads checked against are not the folder\'s', async () => {
    const { readFolder } = await dist('store/load-folder.js');
    const { checkFolder } = await dist('validate/check-folder.js');
    const { noCache } = await dist('store/parse-cache.js');
    const dir = troubledFolder();
    const one = checkFolder(readFolder(dir, noCache));
    // As though a file had gone between the listing and its read: what was found elsewhere is not taken.
    const raw = readFolder(dir, noCache);
    raw.own = { problems: [{ file: 'organisations/o000.yaml', line: 9, col: 9, rule: 'made-up', severity: 'error', message: { key: 'problem.fileEmpty' } }], passedSchema: () => true, idsKey: 'not these' };
    expect(plain(checkFolder(raw).problems)).toEqual(plain(one.problems));
  });
});
