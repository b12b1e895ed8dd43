// The commands of the open site's work: a point of a consultation response and its disposition
// (the høringsnotat's content). Spread into the command table by cli/commands.ts.
import type { CommandSpec } from './command-spec.js';
import { enumAt } from '../domain/shapes.js';

export function openSiteCommands(): CommandSpec[] {
  return [
    {
      parent: 'consultation',
      name: 'note',
      args: '<id>',
      description: 'cmd.consultation.note.description',
      options: [
        { flags: '--party <id>', description: 'opt.note.party', names: { target: 'hearing-party' } },
        { flags: '--point <text>', description: 'opt.note.point' },
        { flags: '--index <n>', description: 'opt.note.index' },
        { flags: '--disposition <value>', description: 'opt.note.disposition', choices: [...enumAt('consultation', 'responses.points.disposition') ?? []], names: { values: enumAt('consultation', 'responses.points.disposition') ?? [], field: 'disposition' } },
        { flags: '--reason <text>', description: 'opt.note.reason' },
        { flags: '--dry-run', description: 'opt.register.dryRun' },
        { flags: '--no-commit', description: 'opt.register.noCommit' },
      ],
      examples: [
        'civsam consultation note 2026-model-civilsamfund --party lyspunktet --point "Ønsker længere frist for små foreninger"',
        'civsam consultation note 2026-model-civilsamfund --party lyspunktet --index 1 --disposition partly --reason "Fristen er forlænget til fem uger"',
      ],
      load: () => import('../commands/consultation-note.js'),
    },
  ];
}
