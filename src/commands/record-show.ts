// `civsam <kind> show ID`: one record, field by field, with everything that refers to it; for an
// organisation also its funding and the consultations it was invited to through the hearing list.
import type { CommandContext } from '../context/context.js';
import { loadFolder } from '../context/load.js';
import { emit } from '../context/output.js';
import type { DataFolder } from '../domain/folder.js';
import { allocationShares } from '../domain/allocation.js';
import type { RecordKind } from '../domain/kinds.js';
import { EXIT, UserError } from '../domain/errors.js';
import { formatAmount } from '../i18n/format.js';
import type { Cell, Table } from '../output/table.js';
import { referenceIndex, referrersOf, type Referrer } from '../register/refs.js';

type Opts = { format?: string; output?: string };

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The record as rows of field and value; nested objects as `a.b`, lists of objects one row per item. */
export function fieldRows(record: Record<string, unknown>, ctx: CommandContext, prefix = ''): Cell[][] {
  const rows: Cell[][] = [];
  const scalar = (k: string, v: unknown) => (k === 'amount_dkk' && typeof v === 'number' ? formatAmount(v, ctx.lang) : String(v));
  // A value inside a list item: nested lists (an assessment's scores) and objects (a criterion's text) in brackets.
  const inline = (k: string, v: unknown): string => Array.isArray(v) ? v.map((x) => inline(k, x)).join(', ')
    : isObject(v) ? `(${Object.entries(v).map(([ik, iv]) => `${ik}: ${inline(ik, iv)}`).join(', ')})` : scalar(k, v);
  for (const [k, v] of Object.entries(record)) {
    const name = prefix + k;
    if (Array.isArray(v)) {
      if (v.every((x) => !isObject(x))) rows.push([name, v.map(String).join(', ')]);
      else v.forEach((item, i) => rows.push([`${name}[${i + 1}]`, isObject(item) ? Object.entries(item).map(([ik, iv]) => `${ik}: ${inline(ik, iv)}`).join(' · ') : String(item)]));
    } else if (isObject(v)) {
      rows.push(...fieldRows(v, ctx, `${name}.`));
    } else {
      rows.push([name, scalar(k, v)]);
    }
  }
  return rows;
}

interface FundingLine { agreement: string; pool: string; year: number; kind: string; amount: number }

/** An organisation's part of every counted funding line (core/allocation.ts splits them, as overviews and audit do). */
function fundingOf(folder: DataFolder, orgId: string): FundingLine[] {
  return allocationShares(folder).filter((s) => s.organisation === orgId)
    .map(({ agreement, pool, year, kind, amount }) => ({ agreement, pool, year, kind, amount: Math.round(amount) }))
    .sort((x, y) => x.year - y.year || x.pool.localeCompare(y.pool) || x.agreement.localeCompare(y.agreement));
}

export function show(kind: RecordKind) {
  return async (ctx: CommandContext, opts: Opts, args: unknown[]): Promise<number> => {
    const id = String(args[0]);
    const { folder, problems } = loadFolder(ctx);
    const record = folder.records[kind].get(id) as unknown as Record<string, unknown> | undefined;
    if (!record) {
      const errors = problems.some((p) => p.severity === 'error' && p.file === folder.fileOf(kind, id));
      throw new UserError(errors ? 'register.notValid' : 'register.notFound', { kind: { key: `kind.${kind}` }, id });
    }
    const index = referenceIndex(folder);
    const referrers = referrersOf(index, kind, id);
    // Consultations reach an organisation through its hearing-list entries.
    const via: Array<Referrer & { via: string }> = [];
    if (kind === 'organisation') {
      for (const hp of referrers.filter((r) => r.kind === 'hearing-party')) {
        for (const c of referrersOf(index, 'hearing-party', hp.id)) via.push({ ...c, via: hp.id });
      }
    }
    const funding = kind === 'organisation' ? fundingOf(folder, id) : [];
    const file = folder.fileOf(kind, id) ?? '';

    const tables: Table[] = [{ columns: [{ header: ctx.t('show.field') }, { header: ctx.t('show.value') }], rows: fieldRows(record, ctx) }];
    const refRows: Cell[][] = [
      ...referrers.map((r) => [ctx.t(`kind.${r.kind}`), r.id, r.field]),
      ...via.map((r) => [ctx.t(`kind.${r.kind}`), r.id, ctx.t('show.viaHearingParty', { field: r.field, party: r.via })]),
    ];
    tables.push({ title: ctx.t('show.referredBy'), columns: [{ header: ctx.t('show.kind') }, { header: ctx.t('show.id') }, { header: ctx.t('show.inField') }], rows: refRows, notes: refRows.length === 0 ? [ctx.t('show.nothingRefers')] : undefined });
    if (kind === 'organisation') {
      tables.push({
        title: ctx.t('show.funding'),
        columns: [{ header: ctx.t('show.year'), align: 'right' }, { header: ctx.t('show.pool') }, { header: ctx.t('show.agreement') }, { header: ctx.t('show.fundingKind') }, { header: ctx.t('show.amount'), align: 'right' }],
        rows: funding.map((f) => [String(f.year), f.pool, f.agreement, f.kind, formatAmount(f.amount, ctx.lang)]),
        notes: funding.length === 0 ? [ctx.t('show.noFunding')] : [ctx.t('show.fundingNote')],
      });
    }
    emit(ctx, opts, {
      heading: `${ctx.t(`kind.${kind}`)} ${id} (${file})`,
      tables,
      json: {
        kind, id, file, record,
        referredBy: referrers.map((r) => ({ kind: r.kind, id: r.id, field: r.field })),
        ...(kind === 'organisation' ? {
          consultations: via.map((r) => ({ id: r.id, field: r.field, hearingParty: r.via })),
          funding: funding.map((f) => ({ agreement: f.agreement, pool: f.pool, year: f.year, kind: f.kind, amount_dkk: f.amount })),
        } : {}),
      },
    });
    return EXIT.ok;
  };
}
