// `--from-history --as-of DATE`: the data folder as it was committed at the end of that day in
// the region's time zone (Europe/Copenhagen): the last commit on or before that moment, its tree
// read with `git cat-file --batch` into a private temporary folder. No checkout: the working
// tree is untouched. The temporary folder is removed when the process ends.
import { UserError } from '../domain/errors.js';
import { folderInRepository, gitRaw } from './git.js';
import { materialise } from './git-tree.js';

export const REGION_TIME_ZONE = 'Europe/Copenhagen';

/** The zone's offset from UTC, in minutes, at `instant`. */
function offsetMinutes(instant: Date, timeZone: string): number {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(instant).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return Math.round((asUtc - instant.getTime()) / 60_000);
}

/** The first instant after `date` (YYYY-MM-DD) ends in `timeZone`, in seconds since 1970. */
export function endOfDay(date: string, timeZone = REGION_TIME_ZONE): number {
  const [y, m, d] = date.split('-').map(Number);
  const midnightUtc = Date.UTC(y, m - 1, d + 1);
  // The offset at local midnight: try the offset an hour either side (a change of summer time).
  let guess = midnightUtc - offsetMinutes(new Date(midnightUtc), timeZone) * 60_000;
  guess = midnightUtc - offsetMinutes(new Date(guess), timeZone) * 60_000;
  return Math.floor(guess / 1000);
}

/** The last commit (by commit date) on or before the end of `date`, or undefined. */
export function commitAt(root: string, date: string): string | undefined {
  const r = gitRaw(['log', '-1', '--date-order', '--format=%H', `--before=@${endOfDay(date) - 1}`, 'HEAD'], root);
  const hash = r.ok ? r.stdout.toString('utf8').trim() : '';
  return hash || undefined;
}

const open: Array<() => void> = [];
let cleanupRegistered = false;

/** The data folder `dir` as committed at the end of `date`: a temporary copy to read from. */
export function folderAtDate(dir: string, shown: string, date: string): string {
  const found = folderInRepository(dir);
  if (!found) throw new UserError('asOfHistory.noRepository', { dir: shown });
  const { root, prefix } = found;
  const commit = commitAt(root, date);
  if (!commit) throw new UserError('asOfHistory.nothingYet', { date, dir: shown });
  const tree = materialise(root, commit, prefix);
  open.push(tree.dispose);
  if (!cleanupRegistered) {
    cleanupRegistered = true;
    process.on('exit', () => { for (const dispose of open) dispose(); });
  }
  return tree.dir;
}
