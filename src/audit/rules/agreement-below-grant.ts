// agreement-below-grant [warning]: an agreement that carries a grant (domain/allocation.ts: the
// agreement made from it counts the money instead of the decision) but has less from the call's
// pool than was granted, summed over the years. Only the agreement's lines count then, so the rest
// of the grant is counted nowhere: not against the pool's budget, not in the overviews. The years
// are the agreement's to set (a grant paid a year later is the same grant); only the sums are
// compared, and more than was granted is not this rule's. A warning, not an error: either record
// may be the right one (an agreement for less than was granted, a line forgotten), and a person
// must say which; the data is not invalid, and pool-overcommitted still judges what is counted.
// Several grants carried by one agreement are added up and compared with its lines from the pool;
// where which agreement was made from which grant is not known (no application names it, and the
// organisations have more than one grant or agreement in the call), the agreements' lines are
// added up and compared with the grants', and the finding asks for the pairing, never a guess.
// Each piece of advice is a command that does only what it says when typed as given: `--funding`
// replaces every line, so the lines the agreement has are written out with the missing one.
import { carriedGrants, type FundingKind } from '../../domain/allocation.js';
import { recordName } from '../../domain/record-name.js';
import { grantYears } from '../../domain/applications.js';
import type { DataFolder } from '../../domain/folder.js';
import type { Agreement, Application } from '../../domain/kinds.js';
import { andList, type Message, type MessageKey } from '../../i18n/index.js';
import type { AuditRule, Finding } from '../finding.js';
import { amount, bySubject, finding, fundingEditCommand, push, ref, titleList } from '../make.js';

export const rule: AuditRule = {
  id: 'agreement-below-grant',
  severity: 'warning',
  principle: 'published-criteria',
  title: 'audit.rule.agreement-below-grant.title',
  explanation: 'audit.rule.agreement-below-grant.explain',
  check({ folder }) {
    const byCarrier = new Map<string, Array<{ application: string; amount: number }>>();
    // The known carrier's grants apart from those whose pairing is not known (the agreements then carry them together).
    for (const g of carriedGrants(folder)) push(byCarrier, `${g.together ? 'together' : 'known'}\n${(g.together ?? [g.agreement]).join(',')}\n${g.pool}`, g);
    const out: Finding[] = [];
    for (const [at, grants] of byCarrier) {
      const [pairing, carriers, poolId] = at.split('\n');
      const agreementIds = carriers.split(',');
      const agreements = agreementIds.map((id) => folder.records.agreement.get(id)!);
      const carried = agreements.flatMap((a) => a.funding ?? []).filter((l) => l.pool === poolId).reduce((sum, l) => sum + l.amount_dkk, 0);
      const granted = grants.reduce((sum, g) => sum + g.amount, 0);
      if (carried >= granted) continue;
      const apps = grants.map((g) => folder.records.application.get(g.application)!);
      const organisations = [...new Set(apps.flatMap((a) => a.organisations))].map((o) => recordName(folder, 'organisation', o) ?? o);
      const common = {
        granted: amount(granted),
        carried: amount(carried),
        missing: amount(granted - carried),
        pool: recordName(folder, 'pool', poolId) ?? poolId,
        organisations: andList(organisations),
        count: apps.length,
        applications: andList(apps.map((a) => applicationName(folder, a.id))),
      };
      const related = [...agreementIds.slice(1).map((id) => ref('agreement', id)), ...apps.map((a) => ref('application', a.id)), ref('pool', poolId)];
      if (pairing === 'known') {
        out.push(finding(rule, ref('agreement', agreementIds[0]), related, 'audit.rule.agreement-below-grant.message', {
          ...common,
          command: fundingCommand(folder, agreements[0], poolId, apps, granted - carried),
          correct: correctDecision(apps, carried),
        }));
      } else {
        out.push(finding(rule, ref('agreement', agreementIds[0]), related, 'audit.rule.agreement-below-grant.unpaired', {
          ...common,
          agreementCount: agreementIds.length,
          agreements: titleList(folder, 'agreement', agreementIds),
          applicationIds: apps.map((a) => a.id).join(', '),
          agreementIds: agreementIds.join(', '),
        }));
      }
    }
    return out.sort(bySubject);
  },
};

/** An application as a sentence names it: its title in quotation marks, else its id. */
function applicationName(folder: DataFolder, id: string): Message | string {
  const title = recordName(folder, 'application', id);
  return title ? { key: 'audit.fmt.quoted', params: { text: title } } : id;
}

/**
 * `civsam agreement edit ID --funding …` with every line the agreement has and the missing amount:
 * added to the line of the grant's year and kind where the agreement has one, else as a new line.
 * The year is the one year of the grant the agreement has no line from the pool for, the kind the
 * applications' kind; where either is not one, its placeholder stands (which the option refuses
 * by name when typed as it is).
 */
function fundingCommand(folder: DataFolder, agreement: Agreement, poolId: string, apps: readonly Application[], missing: number): Message {
  const lines = (agreement.funding ?? []).map((l) => ({ pool: l.pool, year: l.year as number | undefined, kind: l.kind as FundingKind | undefined, amount: l.amount_dkk }));
  const had = new Set(lines.filter((l) => l.pool === poolId).map((l) => l.year));
  const years = [...new Set(apps.flatMap((a) => grantYears(folder, a)))];
  const open = years.filter((y) => !had.has(y));
  const year = open.length === 1 ? open[0] : open.length === 0 && years.length === 1 ? years[0] : undefined;
  const kinds = [...new Set(apps.map((a) => a.kind))];
  const kind = kinds.length === 1 ? kinds[0] : undefined;
  const same = year !== undefined && kind !== undefined ? lines.find((l) => l.pool === poolId && l.year === year && l.kind === kind) : undefined;
  if (same) same.amount += missing;
  else lines.push({ pool: poolId, year, kind, amount: missing });
  return fundingEditCommand(agreement.id, lines);
}

/**
 * The command that corrects the decision to what the agreement carries: a partial grant's amount
 * alone (its date, reason and criteria kept); a grant in full of less than was applied for is a
 * partial grant, a new decision with its reasons. With several grants, the one to correct is a
 * person's to say.
 */
function correctDecision(apps: readonly Application[], carried: number): Message {
  // A grant in full given a lower amount is refused (it would be a partial grant): those are named apart, with the partial form.
  if (apps.length > 1) {
    const full = apps.filter((a) => a.decision!.outcome === 'granted').map((a) => a.id);
    return full.length === 0
      ? { key: 'audit.rule.agreement-below-grant.correctAmountOf', params: { ids: apps.map((a) => a.id).join(', ') } }
      : { key: 'audit.rule.agreement-below-grant.correctAmountOfFull', params: { ids: apps.map((a) => a.id).join(', '), full: full.join(', ') } };
  }
  const app = apps[0];
  const d = app.decision!;
  if (d.outcome === 'partly') return { key: 'audit.rule.agreement-below-grant.correctAmount', params: { id: app.id, amount: String(carried) } };
  const criteria = d.criteria?.length ? d.criteria.join(',') : { key: 'application.criteriaWord' as MessageKey };
  return { key: 'application.redecidePartlyAmount', params: { id: app.id, day: d.date, amount: String(carried), criteria } };
}
