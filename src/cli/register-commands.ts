// The register's commands for the command line: `civsam init`, `civsam doctor`,
// `civsam contact erase` and, for every record kind, add/edit/show/list/remove plus its state
// changes. Only this table is loaded at start-up; each command's code is imported when it runs.
import { formatOptions, type CommandSpec, type Names, type OptionSpec } from './command-spec.js';
import { RECORD_KINDS, REFERENCES, type RecordKind } from '../domain/kinds.js';
import { AREAS, enumAt, FUNDING_KINDS } from '../domain/shapes.js';
import type { MessageKey } from '../i18n/index.js';
import { COMMAND_OF } from '../domain/kinds.js';
import { FIELDS, flagSyntax, type FieldSpec } from '../register/fields.js';

/** The areas as help texts list them. */
const AREA_PARAMS = { areas: { list: AREAS } };

const WRITE: OptionSpec[] = [
  { flags: '--dry-run', description: 'opt.register.dryRun' },
  { flags: '--no-commit', description: 'opt.register.noCommit' },
];
const FORMAT: OptionSpec[] = [
  ...formatOptions('register', ['table', 'json', 'csv', 'md']),
];

/**
 * A field's flag. A field that refers to another record or a vocabulary entry takes `<id>` or
 * `<ids>`, which makes the command line refuse anything but well-formed ids there (cli/arguments.ts);
 * a list of fixed values takes `<values>`, so the schema names the values allowed.
 */
function fieldFlag(kind: RecordKind, s: FieldSpec): string {
  const reference = REFERENCES[kind].some(([path]) => path === s.path || path === `${s.path}.*`);
  if (reference) return `--${s.flag} ${s.type === 'list' ? '<ids>' : '<id>'}`;
  if (s.type === 'list' && s.choices) return `--${s.flag} <values>`;
  return flagSyntax(s);
}

/** What a field's flag names: the record kind or vocabulary it refers to, or its fixed values. */
function fieldNames(kind: RecordKind, s: FieldSpec): Names | undefined {
  const reference = REFERENCES[kind].find(([path]) => path === s.path || path === `${s.path}.*`);
  if (reference) return { target: reference[1] };
  // A scope names no municipality (`--scope kommunal`): the refusal says those go in --municipalities.
  if (s.choices) return { values: s.choices, ...(s.path === 'scope' ? { refusal: 'names.badScope' as const } : {}) };
  if (s.type === 'funding') return { funding: { kinds: enumAt(kind, 'funding.kind') ?? [] } };
  return undefined;
}

function fieldOptions(kind: RecordKind): OptionSpec[] {
  return FIELDS[kind].map((s) => {
    const names = fieldNames(kind, s);
    return {
      flags: fieldFlag(kind, s),
      description: s.description,
      // A list's values from its schema, for help texts that name them (`field.areas`).
      ...(s.type === 'list' && s.choices ? { params: { values: { list: s.choices } } } : {}),
      ...(s.type === 'choice' && s.choices ? { choices: [...s.choices] } : {}),
      ...(names ? { names } : {}),
      ...(s.type === 'list' || s.type === 'years' || s.type === 'funding' || s.type === 'budgets' ? { repeatable: true } : {}),
      ...(s.web || s.type === 'date' || s.type === 'int' ? { oneWord: true } : {}),
    };
  });
}

