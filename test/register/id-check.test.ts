// Every command that takes a record id refuses anything but a well-formed id before it touches a
// file: `../x` and the like must never lead out of the kind's folder, remove, rewrite or commit.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { COMMANDS } from '../../src/cli/commands.js';
import { placeholders } from '../../src/cli/arguments.js';
import { COMMAND_OF, ID_PATTERN, REFERENCES, RECORD_KINDS } from '../../src/domain/kinds.js';
import { UserError } from '../../src/domain/errors.js';
import { recordRel } from '../../src/store/paths.js';
import { FIELDS } from '../../src/register/fields.js';
import { REGISTER_COMMANDS } from '../../src/cli/register-commands.js';
import { ROOT, civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';
import { civsamInProcess } from '../helpers/in-process.js';

const GIT_ENV = { GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.org', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.org' };

const OFFER = 'id: gruppe\norganisation: alpha\ntitle: Samtalegruppe\ntype: peer-group\npatient_groups: [depression]\nmunicipalities: [aarhus]\nactive_from: 2026-01-01\n';
const AGREEMENT = 'id: 2026-psyk-001\ntitle: Samtalegrupper\norganisations: [alpha]\nareas: [psychiatry]\npatient_groups: [depression]\nmunicipalities: [aarhus]\nstart: 2026-01-01\nstatus: active\nfunding:\n  - pool: puljen\n    year: 2026\n    kind: operation\n    amount_dkk: 300000\n';
const POOL = 'id: puljen\nname: Puljen\nareas: [psychiatry]\neligible_kinds: [operation]\nbudgets:\n  - year: 2026\n    amount_dkk: 1000000\n';
const PARTY = 'id: alpha\norganisation: alpha\nareas: [psychiatry]\npatient_groups: [depression]\nsince: 2020-01-01\nstatus: active\n';
const CONSULTATION = 'id: 2026-hoering\ntitle: Høring\nareas: [psychiatry]\nopens: 2026-03-01\ndeadline: 2026-04-01\nselection: all\nstatus: planned\ninvited: [alpha]\n';
const CALL = 'id: 2025-opslag\ntitle: Opslag\npool: puljen\nareas: [psychiatry]\nscope: regional\npublished: 2025-01-01\ndeadline: 2025-02-01\nchannel: public\n';

// The data folder is `data/` in a temporary folder that also holds a file outside it, the target
// `../../victim` would reach from `data/organisations/` (as `victim.yaml`).
const VICTIM = 'id: victim\nname: Victim\n';
let root = '';
let data = '';

beforeAll(() => {
  const files: Record<string, string> = {
    ...Object.fromEntries(Object.entries(baseFiles()).map(([rel, text]) => [`data/${rel}`, text as string])),
    'data/organisations/beta.yaml': org('beta', 'Beta Forening'),
    'data/offers/gruppe.yaml': OFFER, 'data/agreements/2026-psyk-001.yaml': AGREEMENT, 'data/pools/puljen.yaml': POOL,
    'data/hearing-parties/alpha.yaml': PARTY, 'data/consultations/2026-hoering.yaml': CONSULTATION, 'data/calls/2025-opslag.yaml': CALL,
    'victim.yaml': VICTIM,
  };
  root = makeFolder(files);
  data = join(root, 'data');
  for (const args of [['init', '-q'], ['add', '-A'], ['commit', '-q', '-m', 'start']]) spawnSync('git', args, { cwd: data, env: { ...process.env, ...GIT_ENV } });
});

/** Every file under the temporary folder (git's own files left out) with its content. */
function snapshot(): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (name === '.git') continue;
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(root, p), readFileSync(p, 'utf8'));
    }
  };
  walk(root);
  return out;
}

const commits = () => spawnSync('git', ['rev-list', '--count', 'HEAD'], { cwd: data, encoding: 'utf8' }).stdout.trim();

const NOT_A_NAME = "error: what you gave is neither a record's name nor its id (it reads as a path to a file, or holds control or invisible characters). Find the record with civsam find and part of its name.\n";

/** The malformed ids every command must refuse, by what they try. */
const BAD: Record<string, () => string> = {
  'a parent folder': () => '../x',
  'a file outside the data folder': () => '../../victim',
  'a sub-folder': () => './a/b',
  'an absolute path': () => join(root, 'victim'),
  'an empty id': () => '',
  'a 300-character id': () => 'a'.repeat(300),
  'an escape code': () => '\u001b[31mred\u001b[0m',
};

/**
 * Each command line with `X` where the id goes, and what the refusal names. Where a command needs
 * more to act, it gets it, so without the check it would really read, write or remove.
 */
