// Said under a list drawn on a terminal too narrow for all its columns: which were left out, and
// how to see them.
import { defineMessages } from '../define.js';

export const narrowTables = defineMessages({
  'output.columnsLeftOut': 'These columns were left out so the table fits the width of the window: {columns}. A wider window shows them, as does --format md.',
}, {
  'output.columnsLeftOut': 'Disse kolonner er udeladt, så tabellen passer til vinduets bredde: {columns}. De vises i et bredere vindue eller med --format md.',
});