const FILTERS: Record<RecordKind, OptionSpec[]> = (() => {
  const area: OptionSpec = { flags: '--area <area>', description: 'opt.register.filterArea', params: AREA_PARAMS, repeatable: true, names: { values: AREAS } };
  const group: OptionSpec = { flags: '--patient-group <id>', description: 'opt.register.filterPatientGroup', repeatable: true, names: { target: 'patient-groups' } };
  const muni: OptionSpec = { flags: '--municipality <id>', description: 'opt.register.filterMunicipality', repeatable: true, names: { target: 'municipalities' } };
  const org: OptionSpec = { flags: '--organisation <id>', description: 'opt.register.filterOrganisation', repeatable: true, names: { target: 'organisation' } };
  const status = (choices: readonly string[]): OptionSpec => ({ flags: '--status <status>', description: 'opt.register.filterStatus', choices: [...choices], names: { values: choices } });
  // A kind's --status filter takes the values its schema allows; an offer's status is worked out from its dates.
  const statusOf = (kind: RecordKind): OptionSpec => status(enumAt(kind, 'status') ?? []);
  const pool: OptionSpec = { flags: '--pool <id>', description: 'opt.register.filterPool', repeatable: true, names: { target: 'pool' } };
  return {
    organisation: [area, group, muni, statusOf('organisation'), { flags: '--kind <kind>', description: 'opt.register.filterOrgKind', repeatable: true, names: { values: enumAt('organisation', 'kind') ?? [] } }],
    offer: [area, group, muni, org, status(['planned', 'active', 'organisation-inactive', 'ended']), { flags: '--type <id>', description: 'opt.register.filterType', repeatable: true, names: { target: 'offer-types' } }],
    agreement: [area, group, muni, org, statusOf('agreement'), pool],
    pool: [area],
    call: [area, group, muni, org, statusOf('call'), pool, { flags: '--channel <channel>', description: 'opt.register.filterChannel', choices: [...enumAt('call', 'channel') ?? []], names: { values: enumAt('call', 'channel') ?? [] } }],
    'hearing-party': [area, group, org, statusOf('hearing-party')],
    consultation: [area, group, org, statusOf('consultation')],
    application: [org, { flags: '--call <id>', description: 'opt.application.filterCall', repeatable: true, names: { target: 'call' } }, { flags: '--kind <kind>', description: 'opt.application.filterKind', choices: [...enumAt('application', 'kind') ?? []], names: { values: enumAt('application', 'kind') ?? [] } }],
  };
})();

/** A sample id per kind, from the bundled data, for the help's examples. */
const SAMPLE: Record<RecordKind, string> = {
  organisation: 'lyspunktet', offer: 'natcafe-aarhus', agreement: '2024-psyk-001', pool: 'civilsamfundspuljen',
  call: '2025-civilsamfundspuljen', 'hearing-party': 'lyspunktet', consultation: '2026-model-civilsamfund',
  application: '2025-civilsamfundspuljen-lyspunktet',
};

const ADD_EXAMPLES: Record<RecordKind, string[]> = {
  organisation: [
    'civsam org add --name "Angstforeningen Skive" --kind patient-association --areas psychiatry --patient-groups angst --municipalities skive,viborg',
    'civsam org add --from-file ny-forening.yaml --dry-run',
  ],
  offer: ['civsam offer add --organisation lyspunktet --title "Samtalegruppe for pårørende" --type peer-group --patient-groups depression --municipalities randers --active-from 2026-09-01'],
  agreement: ['civsam agreement add --title "Peer-støtte i Viborg" --organisations recoverynetvaerket-midt --areas psychiatry --patient-groups depression --municipalities viborg --start 2027-01-01 --funding psykiatriplan-civilsamfund:2027:operation:400000 --established-by-call 2027-civilsamfundspuljen'],
  pool: ['civsam pool add --name "Kulturpuljen" --areas health --eligible-kinds development --budgets 2027:500000 --criteria "Nye målgrupper" "Samarbejde på tværs"'],
  call: ['civsam call add --title "Civilsamfundspuljen 2028" --pool civilsamfundspuljen --areas psychiatry,social --scope regional --published 2027-09-01 --deadline 2027-10-15 --channel public'],
  'hearing-party': ['civsam hearing-party add --organisation lyspunktet', 'cat part.yaml | civsam hearing-party add --from-file -'],
  consultation: ['civsam consultation add --title "Høring om ny psykiatriplan" --areas psychiatry --opens 2027-03-01 --deadline 2027-04-01'],
  application: ['civsam application add --call 2027-civilsamfundspuljen --organisation lyspunktet --amount 250000 --kind operation --received 2026-10-01 --years 2027,2028 --title "Samtalegrupper i Randers"'],
};

const EDIT_EXAMPLES: Record<RecordKind, string> = {
  organisation: 'civsam org edit lyspunktet --website https://lyspunktet.example.dk --patient-groups depression,angst',
  offer: 'civsam offer edit natcafe-aarhus --active-until 2027-06-30',
  agreement: 'civsam agreement edit 2024-psyk-001 --evaluation-due 2027-06-01 --unset notes',
  pool: 'civsam pool edit civilsamfundspuljen --criteria "Langsigtede indsatser" "Lige adgang"',
  call: 'civsam call edit 2027-civilsamfundspuljen --deadline 2027-11-01',
  'hearing-party': 'civsam hearing-party edit lyspunktet --patient-groups depression,angst,bipolar',
  consultation: 'civsam consultation edit 2026-model-civilsamfund --deadline 2026-12-15 --deadline-reason "Udvalgsmøde"',
  application: 'civsam application edit 2025-civilsamfundspuljen-lyspunktet --amount 300000',
};

