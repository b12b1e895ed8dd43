// The commands of applications to calls beyond add/edit/show/list/remove: assessment, decision,
// declarations of impartiality, grantee reports, and a call's ranking, scoring sheets and letters.
// Only this table is loaded at start-up; each command's code is imported when it runs.
import { formatOption, optionsNamed, OVERWRITE_OPTION, type CommandSpec, type OptionSpec } from './command-spec.js';
import { enumAt } from '../domain/shapes.js';

const WRITE: OptionSpec[] = [
  { flags: '--dry-run', description: 'opt.register.dryRun' },
  { flags: '--no-commit', description: 'opt.register.noCommit' },
];
const choices = (kind: Parameters<typeof enumAt>[0], path: string): string[] => [...(enumAt(kind, path) ?? [])];

export const APPLICATION_COMMANDS: CommandSpec[] = [
  {
    parent: 'application', name: 'assess', args: '<id>', description: 'cmd.application.assess.description',
    options: [
      ...optionsNamed('application', '--assessor <text>'),
      { flags: '--score <criterion=n>', description: 'opt.application.score', repeatable: true, whole: true },
      ...optionsNamed('application', '--note <text>'),
      { flags: '--date <date>', description: 'opt.application.assessDate' },
      { flags: '--remove', description: 'opt.application.remove' },
      ...WRITE,
    ],
    examples: ['civsam application assess 2025-civilsamfundspuljen-lyspunktet --assessor "Fagkonsulent 1" --score reach=4 --score need=3 --note "Stærk forankring lokalt"', 'civsam application assess 2025-civilsamfundspuljen-lyspunktet --assessor "Fagkonsulent 2" --remove'],
    load: () => import('../commands/application.js').then((m) => ({ run: m.assess })),
  },
  {
    parent: 'application', name: 'decide', args: '<id>', description: 'cmd.application.decide.description',
    options: [
      { flags: '--decision <decision>', description: 'opt.application.decision', choices: choices('application', 'decision.outcome'), names: { values: choices('application', 'decision.outcome'), field: 'outcome' } },
      { flags: '--date <date>', description: 'opt.application.decideDate' },
      ...optionsNamed('application', '--amount <dkk>', '--reason <text>'),
      // Several after one flag, as `call add --criteria` takes them (each quoted), or repeated.
      { flags: '--criteria <criteria...>', description: 'opt.application.criteria', repeatable: true, whole: true },
      { flags: '--formal <ground>', description: 'opt.application.formal', choices: choices('application', 'decision.formal'), names: { values: choices('application', 'decision.formal'), field: 'formal' } },
      ...optionsNamed('application', '--case <text>'),
      ...WRITE,
    ],
    examples: [
      'civsam application decide 2025-civilsamfundspuljen-lyspunktet --decision granted --date 2025-12-01 --amount 250000 --case 1-30-72-45-25',
      'civsam application decide 2025-civilsamfundspuljen-nyt-hoved --decision refused --date 2025-12-01 --reason "Lavere rækkevidde end de bevilgede" --criteria reach need',
      'civsam application decide 2025-civilsamfundspuljen-lyspunktet --case 1-30-72-45-25',
      'civsam application decide 2025-civilsamfundspuljen-nyt-hoved --decision refused --formal ineligible --reason "Foreningen er ikke hjemmehørende i regionen"',
      'civsam application decide 2025-civilsamfundspuljen-lungeklubben-herning --amount 340000',
    ],
    load: () => import('../commands/application.js').then((m) => ({ run: m.decide })),
  },
  {
    parent: 'call', name: 'declare', args: '<id>', description: 'cmd.call.declare.description',
    options: [
      ...optionsNamed('application', '--assessor <text>'),
      { flags: '--date <date>', description: 'opt.call.declareDate' },
      { flags: '--ties <ids>', description: 'opt.call.ties', repeatable: true, names: { target: 'organisation' } },
      { flags: '--tie <relation>', description: 'opt.call.tie', choices: choices('call', 'declarations.ties.relation'), names: { values: choices('call', 'declarations.ties.relation') } },
      { flags: '--none', description: 'opt.call.none' },
      ...WRITE,
    ],
    examples: ['civsam call declare 2025-civilsamfundspuljen --assessor "Fagkonsulent 1" --date 2025-10-20 --none', 'civsam call declare 2025-civilsamfundspuljen --assessor "Fagkonsulent 2" --date 2025-10-20 --ties lyspunktet --tie board'],
    load: () => import('../commands/call-declare.js').then((m) => ({ run: m.declare })),
  },
  {
    parent: 'agreement', name: 'report', args: '<id>', description: 'cmd.agreement.report.description',
    options: [
      ...optionsNamed('agreement', '--due <date>'),
      { flags: '--kind <kind>', description: 'opt.agreement.reportKind', choices: choices('agreement', 'reports.kind'), names: { values: choices('agreement', 'reports.kind') } },
      ...optionsNamed('agreement', '--received <date>'),
      ...WRITE,
    ],
    examples: ['civsam agreement report 2025-psyk-007 --due 2026-03-01 --kind final', 'civsam agreement report 2025-psyk-007 --due 2026-03-01 --received 2026-02-27'],
    load: () => import('../commands/agreement-report.js').then((m) => ({ run: m.report })),
  },
  {
    parent: 'call', name: 'ranking', args: '<id>', description: 'cmd.call.ranking.description',
    options: [
      { flags: '--year <year>', description: 'opt.call.rankingYear' },
      formatOption('opt.call.rankingFormat', ['table', 'json', 'csv', 'md']),
      { flags: '--output <file>', description: 'opt.call.rankingOutput' },
    ],
    examples: ['civsam call ranking 2025-civilsamfundspuljen', 'civsam call ranking 2025-civilsamfundspuljen --output rangordning.xlsx'],
    load: () => import('../commands/call-ranking.js').then((m) => ({ run: m.ranking })),
  },
  {
    parent: 'call', name: 'scoring-sheet', args: '<id>', description: 'cmd.call.scoring-sheet.description',
    options: [{ flags: '--assessor <text>', description: 'opt.application.assessor' }, { flags: '--output <file>', description: 'opt.call.sheetOutput' }, OVERWRITE_OPTION],
    examples: ['civsam call scoring-sheet 2025-civilsamfundspuljen --assessor "Fagkonsulent 1" --output karakterer.xlsx'],
    load: () => import('../commands/call-scores.js').then((m) => ({ run: m.scoringSheet })),
  },
  {
    parent: 'call', name: 'import-scores', args: '<id> <file>', description: 'cmd.call.import-scores.description',
    options: [{ flags: '--assessor <text>', description: 'opt.call.importAssessor' }, { flags: '--date <date>', description: 'opt.call.importDate' }, ...WRITE],
    examples: ['civsam call import-scores 2025-civilsamfundspuljen karakterer.xlsx', 'civsam call import-scores 2025-civilsamfundspuljen karakterer.xlsx --dry-run'],
    load: () => import('../commands/call-scores.js').then((m) => ({ run: m.importScores })),
  },
  {
    parent: 'call', name: 'letters', args: '<id>', description: 'cmd.call.letters.description',
    options: [{ flags: '--output <dir>', description: 'opt.call.lettersOut' }, { flags: '--out <dir>', description: 'opt.outEarlierName' }, { flags: '--overwrite', description: 'opt.call.lettersOverwrite' }],
    examples: ['civsam call letters 2025-civilsamfundspuljen --output ../breve-2025'],
    load: () => import('../commands/call-letters.js').then((m) => ({ run: m.letters })),
  },
];