const CASES: Array<[args: string[], names: string]> = [
  ...(['organisation', 'offer', 'agreement', 'pool', 'call', 'hearing-party', 'consultation'] as const).flatMap((kind): Array<[string[], string]> => {
    const c = COMMAND_OF[kind];
    const field = kind === 'organisation' || kind === 'agreement' ? '--notes' : kind === 'hearing-party' ? '--since' : '--description';
    const value = kind === 'hearing-party' ? '2021-01-01' : 'Ændret';
    // A command's own argument is named in words, an option by its flag.
    const inWords = `the id you gave for the ${kind.replace('-', ' ')}`;
    return [
      [[c, 'edit', 'X', field, value], inWords],
      [[c, 'show', 'X'], inWords],
      [[c, 'remove', 'X'], inWords],
    ];
  }),
  [['org', 'add', '--id', 'X', '--name', 'Ny Forening', '--kind', 'other', '--areas', 'psychiatry', '--scope', 'regional'], '--id'],
  [['org', 'deactivate', 'X'], 'the id you gave for the organisation'],
  [['org', 'activate', 'X'], 'the id you gave for the organisation'],
  [['offer', 'end', 'X', '--date', '2026-12-31'], 'the id you gave for the offer'],
  [['agreement', 'end', 'X', '--date', '2026-12-31'], 'the id you gave for the agreement'],
  [['agreement', 'cancel', 'X'], 'the id you gave for the agreement'],
  [['agreement', 'evaluate', 'X', '--summary', 'Godt'], 'the id you gave for the agreement'],
  [['pool', 'budget', 'X', '--year', '2028', '--amount', '100'], 'the id you gave for the pool'],
  [['call', 'close', 'X'], 'the id you gave for the call'],
  [['hearing-party', 'withdraw', 'X'], 'the id you gave for the hearing party'],
  [['hearing-party', 'history', 'X'], 'the id you gave for the hearing party'],
  [['consultation', 'invite', 'X', 'alpha'], 'the id you gave for the consultation'],
  [['consultation', 'invite', '2026-hoering', 'X'], 'the id you gave for a hearing party'],
  [['consultation', 'omit', 'X', 'alpha', '--reason', 'Ikke relevant'], 'the id you gave for the consultation'],
  [['consultation', 'omit', '2026-hoering', 'X', '--reason', 'Ikke relevant'], 'the id you gave for a hearing party'],
  [['consultation', 'respond', 'X', 'alpha'], 'the id you gave for the consultation'],
  [['consultation', 'respond', '2026-hoering', 'X'], 'the id you gave for a hearing party'],
  [['consultation', 'open', 'X'], 'the id you gave for the consultation'],
  [['consultation', 'close', 'X'], 'the id you gave for the consultation'],
  [['consultation', 'plan', 'X'], 'the id you gave for the consultation'],
  [['consultation', 'plan', 'X', '--apply'], 'the id you gave for the consultation'],
  [['consultation', 'audit', 'X'], 'the id you gave for the consultation'],
  [['consultation', 'report', 'X'], 'the id you gave for the consultation'],
  [['consultation', 'list-parties', 'X'], 'the id you gave for the consultation'],
  [['contact', 'erase', 'X'], 'the id you gave for the organisation'],
  // References given as options.
  [['offer', 'add', '--organisation', 'X', '--title', 'Ny gruppe', '--type', 'peer-group', '--patient-groups', 'depression', '--municipalities', 'aarhus', '--active-from', '2026-01-01'], '--organisation'],
  [['offer', 'edit', 'gruppe', '--organisation', 'X'], '--organisation'],
  [['offer', 'edit', 'gruppe', '--agreement', 'X'], '--agreement'],
  [['hearing-party', 'add', '--organisation', 'X'], '--organisation'],
  [['call', 'edit', '2025-opslag', '--pool', 'X'], '--pool'],
  [['agreement', 'edit', '2026-psyk-001', '--organisations', 'X'], '--organisations'],
  [['agreement', 'edit', '2026-psyk-001', '--established-by-call', 'X'], '--established-by-call'],
  [['consultation', 'edit', '2026-hoering', '--invited', 'X'], '--invited'],
  [['call', 'close', '2025-opslag', '--applicants', 'X'], '--applicants'],
  [['call', 'close', '2025-opslag', '--selected', 'X'], '--selected'],
  [['offer', 'list', '--organisation', 'X'], '--organisation'],
  [['agreement', 'list', '--pool', 'X'], '--pool'],
];