const LIST_EXAMPLES: Record<RecordKind, string> = {
  organisation: 'civsam org list --area psychiatry --municipality randers',
  offer: 'civsam offer list --patient-group psykisk-sygdom --status active --format csv --output tilbud.csv',
  agreement: 'civsam agreement list --organisation recoverynetvaerket-midt --status active',
  pool: 'civsam pool list --format json',
  call: 'civsam call list --status open',
  'hearing-party': 'civsam hearing-party list --area social --status active',
  consultation: 'civsam consultation list --status planned --format md',
  application: 'civsam application list --call 2025-civilsamfundspuljen',
};

function kindCommands(kind: RecordKind): CommandSpec[] {
  const parent = COMMAND_OF[kind];
  const sample = SAMPLE[kind];
  const write = () => import('../commands/record-write.js');
  return [
    {
      parent, name: 'add', description: `cmd.register.add.description` as MessageKey,
      options: [{ flags: '--id <id>', description: 'opt.register.id' }, ...fieldOptions(kind), { flags: '--from-file <file>', description: 'opt.register.fromFile' }, ...WRITE],
      examples: ADD_EXAMPLES[kind],
      load: () => write().then((m) => ({ run: m.add(kind) })),
    },
    {
      parent, name: 'edit', args: '<id>', description: 'cmd.register.edit.description',
      options: [...fieldOptions(kind), { flags: '--unset <field...>', description: 'opt.register.unset' }, { flags: '--from-file <file>', description: 'opt.register.fromFileEdit' }, ...WRITE],
      examples: [EDIT_EXAMPLES[kind], `civsam ${parent} edit ${sample} --from-file ${sample}.yaml --dry-run`],
      load: () => write().then((m) => ({ run: m.edit(kind) })),
    },
    {
      parent, name: 'show', args: '<id>', description: 'cmd.register.show.description', options: FORMAT,
      readsValidRecords: true,
      examples: [`civsam ${parent} show ${sample}`, `civsam ${parent} show ${sample} --format json`],
      load: () => import('../commands/record-show.js').then((m) => ({ run: m.show(kind) })),
    },
    {
      parent, name: 'list', description: 'cmd.register.list.description', options: [...FILTERS[kind], ...FORMAT],
      readsValidRecords: true,
      examples: [LIST_EXAMPLES[kind], `civsam --lang da ${parent} list`],
      load: () => import('../commands/record-list.js').then((m) => ({ run: m.listRecords(kind) })),
    },
    {
      parent, name: 'remove', args: '<id>', description: kind === 'organisation' ? 'cmd.register.removeOrg.description' : 'cmd.register.remove.description', options: WRITE,
      examples: [`civsam ${parent} remove ${sample} --dry-run`],
      load: () => write().then((m) => ({ run: m.remove(kind) })),
    },
    {
      // A removed record is named as the history knows it: found by the command itself, not before it runs.
      parent, name: 'restore', args: '<record...>', description: 'cmd.register.restore.description',
      options: [{ flags: '--to <version>', description: 'opt.restore.to' }, { flags: '--as-of <date>', description: 'opt.restore.asOf' }, ...WRITE],
      examples: [`civsam ${parent} restore ${sample} --dry-run`, `civsam ${parent} restore ${sample}`, `civsam ${parent} restore ${sample} --to 2`, `civsam ${parent} restore ${sample} --as-of 2026-06-30`],
      load: () => import('../commands/record-restore.js').then((m) => ({ run: m.restore(kind) })),
    },
  ];
}

const DATE_OPT = (d: MessageKey): OptionSpec => ({ flags: '--date <date>', description: d });

