// Every command civsam has: its name, options, help and examples, and how to load its code.
// A command's module is imported only when it runs, so start-up costs what --help costs.
import { PUBLISH_LANGUAGES, type MessageKey, type MessageParams } from '../i18n/index.js';
import { REGISTER_COMMANDS } from './register-commands.js';
import { FIND_COMMANDS } from './find-command.js';
import { VOCAB_COMMANDS } from './vocab-commands.js';
import { openSiteCommands } from './open-site-commands.js';
import { APPLICATION_COMMANDS } from './application-commands.js';
import { AREAS } from '../domain/shapes.js';

export type { CommandSpec, OptionSpec } from './command-spec.js';
import { formatOption, formatOptions, optionsNamed, OVERWRITE_OPTION, type CommandSpec, type OptionSpec } from './command-spec.js';

/** How the hearing commands write their report: a format, and a file instead of the terminal. */
const HEARING_OUTPUT: OptionSpec[] = [
  ...formatOptions('hearing', ['table', 'json', 'csv', 'md']),
];

/** A consultation command that takes the consultation's id: its own options, then the output ones. */
function consultationCommand(name: string, options: OptionSpec[], examples: string[], load: CommandSpec['load']): CommandSpec {
  return { parent: 'consultation', name, args: '<id>', description: `cmd.consultation.${name}.description` as MessageKey, options: [...options, ...HEARING_OUTPUT], examples, load };
}

/** The options every overview takes: the date, the format and the output file. */
function overviewCommon(): OptionSpec[] {
  return [
    { flags: '--as-of <date>', description: 'opt.overview.asOf' },
    ...formatOptions('overview', ['table', 'json', 'csv', 'md']),
  ];
}

function overviewCommands(): CommandSpec[] {
  return [
    {
      parent: 'overview',
      readsValidRecords: true,
      replays: true,
      name: 'offers',
      description: 'cmd.overview.offers.description',
      options: [
        { flags: '--area <area>', description: 'opt.overview.area', params: { areas: { or: AREAS } }, repeatable: true, names: { values: AREAS } },
        { flags: '--patient-group <group>', description: 'opt.overview.patientGroup', repeatable: true, names: { target: 'patient-groups' } },
        { flags: '--municipality <municipality>', description: 'opt.overview.municipality', repeatable: true, names: { target: 'municipalities' } },
        { flags: '--organisation <organisation>', description: 'opt.overview.organisation', repeatable: true, names: { target: 'organisation' } },
        { flags: '--type <type>', description: 'opt.overview.type', repeatable: true, names: { target: 'offer-types' } },
        ...overviewCommon(),
      ],
      examples: [
        'civsam overview offers',
        'civsam overview offers --area psychiatry',
        'civsam overview offers --patient-group psykisk-sygdom --municipality Randers',
        'civsam overview offers --as-of 2026-11-23 --format csv --output tilbud.csv',
      ],
      load: () => import('../commands/overview-offers.js'),
    },
    {
      parent: 'overview',
      readsValidRecords: true,
      replays: true,
      name: 'coverage',
      description: 'cmd.overview.coverage.description',
      options: [
        { flags: '--area <area>', description: 'opt.overview.area', params: { areas: { or: AREAS } }, repeatable: true, names: { values: AREAS } },
        { flags: '--patient-group <group>', description: 'opt.overview.patientGroup', repeatable: true, names: { target: 'patient-groups' } },
        ...overviewCommon(),
      ],
      examples: [
        'civsam overview coverage',
        'civsam overview coverage --area social',
        'civsam overview coverage --patient-group psykisk-sygdom --format md --output daekning.md',
      ],
      load: () => import('../commands/overview-coverage.js'),
    },
    {
      parent: 'overview',
      readsValidRecords: true,
      replays: true,
      name: 'funding',
      description: 'cmd.overview.funding.description',
      options: [
        { flags: '--year <year>', description: 'opt.overview.year', repeatable: true },
        { flags: '--pool <pool>', description: 'opt.overview.pool', repeatable: true, names: { target: 'pool' } },
        { flags: '--area <area>', description: 'opt.overview.area', params: { areas: { or: AREAS } }, repeatable: true, names: { values: AREAS } },
        { flags: '--by <what>', description: 'opt.overview.by', choices: ['pool', 'organisation'], names: { values: ['pool', 'organisation'], field: 'by' } },
        { flags: '--despite-errors', description: 'opt.overview.despiteErrors' },
        ...overviewCommon(),
      ],
      examples: [
        'civsam overview funding',
        'civsam overview funding --year 2026 --area psychiatry',
        'civsam overview funding --by organisation --format csv --output midler.csv',
      ],
      load: () => import('../commands/overview-funding.js'),
    },
    {
      parent: 'overview',
      readsValidRecords: true,
      replays: true,
      name: 'expiring',
      description: 'cmd.overview.expiring.description',
      options: [
        { flags: '--within <days>', description: 'opt.overview.within' },
        { flags: '--area <area>', description: 'opt.overview.area', params: { areas: { or: AREAS } }, repeatable: true, names: { values: AREAS } },
        { flags: '--organisation <organisation>', description: 'opt.overview.agreementOrganisation', repeatable: true },
        ...overviewCommon(),
      ],
      examples: [
        'civsam overview expiring',
        'civsam overview expiring --within 180 --area health',
        'civsam overview expiring --as-of 2026-11-23 --format json',
      ],
      load: () => import('../commands/overview-expiring.js'),
    },
  ];
}

