// Where associations reach the region from the site: the region's functional contact (civsam.yaml
// `region.contact`, validated as a unit's address, never a person's), or a pool's or a call's own,
// which comes first where it is given. Shown in the footer of every page and where a page asks the
// reader to write: the model's "how to take part", each call, the consultations.
import type { Call, PublicContact } from '../domain/kinds.js';
import { html, publicUrl, type Html } from './html.js';
import { callContactOf } from '../domain/call-contact.js';

export { contactLine };
import { contactLine, type PageContext } from './page.js';

export function regionContact(ctx: PageContext): PublicContact | undefined {
  return ctx.facts.folder.settings?.region.contact;
}

/** The contact for a call: its own, else its pool's, else the region's (callContactOf, as the letters give it). */
export function callContact(ctx: PageContext, call: Call): PublicContact | undefined {
  return callContactOf(ctx.facts.folder, call);
}

/** Where to apply for a call: its own link, else its pool's. */
export function applyUrl(ctx: PageContext, call: Call): string | undefined {
  const pool = call.pool ? ctx.facts.folder.records.pool.get(call.pool) : undefined;
  return publicUrl(call.apply_url) ?? publicUrl(pool?.apply_url);
}

/** A section that asks the reader to write or call, with the region's contact. */
export function contactSection(ctx: PageContext, id: string, heading: string, lead: string): Html {
  const line = contactLine(ctx, regionContact(ctx));
  return html`<section aria-labelledby="${id}">
<h2 id="${id}">${heading}</h2>
<p>${lead}</p>
<p class="contact">${line ?? ctx.t('site.contact.none')}</p>
</section>
`;
}