const STATE_CHANGES: CommandSpec[] = [
  { parent: 'org', name: 'deactivate', args: '<id>', description: 'cmd.org.deactivate.description', options: [DATE_OPT('opt.register.inactiveDate'), ...WRITE], examples: ['civsam org deactivate lyspunktet', 'civsam org deactivate lyspunktet --date 2026-06-30'], load: () => import('../commands/org.js').then((m) => ({ run: m.deactivate })) },
  { parent: 'org', name: 'activate', args: '<id>', description: 'cmd.org.activate.description', options: WRITE, examples: ['civsam org activate lyspunktet'], load: () => import('../commands/org.js').then((m) => ({ run: m.activate })) },
  { parent: 'offer', name: 'end', args: '<id>', description: 'cmd.offer.end.description', options: [DATE_OPT('opt.register.offerEndDate'), ...WRITE], examples: ['civsam offer end natcafe-aarhus --date 2026-12-31'], load: () => import('../commands/offer.js').then((m) => ({ run: m.end })) },
  { parent: 'agreement', name: 'end', args: '<id>', description: 'cmd.agreement.end.description', options: [DATE_OPT('opt.register.agreementEndDate'), ...WRITE], examples: ['civsam agreement end 2024-psyk-001', 'civsam agreement end 2024-psyk-001 --date 2026-06-30'], load: () => import('../commands/agreement.js').then((m) => ({ run: m.end })) },
  { parent: 'agreement', name: 'cancel', args: '<id>', description: 'cmd.agreement.cancel.description', options: WRITE, examples: ['civsam agreement cancel 2027-psyk-028'], load: () => import('../commands/agreement.js').then((m) => ({ run: m.cancel })) },
  {
    parent: 'agreement', name: 'evaluate', args: '<id>', description: 'cmd.agreement.evaluate.description',
    options: [{ flags: '--summary <text>', description: 'opt.register.summary' }, DATE_OPT('opt.register.evaluationDate'), { flags: '--next-due <date>', description: 'opt.register.nextDue' }, { flags: '--next-in-months <n>', description: 'opt.register.nextInMonths' }, ...WRITE],
    examples: ['civsam agreement evaluate 2024-psyk-001 --summary "Målene er nået; fortsætter uændret"', 'civsam agreement evaluate 2024-psyk-001 --summary "Midtvejsevaluering" --date 2026-11-01 --next-in-months 6'],
    load: () => import('../commands/agreement.js').then((m) => ({ run: m.evaluate })),
  },
  { parent: 'pool', name: 'budget', args: '<id>', description: 'cmd.pool.budget.description', options: [{ flags: '--year <year>', description: 'opt.register.budgetYear' }, { flags: '--amount <dkk>', description: 'opt.register.budgetAmount' }, ...WRITE], examples: ['civsam pool budget civilsamfundspuljen --year 2028 --amount 2500000'], load: () => import('../commands/pool.js').then((m) => ({ run: m.budget })) },
  ...(['pool', 'call'] as const).map((owner): CommandSpec => ({
    parent: owner, name: 'criterion', args: '<id> <criterion>', description: `cmd.criterion.${owner}.description`,
    options: [
      { flags: '--for <kinds>', description: 'opt.criterion.for', params: { values: { list: FUNDING_KINDS } }, repeatable: true, names: { values: FUNDING_KINDS } },
      { flags: '--weight <n>', description: 'opt.criterion.weight' },
      ...WRITE,
    ],
    examples: [owner === 'pool' ? 'civsam pool criterion civilsamfundspuljen "Langsigtet drift" --for operation' : 'civsam call criterion 2026-civilsamfundspuljen "Rækkevidde" --for development,operation --weight 2'],
    load: () => import('../commands/criterion.js').then((m) => ({ run: m.criterion(owner) })),
  })),
  {
    parent: 'call', name: 'close', args: '<id>', description: 'cmd.call.close.description',
    options: [{ flags: '--applicants <ids>', description: 'opt.register.applicants', repeatable: true, names: { target: 'organisation' } }, { flags: '--selected <ids>', description: 'opt.register.selected', repeatable: true, names: { target: 'organisation' } }, ...WRITE],
    examples: ['civsam call close 2025-civilsamfundspuljen --applicants lyspunktet,nyt-hoved --selected lyspunktet'],
    load: () => import('../commands/call.js').then((m) => ({ run: m.close })),
  },
  { parent: 'hearing-party', name: 'withdraw', args: '<id>', description: 'cmd.hearing-party.withdraw.description', options: [DATE_OPT('opt.register.withdrawnDate'), ...WRITE], examples: ['civsam hearing-party withdraw lyspunktet', 'civsam hearing-party withdraw lyspunktet --date 2026-09-15'], load: () => import('../commands/hearing-party.js').then((m) => ({ run: m.withdraw })) },
  { parent: 'consultation', name: 'invite', args: '<id> <party-ids...>', description: 'cmd.consultation.invite.description', options: WRITE, examples: ['civsam consultation invite 2026-model-civilsamfund lyspunktet nyt-hoved'], load: () => import('../commands/consultation.js').then((m) => ({ run: m.invite })) },
  { parent: 'consultation', name: 'omit', args: '<id> <party-ids...>', description: 'cmd.consultation.omit.description', options: [{ flags: '--reason <text>', description: 'opt.register.omitReason' }, ...WRITE], examples: ['civsam consultation omit 2026-model-civilsamfund sukkerkredsen --reason "Deltager i den nationale høring"'], load: () => import('../commands/consultation.js').then((m) => ({ run: m.omit })) },
  { parent: 'consultation', name: 'respond', args: '<id> [party-ids...]', description: 'cmd.consultation.respond.description', options: [{ flags: '--party <id>', description: 'opt.respond.party', names: { target: 'hearing-party' } }, DATE_OPT('opt.register.responseDate'), { flags: '--point <text...>', description: 'opt.respond.point' }, ...WRITE], examples: ['civsam consultation respond 2026-model-civilsamfund lyspunktet --date 2026-10-02', 'civsam consultation respond 2026-model-civilsamfund --party lyspunktet --date 2026-10-02 --point "Ønsker længere frist" "Savner pårørende i målgruppen"'], load: () => import('../commands/consultation.js').then((m) => ({ run: m.respond })) },
  { parent: 'consultation', name: 'open', args: '<id>', description: 'cmd.consultation.open.description', options: [{ flags: '--now', description: 'opt.consultation.now' }, { flags: '--despite-findings', description: 'opt.consultation.despiteFindings' }, { flags: '--reason <text>', description: 'opt.consultation.openReason' }, ...WRITE], examples: ['civsam consultation open 2026-model-civilsamfund', 'civsam consultation open 2026-model-civilsamfund --now'], load: () => import('../commands/consultation.js').then((m) => ({ run: m.open })) },
  { parent: 'consultation', name: 'close', args: '<id>', description: 'cmd.consultation.close.description', options: [{ flags: '--early', description: 'opt.consultation.early' }, { flags: '--reason <text>', description: 'opt.consultation.closeReason' }, ...WRITE], examples: ['civsam consultation close 2026-model-civilsamfund', 'civsam consultation close 2026-model-civilsamfund --early --reason "Alle parter har svaret"'], load: () => import('../commands/consultation.js').then((m) => ({ run: m.close })) },
];

