// Said under a list drawn on a terminal too narrow for all its columns: which were left out, and
// how to see them.
import { defineMessages } from '../define.js';

export const narrowTables = defineMessages({
  'output.columnsLeftOut': '{count, plural, one {This column was} other {These columns were}} left out so the table fits the width of the window: {columns}. A wider window shows {count, plural, one {it} other {them}}, as does --format md.',
}, {
  'output.columnsLeftOut': '{count, plural, one {Denne kolonne er} other {Disse kolonner er}} udeladt, så tabellen passer til vinduets bredde: {columns}. {count, plural, one {Den vises} other {De vises}} i et bredere vindue eller med --format md.',
});
