// `civsam find`'s entry in the command table (spread into commands.ts).
import { formatOption, type CommandSpec } from './command-spec.js';

export const FIND_COMMANDS: CommandSpec[] = [
  {
    name: 'find',
    args: '<text>',
    description: 'cmd.find.description',
    options: [
      { flags: '--kind <kind>', description: 'opt.find.kind', repeatable: true },
      formatOption('opt.find.format', ['table', 'json', 'csv', 'md']),
      { flags: '--output <file>', description: 'opt.find.output' },
    ],
    examples: ['civsam find angst', 'civsam find "natcafé aarhus"', 'civsam find depression --kind tilbud --kind patientgruppe', 'civsam find lyspunkt --format json'],
    load: () => import('../commands/find.js'),
  },
];
