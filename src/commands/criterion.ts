// `civsam pool criterion` and `civsam call criterion`: what one of a pool's or a call's criteria is
// for (development projects, running costs or both) and its weight, on the criterion named by its
// text or the start of it, as --score names it. Without it, marking a criterion for running costs
// (which the audit asks of a pool that funds them) meant editing the file by hand.
import type { CommandContext } from '../context/context.js';
import { UserError } from '../domain/errors.js';
import type { CriteriaList } from '../domain/applications.js';
import { changeRecord } from '../register/apply-change.js';
import { namedCriterion } from './application.js';

/** A criterion's kinds as its schema types them (the values were resolved against the schema's list on the command line). */
type FundingKinds = NonNullable<Extract<CriteriaList[number], object>['kinds']>;

type Opts = { dryRun?: boolean; commit?: boolean; for?: string[]; weight?: string };

export function criterion(kind: 'pool' | 'call') {
  return async (ctx: CommandContext, opts: Opts, args: unknown[]): Promise<number> => {
    const id = String(args[0]);
    const word = String(args[1] ?? '');
    const kinds = opts.for ? [...new Set(opts.for)] : undefined;
    const weight = opts.weight === undefined ? undefined : weightOf(opts.weight);
    if (!kinds && weight === undefined) throw new UserError('criterion.nothingToSet');
    return changeRecord(ctx, opts, kind, id, (r, s) => {
      const before = Array.isArray(r.criteria) ? (r.criteria as CriteriaList) : [];
      // A criterion written as a plain text (as the sample's are) is found by its text too where
      // all are plain texts, and marking one gives every one its id (as giving the criteria again
      // with --criteria would). A plain text beside criteria with ids is not scored: refused.
      const found = namedCriterion(ctx, { id: String(r.id), criteria: before }, word, '<criterion>', s.folder.settings?.language ?? ctx.lang, kind);
      const criteria: CriteriaList = [...(found.criteria ?? before)];
      const at = criteria.findIndex((c) => typeof c === 'object' && c !== null && c.id === found.id);
      const item = criteria[at] as Extract<CriteriaList[number], object>;
      criteria[at] = { ...item, ...(kinds ? { kinds: kinds as FundingKinds } : {}), ...(weight !== undefined ? { weight } : {}) };
      return { ...r, criteria };
    });
  };
}

/** A weight as people write it (`2`, `1,5`, `1.5`); the schema's limits are the record check's. */
function weightOf(raw: string): number {
  const t = raw.trim().replace(',', '.');
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(t)) throw new UserError('register.badFlagValue', { flag: '--weight', expected: { key: 'criterion.expectedWeight' } });
  return Number(t);
}
