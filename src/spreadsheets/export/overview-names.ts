// The words the four overviews go by, in English and Danish: after `export overview` (or
// `overblik`), and after `civsam overview` (or `oversigt`) as the overview's own command. A table of
// its own, with nothing loaded beside it: the command line reads it on every run.
import type { OverviewName } from './overviews.js';

/** The words an overview goes by after `export overview` (or `overblik`) and after `civsam overview`. */
export const OVERVIEW_NAMES: Readonly<Record<string, OverviewName>> = {
  offers: 'offers', tilbud: 'offers', coverage: 'coverage', 'dækning': 'coverage', funding: 'funding', finansiering: 'funding', midler: 'funding', expiring: 'expiring', 'udløber': 'expiring', aftaler: 'expiring',
};
export const OVERVIEW_WORDS: readonly string[] = ['overview', 'overblik'];