/** The command whose list shows the ids the refused value should have been one of: the kind asked for, not always organisations. */
function listedBy(args: readonly string[], names: string): string {
  const inWords = /^the id you gave for (?:the|a) (.*)$/.exec(names)?.[1];
  if (inWords) return COMMAND_OF[inWords.replace(' ', '-') as keyof typeof COMMAND_OF];
  const byOption: Record<string, string> = { '--organisation': 'org', '--organisations': 'org', '--applicants': 'org', '--selected': 'org', '--agreement': 'agreement', '--pool': 'pool', '--established-by-call': 'call' };
  // `--id` names the command's own kind; a consultation's `--invited` names hearing parties.
  if (names === '--invited') return args[0] === 'consultation' ? 'hearing-party' : 'org';
  return byOption[names] ?? args[0];
}

const OWN_RECORD = /^the id you gave for the /;
const LISTS = new Set(CASES.map(([t]) => t.join(' ')).filter((t) => /--(organisations|invited|applicants|selected) X$|list --(organisation|pool) X$/.test(t)));

describe('every id argument refuses a malformed id: exit 2, the argument named, nothing touched', () => {
  for (const [what, bad] of Object.entries(BAD)) {
    test(what, async () => {
      const before = snapshot();
      const head = commits();
      for (const [template, names] of CASES) {
        const id = bad();
        // A repeatable option's values are split at commas and empty items dropped: an empty
        // value there is no value (`--applicants ""` empties the list), not a malformed id.
        if (id === '' && LISTS.has(template.join(' '))) continue;
        const args = ['--data', data, ...template.map((a) => (a === 'X' ? id : a))];
        const r = await civsamInProcess(args, GIT_ENV);
        const shown = template.join(' ');
        expect(r.code, shown).toBe(2);
        expect(r.stdout, shown).toBe('');
        // Text too long to be any name is said to be too long where a name may be given (all but --id), as history says.
        if (what === 'a 300-character id' && names !== '--id') {
          expect(r.stderr, shown).toBe('error: what you gave is too long to be a record\'s name or id: a name has at most 200 characters. Find the record with civsam find and part of its name.\n');
          continue;
        }
        // A command's own record argument takes a name as well: text that is no name (a path, an
        // escape code) is said to be neither a name nor an id, as history says, without the text.
        if (!names.startsWith('--') && id.trim() !== '') {
          expect(r.stderr, shown).toBe(NOT_A_NAME);
          continue;
        }
        // An option that takes a name says so too, naming the option (`--id` takes an id alone).
        if (names.startsWith('--') && names !== '--id' && id.trim() !== '') {
          expect(r.stderr, shown).toBe(NOT_A_NAME.replace('what you gave is', `what you gave for ${names} is`));
          continue;
        }
        // The command's own record left empty is asked for as when it is left out.
        if (id === '' && OWN_RECORD.test(names) && template.indexOf('X') === 2 && template[0] !== 'contact') {
          expect(r.stderr, shown).toBe(`error: the name is missing: civsam ${template[0]} ${template[1]} NAME (or the id).\n`);
          continue;
        }
        expect(r.stderr, shown).toBe(`error: ${names} is not ${names.startsWith('--') ? 'a valid id' : 'valid'}. An id has 1 to 63 characters: lowercase letters a-z, digits and dashes, and begins with a letter or a digit. It is the record's file name without .yaml; civsam ${listedBy(template, names)} list shows them.\n`);
      }
      expect(snapshot()).toEqual(before);
      expect(commits()).toBe(head);
    });
  }

  test('in Danish, the same refusal', async () => {
    const r = await civsamInProcess(['--lang', 'da', '--data', data, 'org', 'remove', '../../victim']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('fejl: det, du angav, er hverken en posts navn eller dens id (det ligner en sti til en fil, eller det indeholder styretegn eller usynlige tegn). Find posten med civsam find og en del af navnet.\n');
  });

  test('a malformed pool in --funding is refused as a malformed --funding', async () => {
    const before = snapshot();
    const r = await civsamInProcess(['--data', data, 'agreement', 'edit', '2026-psyk-001', '--funding', '../puljen:2026:operation:100']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error: --funding must be POOL:YEAR:KIND:AMOUNT, e.g. civilsamfundspuljen:2027:operation:400000.\n');
    expect(snapshot()).toEqual(before);
  });

  test('a well-formed id still works (near miss): the check lets it through to the command', async () => {
    const r = await civsamInProcess(['--data', data, 'org', 'show', 'beta', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).id).toBe('beta');
    const missing = await civsamInProcess(['--data', data, 'org', 'show', 'victim']);
    expect(missing.stderr).toBe('error: there is no organisation with the id victim. See them with civsam org list, or search with civsam find and part of the name.\n');
  });
});

describe('the built binary', () => {
  test('offer remove ../organisations/beta removes nothing and commits nothing; org edit ../../victim rewrites nothing', async () => {
    const before = snapshot();
    const head = commits();
    const removed = await civsam(['--data', data, 'offer', 'remove', '../organisations/beta'], { env: GIT_ENV });
    expect(removed.code).toBe(2);
    expect(removed.stderr).toBe(NOT_A_NAME);
    const edited = await civsam(['--data', data, 'org', 'edit', '../../victim', '--name', 'Hacked'], { env: GIT_ENV });
    expect(edited.code).toBe(2);
    expect(edited.stderr).not.toContain('victim');
    expect(snapshot()).toEqual(before);
    expect(commits()).toBe(head);
  });
});

test('the command line checks ids by the schemas\' own id pattern', async () => {
  // Every record's id refers to the one shared definition, and the command line checks by it.
  const common = JSON.parse(readFileSync(join(ROOT, 'schemas', 'common.schema.json'), 'utf8')) as { $defs: { id: { pattern: string } } };
  expect(common.$defs.id.pattern).toBe(ID_PATTERN.source);
  for (const kind of RECORD_KINDS) {
    const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', `${kind}.schema.json`), 'utf8')) as { properties: { id: { $ref: string } } };
    expect(schema.properties.id.$ref, kind).toMatch(/common\.schema\.json#\/\$defs\/id$/);
  }
});

describe('the path layer refuses too', () => {
  test('recordRel makes a path only from a well-formed id', async () => {
    for (const id of ['../x', '../../victim', 'a/b', '/etc/passwd', '', 'a'.repeat(64), 'x\u001b', 'A']) {
      expect(() => recordRel('organisation', id), JSON.stringify(id)).toThrow(UserError);
    }
    expect(recordRel('organisation', 'beta')).toBe('organisations/beta.yaml');
    expect(recordRel('hearing-party', 'a'.repeat(63))).toBe(`hearing-parties/${'a'.repeat(63)}.yaml`);
  });
});

describe('no command can forget the check', () => {
  // Positional arguments that are not record ids; every other one must be an id placeholder.
  // `record`/`records` are KIND ID pairs (sync, history): the commands check each id with the same isValidId.
  // `text` is what `find` searches for: only ever compared, never a path.
  // `vocabulary` is one of three fixed names (vocab commands), never a path.
  const NOT_IDS = new Set(['dir', 'kind', 'file', 'overview', 'url', 'record', 'records', 'text', 'vocabulary', 'criterion']);
  const isId = (name: string) => name === 'id' || name === 'ids' || name.endsWith('-id') || name.endsWith('-ids');

  test('every positional argument of every command is an id placeholder or one of the known others', async () => {
    for (const spec of COMMANDS) {
      for (const p of placeholders(spec.args)) {
        expect(isId(p.name) || NOT_IDS.has(p.name), `${spec.parent ?? ''} ${spec.name} <${p.name}>`).toBe(true);
      }
    }
  });

  test('every register option that sets a reference takes an id placeholder', async () => {
    for (const spec of REGISTER_COMMANDS) {
      const kind = RECORD_KINDS.find((k) => COMMAND_OF[k] === spec.parent);
      if (!kind || (spec.name !== 'add' && spec.name !== 'edit')) continue;
      for (const field of FIELDS[kind]) {
        if (!REFERENCES[kind].some(([path]) => path === field.path || path === `${field.path}.*`)) continue;
        const option = spec.options!.find((o) => o.flags.startsWith(`--${field.flag} `))!;
        const p = placeholders(option.flags)[0];
        expect(isId(p.name), `${spec.parent} ${spec.name} ${option.flags}`).toBe(true);
      }
    }
  });
});

describe('for any id (property)', () => {
  test('a path is made only inside the kind\'s folder, or not at all', async () => {
    const base = '/data';
    fc.assert(fc.property(fc.oneof(fc.string({ maxLength: 70 }), fc.stringMatching(/^[a-z0-9./-]{0,70}$/)), fc.constantFrom(...RECORD_KINDS), (id, kind) => {
      let rel: string;
      try {
        rel = recordRel(kind, id);
      } catch (e) {
        expect(e).toBeInstanceOf(UserError);
        return;
      }
      const path = posix.resolve(base, rel);
      expect(posix.dirname(path)).toBe(posix.join(base, rel.split('/')[0]));
      expect(posix.basename(path)).toBe(`${id}.yaml`);
    }), { seed: 20261205, numRuns: 1000 });
  });
});