export const COMMANDS: CommandSpec[] = [
  {
    name: 'validate',
    aliases: ['check'],
    description: 'cmd.validate.description',
    options: [
      formatOption('opt.formatValidate', ['text', 'json']),
    ],
    examples: ['civsam validate', 'civsam check --data ./data --format json', 'civsam --lang da validate'],
    load: () => import('../commands/validate.js'),
  },
  {
    name: 'import',
    args: '<kind> <file>',
    description: 'cmd.import.description',
    options: [
      ...optionsNamed('import', '--sheet <name>', '--map <file>', '--update', '--dry-run', '--skip-invalid', '--rejected <file>', '--force'),
      { flags: '--no-commit', description: 'opt.noCommit' },
    ],
    examples: [
      'civsam import organisations foreninger.csv --dry-run',
      'civsam import organisations foreninger.xlsx --sheet Psykiatri',
      'civsam import offers tilbud.csv --map kolonner.yaml --skip-invalid',
      'civsam import organisations organisationer.csv --update',
    ],
    load: () => import('../commands/import.js'),
  },
  {
    name: 'export',
    args: '<kind> [overview]',
    // `export organisations ekstra ord` is told which words are too many after what (sheet-kind.ts).
    answersExtraWords: true,
    description: 'cmd.export.description',
    options: [
      ...formatOptions('export', ['csv', 'xlsx', 'json']),
      OVERWRITE_OPTION,
      { flags: '--include-personal-data', description: 'opt.export.personal' },
      { flags: '--as-of <date>', description: 'opt.export.asOf' },
      { flags: '--area <area>', description: 'opt.overview.area', params: { areas: { or: AREAS } }, repeatable: true, names: { values: AREAS } },
      { flags: '--patient-group <group>', description: 'opt.overview.patientGroup', repeatable: true, names: { target: 'patient-groups' } },
      { flags: '--municipality <municipality>', description: 'opt.overview.municipality', repeatable: true, names: { target: 'municipalities' } },
      { flags: '--organisation <organisation>', description: 'opt.overview.organisation', repeatable: true, names: { target: 'organisation' } },
      { flags: '--type <type>', description: 'opt.overview.type', repeatable: true, names: { target: 'offer-types' } },
      { flags: '--pool <pool>', description: 'opt.overview.pool', repeatable: true, names: { target: 'pool' } },
      { flags: '--year <year>', description: 'opt.overview.year', repeatable: true },
      { flags: '--by <what>', description: 'opt.overview.by', choices: ['pool', 'organisation'], names: { values: ['pool', 'organisation'], field: 'by' } },
      { flags: '--within <days>', description: 'opt.overview.within' },
    ],
    examples: [
      'civsam export organisations --output organisationer.xlsx',
      'civsam export 360giving --output bevillinger.json',
      'civsam --lang da export offers --format csv > tilbud.csv',
      'civsam export organisations --include-personal-data --output kontakter.xlsx',
      'civsam export overview funding --year 2026 --output finansiering.xlsx',
      'civsam --lang da export overview offers --area psychiatry --output tilbud-psykiatri.xlsx',
    ],
    load: () => import('../commands/export.js'),
  },
  {
    name: 'audit',
    description: 'cmd.audit.description',
    replays: true,
    options: [
      { flags: '--rule <rule>', description: 'opt.audit.rule', repeatable: true, whole: true },
      { flags: '--area <area>', description: 'opt.audit.area', choices: [...AREAS], names: { values: AREAS } },
      { flags: '--as-of <date>', description: 'opt.audit.asOf' },
      { flags: '--fail-on <severity>', description: 'opt.audit.failOn', choices: ['error', 'warning', 'never'], names: { values: ['error', 'warning', 'never'] } },
      { flags: '--explain <rule>', description: 'opt.audit.explain' },
      ...formatOptions('audit', ['table', 'json', 'md', 'csv']),
    ],
    examples: [
      'civsam audit',
      'civsam audit --as-of 2026-11-23 --area psychiatry',
      'civsam audit --rule unilateral-agreement --rule restricted-call --format json',
      'civsam audit --fail-on warning --output audit.md',
      'civsam audit --explain funding-concentration',
    ],
    load: () => import('../commands/audit.js'),
  },
  {
    name: 'model',
    description: 'cmd.model.description',
    options: [
      ...formatOptions('audit', ['table', 'json', 'md']),
    ],
    examples: ['civsam model', 'civsam --lang en model --format md --output model.md', 'civsam model --format json'],
    load: () => import('../commands/model.js'),
  },
  // Hearing parties: plan, audit, hearing list, report, history.
  {
    parent: 'consultation',
    name: 'plan',
    args: '[id]',
    description: 'cmd.consultation.plan.description',
    options: [
      { flags: '--area <area>', description: 'opt.hearing.area', repeatable: true, names: { values: AREAS } },
      { flags: '--patient-group <id>', description: 'opt.hearing.patientGroup', repeatable: true, names: { target: 'patient-groups' } },
      ...optionsNamed('hearing', '--seats <n>', '--opens <date>', '--as-of <date>', '--apply'),
      { flags: '--dry-run', description: 'opt.register.dryRun' },
      { flags: '--no-commit', description: 'opt.register.noCommit' },
      ...HEARING_OUTPUT,
    ],
    examples: [
      'civsam consultation plan 2026-workshop-parorendeinddragelse',
      'civsam consultation plan 2026-workshop-parorendeinddragelse --apply',
      'civsam consultation plan --area psychiatry --patient-group bipolar --seats 3 --opens 2027-02-01',
      'civsam consultation plan 2026-model-civilsamfund --format json',
    ],
    load: () => import('../commands/consultation-plan.js'),
  },
  consultationCommand('audit', [
    { flags: '--as-of <date>', description: 'opt.hearing.asOf' },
    { flags: '--fail-on <severity>', description: 'opt.hearing.failOn', choices: ['error', 'warning', 'never'], names: { values: ['error', 'warning', 'never'] } },
  ], [
    'civsam consultation audit 2026-workshop-parorendeinddragelse',
    'civsam consultation audit 2026-model-civilsamfund --fail-on warning',
    'civsam consultation audit 2026-frivillige-paa-hospitalerne --format md --output audit.md',
  ], () => import('../commands/consultation-audit.js')),
  consultationCommand('list-parties', [
    { flags: '--include-contacts', description: 'opt.hearing.includeContacts' },
  ], [
    'civsam consultation list-parties 2026-model-civilsamfund',
    'civsam consultation list-parties 2026-model-civilsamfund --include-contacts --output hoeringsliste.md',
  ], () => import('../commands/consultation-list-parties.js')),
  {
    parent: 'consultation', name: 'report', args: '<id>', description: 'cmd.consultation.report.description',
    // md and html give the høringsnotat (reports/hearing-note.ts); the others the hearing report's tables.
    options: [
      { flags: '--as-of <date>', description: 'opt.hearing.asOf' },
      formatOption('opt.hearingNote.format', ['table', 'json', 'csv', 'md', 'html']),
      { flags: '--output <file>', description: 'opt.hearing.output' },
    ],
    examples: [
      'civsam consultation report 2025-psykiatriplan-civilsamfund',
      'civsam consultation report 2025-psykiatriplan-civilsamfund --format md --output hoeringsnotat.md',
      'civsam consultation report 2025-psykiatriplan-civilsamfund --format html --output hoeringsnotat.html',
    ],
    load: () => import('../commands/consultation-report.js'),
  },
  {
    parent: 'hearing-party',
    name: 'history',
    args: '<id>',
    description: 'cmd.hearing-party.history.description',
    options: HEARING_OUTPUT,
    examples: ['civsam hearing-party history bipolarkredsen-vest', 'civsam hearing-party history lyspunktet --format json'],
    load: () => import('../commands/hearing-party-history.js'),
  },
  ...overviewCommands(),
  ...openSiteCommands(),
  {
    name: 'publish',
    description: 'cmd.publish.description',
    acceptsLangBoth: true,
    options: [
      { flags: '--output <dir>', description: 'opt.publishOut' },
      { flags: '--out <dir>', description: 'opt.outEarlierName' },
      { flags: '--as-of <date>', description: 'opt.publishAsOf' },
      { flags: '--lang <lang>', description: 'opt.publishLang', choices: [...PUBLISH_LANGUAGES], names: { values: PUBLISH_LANGUAGES } },
      { flags: '--require-clean', description: 'opt.publishRequireClean' },
      { flags: '--overwrite', description: 'opt.publishOverwrite' },
    ],
    examples: [
      'civsam publish --output site',
      'civsam publish --output site --lang both --as-of 2026-11-23',
      'civsam publish --data ./data --output /srv/www/civilsamfund --lang da',
    ],
    load: () => import('../commands/publish.js'),
  },
  // Working as a team: sync with the shared remote.
  {
    name: 'sync',
    args: '[records...]',
    description: 'cmd.sync.description',
    options: [
      ...optionsNamed('sync', '--status', '--mine', '--theirs', '--continue'),
    ],
    examples: ['civsam sync', 'civsam sync --status', 'civsam sync --mine', 'civsam sync --theirs org lyspunktet', 'civsam sync --continue'],
    stopsSaying: 'sync.interrupted',
    load: () => import('../commands/sync.js'),
  },
  {
    name: 'clone',
    args: '<url> [dir]',
    description: 'cmd.clone.description',
    examples: ['civsam clone https://gitlab.rm.dk/civilsamfund/register.git', 'civsam clone //fileserver/civilsamfund/register.git region-data'],
    load: () => import('../commands/clone.js'),
  },
  {
    name: 'history',
    args: '[record...]',
    description: 'cmd.history.description',
    options: [
      ...optionsNamed('history', '--since <date>', '--author <name>'),
      { flags: '--include-personal-data', description: 'opt.history.personal' },
      ...formatOptions('history', ['table', 'json', 'md']),
    ],
    examples: ['civsam history "Foreningen Lyspunktet"', 'civsam history org lyspunktet', 'civsam history agreement 2024-psyk-001 --format md --output historik.md', 'civsam history --since 2026-01-01 --author "Anna Jensen"', 'civsam history --since 2026-11-01 --format json'],
    load: () => import('../commands/history.js'),
  },
  {
    parent: 'hooks',
    name: 'install',
    description: 'cmd.hooks.install.description',
    examples: ['civsam hooks install', 'civsam hooks install --data ./region-data'],
    load: () => import('../commands/hooks.js').then((m) => ({ run: m.install })),
  },
  {
    parent: 'hooks',
    name: 'check',
    description: 'cmd.hooks.check.description',
    examples: ['civsam hooks check'],
    load: () => import('../commands/hooks.js').then((m) => ({ run: m.check })),
  },
  // Register: init, doctor, contact erase, and add/edit/show/list/remove plus state changes per kind.
  ...REGISTER_COMMANDS,
  ...FIND_COMMANDS,
  ...VOCAB_COMMANDS,
  ...APPLICATION_COMMANDS,
];
