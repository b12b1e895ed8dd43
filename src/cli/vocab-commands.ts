// The vocabulary commands for the command line: `civsam vocab list|add|rename|retire`. Only this
// table is loaded at start-up; the commands' code is imported when one runs.
import { formatOption, type CommandSpec, type OptionSpec } from './command-spec.js';
import { AREAS } from '../domain/shapes.js';

const WRITE: OptionSpec[] = [
  { flags: '--dry-run', description: 'opt.register.dryRun' },
  { flags: '--no-commit', description: 'opt.register.noCommit' },
];

const NAMES: OptionSpec[] = [
  { flags: '--name-da <text>', description: 'opt.vocab.nameDa' },
  { flags: '--name-en <text>', description: 'opt.vocab.nameEn' },
  { flags: '--name <text>', description: 'opt.vocab.name' },
];

const load = () => import('../commands/vocab.js');

export const VOCAB_COMMANDS: CommandSpec[] = [
  {
    parent: 'vocab', name: 'list', args: '[vocabulary]', description: 'cmd.vocab.list.description',
    options: [
      formatOption('opt.vocab.format', ['table', 'json', 'csv', 'md']),
      { flags: '--output <file>', description: 'opt.vocab.output' },
    ],
    examples: ['civsam vocab list', 'civsam vocab list patientgrupper', 'civsam vocab list municipalities --format csv --output kommuner.csv'],
    load: () => load().then((m) => ({ run: m.list })),
  },
  {
    parent: 'vocab', name: 'add', args: '<vocabulary>', description: 'cmd.vocab.add.description',
    options: [
      { flags: '--id <id>', description: 'opt.vocab.id' },
      ...NAMES,
      { flags: '--areas <values>', description: 'opt.vocab.areas', params: { values: { list: AREAS } }, repeatable: true, names: { values: AREAS } },
      { flags: '--parent <id>', description: 'opt.vocab.parent', names: { target: 'patient-groups' } },
      ...WRITE,
    ],
    examples: [
      'civsam vocab add patient-groups --name-da "Angst og OCD" --name-en "Anxiety and OCD" --parent psykisk-sygdom',
      'civsam vocab add offer-types --id walk-and-talk --name-da "Gå-og-snak" --name-en "Walk and talk"',
      'civsam vocab add kommuner --name Vejle --dry-run',
    ],
    load: () => load().then((m) => ({ run: m.add })),
  },
  {
    parent: 'vocab', name: 'rename', args: '<vocabulary> <id>', description: 'cmd.vocab.rename.description',
    options: [...NAMES, ...WRITE],
    examples: ['civsam vocab rename patient-groups angst --name-da "Angstlidelser" --name-en "Anxiety disorders"', 'civsam vocab rename tilbudstyper helpline --name-da "Telefonlinje"'],
    load: () => load().then((m) => ({ run: m.rename })),
  },
  {
    parent: 'vocab', name: 'retire', args: '<vocabulary> <id>', description: 'cmd.vocab.retire.description',
    options: [{ flags: '--date <date>', description: 'opt.vocab.date' }, ...WRITE],
    examples: ['civsam vocab retire patient-groups selvmordstruede', 'civsam vocab retire offer-types course --date 2026-06-30'],
    load: () => load().then((m) => ({ run: m.retire })),
  },
];