export const REGISTER_COMMANDS: CommandSpec[] = [
  {
    name: 'init', args: '[dir]', description: 'cmd.init.description',
    options: [{ flags: '--sample', description: 'opt.init.sample' }, { flags: '--no-commit', description: 'opt.register.noCommit' }, { flags: '--no-history', description: 'opt.init.noHistory' }, { flags: '--remote <url>', description: 'opt.init.remote', oneWord: true }],
    examples: ['civsam init ./region-data', 'civsam init ./proeve --sample', 'civsam --lang en init ./data', 'civsam init ./region-data --remote https://gitlab.rm.dk/civilsamfund/register.git'],
    // A new folder, not a change to one: a stop before init begins is told that no folder was made.
    stopsSaying: 'init.stoppedBeforeStart',
    load: () => import('../commands/init.js'),
  },
  {
    name: 'doctor', description: 'cmd.doctor.description', options: [{ flags: '--dry-run', description: 'opt.doctor.dryRun' }, { flags: '--record', description: 'opt.doctor.record' }],
    examples: ['civsam doctor', 'civsam doctor --data ./region-data --dry-run', 'civsam doctor --record'],
    load: () => import('../commands/doctor.js'),
  },
  {
    parent: 'contact', name: 'erase', args: '<organisation-id>', description: 'cmd.contact.erase.description',
    options: [{ flags: '--field <fields>', description: 'opt.contact.field', repeatable: true }, ...WRITE],
    examples: ['civsam contact erase lyspunktet', 'civsam contact erase lyspunktet --field phone,email'],
    load: () => import('../commands/contact-erase.js'),
  },
  ...RECORD_KINDS.flatMap(kindCommands),
  ...STATE_CHANGES,
];
