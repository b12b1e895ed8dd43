// The contacts civsam publishes: the region's (civsam.yaml `region.contact`, on every page of the
// site) and a pool's or a call's own. They are meant to be a unit's functional address, not a
// person's; one that does not look functional (domain/functional-address.ts, the rule the hearing
// list uses) is a warning, so personal data does not reach the public site unnoticed. The region's
// CVR number passes the same modulus-11 check as an organisation's.
import { isValidCvr } from '../domain/cvr.js';
import { isFunctionalAddress } from '../domain/functional-address.js';
import type { CivsamSettings } from '../domain/kinds.js';
import type { RuleContext } from './record-rules.js';

export function checkPublicContacts(ctx: RuleContext, settings: { rel: string; data: CivsamSettings } | undefined, { settings: own = true }: { settings?: boolean } = {}): void {
  const words = settings?.data.policy?.functional_address_words ?? [];
  const check = (rel: string, path: (string | number)[], email: string | undefined) => {
    if (email !== undefined && !isFunctionalAddress(email, words)) {
      ctx.report(rel, path, 'value', 'contact-personal', 'warning', { key: 'problem.publicContactPersonal', params: { field: path.join('.') } });
    }
  };
  // `settings: false`: the settings' own contact and CVR number are not checked (they are known not to have changed).
  if (settings && own) {
    check(settings.rel, ['region', 'contact', 'email'], settings.data.region.contact?.email);
    const cvr = settings.data.region.cvr;
    if (cvr !== undefined && !isValidCvr(cvr)) ctx.report(settings.rel, ['region', 'cvr'], 'value', 'cvr-checksum', 'error', { key: 'problem.cvrChecksum' });
  }
  for (const { rel, record } of ctx.records.pool) check(rel, ['contact', 'email'], record.contact?.email);
  for (const { rel, record } of ctx.records.call) check(rel, ['contact', 'email'], record.contact?.email);
}
