// Checks every published site must pass, shared by the in-process tests and the browser test:
// no contact value of the data anywhere, and no link that leads nowhere or outside the allowed set.
import { posix } from 'node:path';
import type { DataFolder } from '../../src/domain/folder.js';
import { escapeHtml } from '../../src/site/html.js';

/** Every contact person's name, e-mail and phone in the folder (and each phone's digits alone), plus staff notes. */
export function personalValues(folder: DataFolder): string[] {
  const values = new Set<string>();
  for (const o of folder.records.organisation.values()) {
    const c = o.contact;
    for (const v of [c?.name, c?.email, c?.phone]) if (v && v.trim().length >= 3) values.add(v.trim());
    const digits = c?.phone?.replace(/\D/g, '');
    if (digits && digits.length >= 6) values.add(digits);
    if (digits && digits.length === 10 && digits.startsWith('45')) values.add(digits.slice(2)); // without the country code
    if (o.notes) values.add(o.notes.trim());
  }
  for (const a of folder.records.agreement.values()) if (a.notes) values.add(a.notes.trim());
  // Assessors' names and notes, and the declarations that name them: never on a public page.
  for (const app of folder.records.application.values()) {
    for (const x of app.assessments ?? []) {
      values.add(x.assessor.trim());
      if (x.note) values.add(x.note.trim());
    }
    if (app.notes) values.add(app.notes.trim());
  }
  for (const c of folder.records.call.values()) for (const d of c.declarations ?? []) values.add(d.assessor.trim());
  return [...values];
}

/** Each (file, value) where a personal value appears, as written or escaped, in any case. */
export function personalDataHits(files: ReadonlyMap<string, string>, values: readonly string[]): string[] {
  const hits: string[] = [];
  const needles = values.map((v) => [v, v.toLowerCase(), escapeHtml(v).toLowerCase()] as const);
  for (const [path, content] of files) {
    const text = content.toLowerCase();
    const digits = content.replace(/(\d)[\s-]+(?=\d)/g, '$1');
    for (const [v, lower, escaped] of needles) {
      if (text.includes(lower) || text.includes(escaped) || (/^\d+$/.test(v) && digits.includes(v))) hits.push(`${path}: ${v.length} characters`);
    }
  }
  return hits;
}

export interface LinkProblem {
  page: string;
  link: string;
  problem: 'missing-file' | 'missing-anchor' | 'external-not-allowed';
}

const ATTR = /\s(href|src)="([^"]*)"/g;
const ID = /\sid="([^"]*)"/g;

function unescape(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/**
 * Every href and src of every HTML file: a relative link must name a file of the site (its query
 * ignored) and, with a fragment, an element with that id; an absolute one must be an allowed address.
 */
export function checkLinks(files: ReadonlyMap<string, string>, allowedExternal: ReadonlySet<string>): { problems: LinkProblem[]; links: number; external: string[] } {
  const ids = new Map<string, Set<string>>();
  for (const [path, content] of files) {
    if (!path.endsWith('.html')) continue;
    ids.set(path, new Set([...content.matchAll(ID)].map((m) => unescape(m[1]))));
  }
  const problems: LinkProblem[] = [];
  const external = new Set<string>();
  let links = 0;
  for (const [page, content] of files) {
    if (!page.endsWith('.html')) continue;
    for (const m of content.matchAll(ATTR)) {
      const link = unescape(m[2]);
      links++;
      if (/^[a-z][a-z0-9+.-]*:/i.test(link) || link.startsWith('//')) {
        external.add(link);
        if (!allowedExternal.has(link)) problems.push({ page, link, problem: 'external-not-allowed' });
        continue;
      }
      const [beforeHash, fragment] = link.split('#', 2);
      const pathPart = beforeHash.split('?')[0];
      const target = pathPart === '' ? page : posix.normalize(posix.join(posix.dirname(page), pathPart));
      if (!files.has(target)) {
        problems.push({ page, link, problem: 'missing-file' });
        continue;
      }
      if (fragment && !ids.get(target)?.has(decodeURIComponent(fragment))) problems.push({ page, link, problem: 'missing-anchor' });
    }
  }
  return { problems, links, external: [...external].sort() };
}

/** The external addresses a site may link to: the organisations' own websites and the region's. */
export function allowedExternal(folder: DataFolder): Set<string> {
  const out = new Set<string>();
  const add = (u: string | undefined) => {
    if (!u) return;
    try {
      out.add(new URL(u).href);
    } catch {
      // not a URL: never linked
    }
  };
  add(folder.settings?.region.website);
  for (const o of folder.records.organisation.values()) add(o.website);
  // The region's, a pool's and a call's published contact (a unit's functional address) and application link.
  const contact = (c: { email?: string; phone?: string } | undefined) => {
    if (c?.email) out.add(`mailto:${c.email}`);
    if (c?.phone) out.add(`tel:${c.phone.replace(/ /g, '')}`);
  };
  contact(folder.settings?.region.contact);
  for (const r of [...folder.records.pool.values(), ...folder.records.call.values()]) {
    contact(r.contact);
    add(r.apply_url);
  }
  return out;
}
