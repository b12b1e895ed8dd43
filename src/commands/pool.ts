// `civsam pool budget`: sets one year's budget of a pool (adds the year or changes it).
import type { CommandContext } from '../context/context.js';
import { amountOption, yearOption } from '../domain/whole-numbers.js';
import { changeRecord } from '../register/apply-change.js';
import { optionWording } from '../register/flag-words.js';

type Opts = { dryRun?: boolean; commit?: boolean; year?: string; amount?: string };

export async function budget(ctx: CommandContext, opts: Opts, args: unknown[]): Promise<number> {
  const year = yearOption(String(opts.year ?? ''), '--year');
  const amount = amountOption(String(opts.amount ?? ''), '--amount');
  return changeRecord(ctx, opts, 'pool', String(args[0]), (r) => {
    const budgets = Array.isArray(r.budgets) ? (r.budgets as Array<{ year: number; amount_dkk: number }>).map((b) => ({ ...b })) : [];
    const existing = budgets.find((b) => b.year === year);
    if (existing) existing.amount_dkk = amount;
    else {
      budgets.push({ year, amount_dkk: amount });
      budgets.sort((a, b) => a.year - b.year);
    }
    return { ...r, budgets };
  }, optionWording({ 'budgets.year': '--year', 'budgets.amount_dkk': '--amount' }));
}
