// The folder snapshot may make a command faster, never different. Between runs, random files of a
// small folder are edited (to valid, invalid, unparseable or empty text, often to the same number of
// bytes with the modification time put back, so only the change time and the bytes tell), added,
// removed and renamed; after each step `validate` and `audit` must print the same bytes and exit the
// same with the snapshot as without it, and `audit` and `overview offers` asked again (printed from
// a recording when the folder is as the snapshot holds it) the same again. Run briefly with the tests and at length in the stress suite.
import { lstatSync, readdirSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { expect } from 'vitest';
import { civsam } from './cli.js';
import { baseFiles, makeFolder, org } from './folder.js';
import { snapshotEntries } from '../../src/store/parse-cache.js';

const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** The texts a file may be given. Names are all 14 characters, so many edits keep a file's size. */
const NAMES = ['Forening Alpha', 'Forening Bravo', 'Forening Charl', 'Forening Delta', 'Forening Ekko1', 'Forening Ekko2'];
const orgText = (id: string, variant: number): string => {
  const name = NAMES[variant % NAMES.length];
  switch (variant % 9) {
    case 6: return org(id, name).replace('patient_groups: [depression]', 'patient_groups: [ukendt-gr]'); // a reference nobody has
    case 7: return org(id, name).replace('status: active', 'status: sleepy'); // not in the schema
    case 8: return `id: ${id}\nname: [${name}\n`; // YAML that does not parse
    default: return org(id, name, variant % 2 ? '12345674' : undefined); // the same CVR twice is a problem too
  }
};
const offerText = (id: string, organisation: string, variant: number): string =>
  `id: ${id}\norganisation: ${organisation}\ntitle: Samtale ${'AB'[variant % 2]}\ntype: ${variant % 3 ? 'peer-group' : 'hotline'}\npatient_groups: [angst]\nareas: [psychiatry]\nmunicipalities: [aarhus]\nactive_from: 2024-0${1 + (variant % 9)}-01\n`;

const ORG_IDS = ['o1', 'o2', 'o3', 'o4', 'o5', 'o6'];
const OFFER_IDS = ['t1', 't2', 't3', 't4'];

type Step =
  | { op: 'write'; file: number; variant: number; keepTime: boolean }
  | { op: 'remove'; file: number }
  | { op: 'rename'; file: number; to: number }
  | { op: 'empty'; file: number }
  | { op: 'none' };

const FILES = [...ORG_IDS.map((id) => `organisations/${id}.yaml`), ...OFFER_IDS.map((id) => `offers/${id}.yaml`), 'vocabularies/offer-types.yaml'];

function textFor(rel: string, variant: number): string {
  const id = rel.slice(rel.lastIndexOf('/') + 1, -'.yaml'.length);
  if (rel.startsWith('organisations/')) return orgText(id, variant);
  if (rel.startsWith('offers/')) return offerText(id, ORG_IDS[variant % ORG_IDS.length], variant);
  // The vocabulary an offer's type refers to: one type comes and goes.
  return variant % 2 ? '- id: peer-group\n  name: {da: Samtalegruppe, en: Peer group}\n- id: hotline\n  name: {da: Rådgivning, en: Helpline}\n' : '- id: peer-group\n  name: {da: Samtalegruppe, en: Peer group}\n';
}

function apply(dir: string, step: Step): void {
  if (step.op === 'none') return; // the next runs find the folder as the last ones left it: the whole verdict is reused
  const rel = FILES[step.file];
  const path = join(dir, rel);
  const exists = (() => {
    try {
      return lstatSync(path).isFile();
    } catch {
      return false;
    }
  })();
  switch (step.op) {
    case 'write': {
      const before = exists ? lstatSync(path) : undefined;
      writeFileSync(path, textFor(rel, step.variant));
      // The same modification time as before, to the microsecond: only the change time (and the size, when it differs) shows the edit.
      if (before && step.keepTime) utimesSync(path, before.atime, before.mtime);
      break;
    }
    case 'empty':
      writeFileSync(path, '');
      break;
    case 'remove':
      rmSync(path, { force: true });
      break;
    case 'rename': {
      const to = FILES[step.to];
      // Only within a folder: the file keeps its inode and times under another name.
      if (exists && to !== rel && to.slice(0, to.indexOf('/')) === rel.slice(0, rel.indexOf('/'))) renameSync(path, join(dir, to));
      break;
    }
  }
}

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ op: fc.constant('write' as const), file: fc.nat(FILES.length - 1), variant: fc.nat(17), keepTime: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('remove' as const), file: fc.nat(FILES.length - 1) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('rename' as const), file: fc.nat(FILES.length - 1), to: fc.nat(FILES.length - 1) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('empty' as const), file: fc.nat(FILES.length - 1) }) },
  { weight: 2, arbitrary: fc.constant({ op: 'none' as const }) },
);

/**
 * Runs the property `numRuns` times; says how many entries the snapshot kept as passing their own
 * checks, and how many recorded reports there were after each run (summed).
 */
export async function snapshotProperty(numRuns: number): Promise<{ taken: number; recorded: number }> {
  const files = baseFiles();
  for (const id of ORG_IDS) files[`organisations/${id}.yaml`] = orgText(id, ORG_IDS.indexOf(id));
  for (const id of OFFER_IDS) files[`offers/${id}.yaml`] = offerText(id, 'o1', 0);
  const dir = makeFolder(files);
  const cache = makeFolder({});
  // A short racy window (file times on Linux are at most a tick late), so entries are trusted soon
  // after a write and the test reaches the same-tick cases the window guards.
  const withSnapshot = { CIVSAM_NO_CACHE: undefined, CIVSAM_CACHE_DIR: cache, CIVSAM_SNAPSHOT_RACY_MS: '30' };
  // Every other run writes each change at once; the rest leave a few changed files to be read
  // again next run (the default), so both ways of going on from a snapshot are tried.
  const writeAtOnce = { ...withSnapshot, CIVSAM_SNAPSHOT_DEFER_FILES: '0' };
  let run = 0;
  const without = { CIVSAM_NO_CACHE: '1' };
  // The audit refuses a folder with errors; an overview reports on its valid records (saying what it
  // left out), so it is recorded on such a folder too.
  const commands = [['validate', '--format', 'json'], ['audit', '--format', 'json', '--as-of', '2026-11-01'], ['overview', 'offers', '--as-of', '2026-11-01']];
  let taken = 0;
  let recorded = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 3 }), async (steps) => {
      for (const s of steps) apply(dir, s);
      const env = run++ % 2 === 0 ? withSnapshot : writeAtOnce;
      for (const args of commands) {
        const cached = await civsam([...args, '--data', dir], { env });
        const fresh = await civsam([...args, '--data', dir], { env: without });
        expect(cached).toEqual(fresh);
        // Asked again of the folder as it is: a report may be printed from its recording (context/replay.ts).
        if (args[0] !== 'validate') expect(await civsam([...args, '--data', dir], { env })).toEqual(fresh);
      }
      const snapshotFile = readdirSync(cache).find((n) => n.endsWith('.snapshot'));
      if (snapshotFile) taken += Object.values(snapshotEntries(join(cache, snapshotFile), VERSION) ?? {}).filter((e) => e.passed).length;
      const outputs = readdirSync(cache).find((n) => n.endsWith('.outputs'));
      if (outputs) recorded += readdirSync(join(cache, outputs)).length;
    }),
    // The folder carries over from run to run, so a failure is reported as found, not shrunk.
    { numRuns, seed: 20261205, endOnFailure: true },
  );
  return { taken, recorded };
}
