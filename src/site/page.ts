// What every page template gets (language, texts, relative links, names of things) and the page
// shell around each page: language attribute, skip link, header with navigation, main, footer.
import { AREAS, type Agreement, type Area, type PublicContact } from '../domain/kinds.js';
import { messageOr, valueLabel } from '../i18n/values.js';
import { translate, type Language, type MessageKey, type MessageParams } from '../i18n/index.js';
import { formatAmount, formatDate, formatNumber, formatShare } from '../i18n/format.js';
import { wholeKroner } from '../output/rounded-parts.js';
import type { SiteFacts } from './facts.js';
import { definitionList, html, publicUrl, type Html, type Interpolation } from './html.js';
import type { FileContent } from './stage-page.js';

/** The site's pages in the order of the navigation; the paths are the same in every language. */
export const SECTIONS = [
  { id: 'front', path: 'index.html', nav: 'publish.nav.front' },
  { id: 'model', path: 'model.html', nav: 'publish.nav.model' },
  { id: 'calls', path: 'calls.html', nav: 'publish.nav.calls' },
  { id: 'offers', path: 'offers.html', nav: 'publish.nav.offers' },
  { id: 'coverage', path: 'coverage.html', nav: 'publish.nav.coverage' },
  { id: 'funding', path: 'funding.html', nav: 'publish.nav.funding' },
  { id: 'agreements', path: 'agreements.html', nav: 'publish.nav.agreements' },
  { id: 'consultations', path: 'consultations.html', nav: 'publish.nav.consultations' },
  { id: 'organisations', path: 'organisations.html', nav: 'publish.nav.organisations' },
] as const satisfies readonly { id: string; path: string; nav: MessageKey }[];
export type SectionId = (typeof SECTIONS)[number]['id'];

export const STYLESHEET = 'assets/site.css';
export const SCRIPT = 'assets/filter.js';

export function organisationPath(id: string): string {
  return `organisations/${id}.html`;
}

export interface SiteLanguage {
  lang: Language;
  /** Where this language's pages live in the site: '' or 'en/'. */
  base: string;
}

export interface PageContext {
  facts: SiteFacts;
  lang: Language;
  base: string;
  /** The other languages published alongside, for the language switch. */
  others: SiteLanguage[];
  /** The page's own path within its language (`offers.html`, `organisations/x.html`). */
  path: string;
  t(key: MessageKey, params?: MessageParams): string;
  /** A relative link from this page to another page of the same language. */
  href(target: string): string;
  /** A relative link from this page to a file at the site's root (stylesheet, script). */
  asset(target: string): string;
  amount(n: number): string;
  share(s: number): string;
  date(iso: string): string;
  number(n: number): string;
  areaName(a: Area): string;
  groupName(id: string): string;
  typeName(id: string): string;
  municipalityName(id: string): string;
  organisationName(id: string): string;
  /** The collator for sorting names as the language does (æ, ø, å last in Danish). */
  collator: Intl.Collator;
  /** Links that read the same on every page of this language and depth, made once however often a record is mentioned. */
  links: SharedLinks;
  /** A record's areas, groups and municipalities, and an agreement's period, in words: the same on every page of this language, so put into words once. */
  lists: SharedLists;
}

/** By the record's own list (the same array however often the record is shown): its text in one language. */
export interface SharedLists {
  areas: WeakMap<readonly Area[], string>;
  groups: WeakMap<readonly string[], string>;
  municipalities: WeakMap<readonly string[], string>;
  /** An agreement's period (pages/agreements.ts `period`). */
  periods: WeakMap<Agreement, string>;
}

export interface SharedLinks {
  /** Organisation id → its link. */
  organisations: Map<string, Html>;
  /** Page → anchor prefix → record id → the link's text and the link (parts.ts `anchorLink`). */
  anchors: Map<string, Map<string, Map<string, { text: string; link: Html }>>>;
}

export function makeContext(facts: SiteFacts, site: SiteLanguage, others: SiteLanguage[], path: string): PageContext {
  const { lang, base } = site;
  const names = namesFor(facts, lang);
  // Links are relative, so the site works from any folder of a web server or from the disk:
  // up to the language's root (or the site's root for shared files), then down to the target.
  const toLanguageRoot = '../'.repeat(path.split('/').length - 1);
  const toSiteRoot = '../'.repeat((base + path).split('/').length - 1);
  // Everything but the path is the same on every page of a language and depth: made once and
  // copied for each page (ten thousand pages made a dozen functions each).
  const key = `${base}\u0000${toLanguageRoot}\u0000${toSiteRoot}`;
  const made = names.contexts.get(key);
  if (made && made.others === others) return { ...made, path };
  const ctx: PageContext = {
    facts, lang, base, others, path,
    t: (key, params) => (params ? textWith(names, lang, key, params) : names.texts.get(key) ?? cacheText(names.texts, lang, key)),
    href: (target) => toLanguageRoot + target,
    asset: (target) => toSiteRoot + target,
    amount: (n) => formatAmount(wholeKroner(n), lang),
    share: (s) => formatShare(s, lang),
    date: (iso) => names.dates.get(iso) ?? cacheDate(names.dates, lang, iso),
    number: (n) => names.numbers.get(n) ?? cacheNumber(names.numbers, lang, n),
    areaName: (a) => names.areas.get(a) ?? cacheArea(names.areas, lang, a),
    groupName: (id) => names.groups.get(id) ?? id,
    typeName: (id) => names.types.get(id) ?? id,
    municipalityName: (id) => names.municipalities.get(id) ?? id,
    organisationName: (id) => facts.folder.records.organisation.get(id)?.name ?? id,
    collator: names.collator,
    links: linksFor(names, toLanguageRoot),
    lists: names.lists,
  };
  names.contexts.set(key, ctx);
  return ctx;
}

function cacheArea(areas: Map<Area, string>, lang: Language, a: Area): string {
  const name = messageOr(lang, `publish.area.${a}`, valueLabel(lang, a));
  areas.set(a, name);
  return name;
}

function linksFor(names: Names, toLanguageRoot: string): SharedLinks {
  let links = names.links.get(toLanguageRoot);
  if (!links) names.links.set(toLanguageRoot, (links = { organisations: new Map(), anchors: new Map() }));
  return links;
}

interface Names {
  groups: Map<string, string>;
  types: Map<string, string>;
  municipalities: Map<string, string>;
  collator: Intl.Collator;
  /** Dates and parameterless texts, formatted once per site and language. */
  dates: Map<string, string>;
  texts: Map<MessageKey, string>;
  /** Texts with one parameter (a date, a count): key → parameter → its value → the text, while few enough to be worth keeping. */
  textsWith: Map<MessageKey, Map<string, Map<string | number, string>>>;
  numbers: Map<number, string>;
  /** By the way up from a page to the language's root ('', '../'): the links made there. */
  links: Map<string, SharedLinks>;
  areas: Map<Area, string>;
  lists: SharedLists;
  /** A page's context by language folder and depth (see makeContext). */
  contexts: Map<string, PageContext>;
}

function cacheDate(dates: Map<string, string>, lang: Language, iso: string): string {
  const d = formatDate(iso, lang);
  dates.set(iso, d);
  return d;
}

/** Past this many values of one message's parameter the message is put into words each time (its values are names, not dates or counts). */
const KEPT_VALUES = 4096;

function cacheNumber(numbers: Map<number, string>, lang: Language, n: number): string {
  const text = formatNumber(n, lang);
  if (numbers.size < KEPT_VALUES) numbers.set(n, text);
  return text;
}

/**
 * A text with parameters; one with a single date or count is put into words once per value (the
 * site says "received 3 Nov 2026" on thousands of rows, with a few hundred dates between them).
 */
function textWith(names: Names, lang: Language, key: MessageKey, params: MessageParams): string {
  let name: string | undefined;
  for (const p in params) {
    if (name !== undefined) return translate(lang, key, params);
    name = p;
  }
  const value = name === undefined ? undefined : params[name];
  if (name === undefined || (typeof value !== 'string' && typeof value !== 'number')) return translate(lang, key, params);
  let byName = names.textsWith.get(key);
  if (!byName) names.textsWith.set(key, (byName = new Map()));
  let byValue = byName.get(name);
  if (!byValue) byName.set(name, (byValue = new Map()));
  let text = byValue.get(value);
  if (text === undefined) {
    text = translate(lang, key, params);
    if (byValue.size < KEPT_VALUES) byValue.set(value, text);
  }
  return text;
}

function cacheText(texts: Map<MessageKey, string>, lang: Language, key: MessageKey): string {
  const t = translate(lang, key);
  texts.set(key, t);
  return t;
}

const nameCache = new WeakMap<SiteFacts, Map<Language, Names>>();
function namesFor(facts: SiteFacts, lang: Language): Names {
  let byLang = nameCache.get(facts);
  if (!byLang) nameCache.set(facts, (byLang = new Map()));
  let n = byLang.get(lang);
  if (!n) {
    const v = facts.folder.vocabularies;
    n = {
      groups: new Map(v.patientGroups.map((g) => [g.id, g.name[lang]])),
      types: new Map(v.offerTypes.map((t) => [t.id, t.name[lang]])),
      municipalities: new Map(v.municipalities.map((m) => [m.id, m.name])),
      collator: new Intl.Collator(lang === 'da' ? 'da' : 'en', { sensitivity: 'base', numeric: true }),
      dates: new Map(),
      texts: new Map(),
      textsWith: new Map(),
      numbers: new Map(),
      links: new Map(),
      areas: new Map(),
      lists: { areas: new WeakMap(), groups: new WeakMap(), municipalities: new WeakMap(), periods: new WeakMap() },
      contexts: new Map(),
    };
    byLang.set(lang, n);
  }
  return n;
}

/** Sorts records by a name with the language's collation, then by id so equal names keep one order. */
export function sortByName<T extends { id: string }>(ctx: PageContext, items: readonly T[], name: (x: T) => string): T[] {
  return [...items].sort((a, b) => ctx.collator.compare(name(a), name(b)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function regionName(ctx: PageContext): string {
  return ctx.facts.folder.settings?.region.name ?? ctx.t('publish.regionFallback');
}

export interface PageContent {
  section: SectionId | 'organisation';
  /** The page's own title (the h1), also used in the document title. */
  title: string;
  body: Html;
  /** Pages with the client-side filter load the script. */
  script?: boolean;
}

/** The whole document around a page's content: its text, or for a long page the text in pieces (html.ts `Html`). */
export function layout(ctx: PageContext, page: PageContent): FileContent {
  const site = ctx.t('publish.siteTitle', { region: regionName(ctx) });
  const docTitle = page.section === 'front' ? site : `${page.title} – ${site}`;
  const switcher = ctx.others.map((o) => html`<a class="lang-switch" href="${ctx.asset(o.base + ctx.path)}" hreflang="${o.lang}" lang="${o.lang}">${languageName(ctx.facts, o.lang)}</a>`);
  const chrome = chromeFor(ctx, page.section === 'organisation' ? 'organisations' : page.section);
  const doc = html`<!DOCTYPE html>
<html lang="${ctx.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${docTitle}</title>
${ctx.others.map((o) => html`<link rel="alternate" hreflang="${o.lang}" href="${ctx.asset(o.base + ctx.path)}">\n`)}${chrome.head}<a class="site-name" href="${ctx.href('index.html')}">${site}</a>
${switcher}
${chrome.nav}<main id="main" class="wrap" tabindex="-1">
<h1>${page.title}</h1>
${page.body}
</main>
${chrome.footer}${page.script ? html`<script src="${ctx.asset(SCRIPT)}" defer></script>\n` : ''}</body>
</html>
`;
  return doc.long ? doc.pieces : doc.text;
}

/** A language's own name, for the language switch: put into words once per site. */
function languageName(facts: SiteFacts, lang: Language): string {
  const texts = namesFor(facts, lang).texts;
  return texts.get('publish.languageName') ?? cacheText(texts, lang, 'publish.languageName');
}

interface Chrome {
  head: Html;
  nav: Html;
  footer: Html;
}

const chromeCache = new WeakMap<SiteFacts, Map<string, Chrome>>();

/** The parts of the page shell that are the same on every page of a language, section and depth: built once. */
function chromeFor(ctx: PageContext, current: SectionId): Chrome {
  let cache = chromeCache.get(ctx.facts);
  if (!cache) chromeCache.set(ctx.facts, (cache = new Map()));
  const key = `${ctx.lang}|${current}|${ctx.href('')}|${ctx.asset('')}`;
  let chrome = cache.get(key);
  if (!chrome) {
    const region = regionName(ctx);
    const regionSite = publicUrl(ctx.facts.folder.settings?.region.website);
    const nav = SECTIONS.map((s) => html`<li><a href="${ctx.href(s.path)}"${s.id === current ? html` aria-current="page"` : ''}>${ctx.t(s.nav)}</a></li>`);
    chrome = {
      head: html`<link rel="stylesheet" href="${ctx.asset(STYLESHEET)}">
</head>
<body>
<a class="skip-link" href="#main">${ctx.t('publish.skipToContent')}</a>
<header class="site-header">
<div class="wrap header-row">
`,
      nav: html`</div>
<nav class="wrap" aria-label="${ctx.t('publish.navLabel')}">
<ul class="nav">${nav}</ul>
</nav>
</header>
`,
      footer: html`<footer class="site-footer">
<div class="wrap">
<p>${ctx.t('publish.footer.asOf', { date: ctx.date(ctx.facts.asOf) })} ${ctx.t('publish.footer.noPersonalData')}</p>
${regionSite ? html`<p><a href="${regionSite}">${ctx.t('publish.footer.regionWebsite', { region })}</a></p>` : ''}
${footerContact(ctx)}</div>
</footer>
`,
    };
    cache.set(key, chrome);
  }
  return chrome;
}

// ---------------------------------------------------------------- small pieces the pages share

/** A contact as one line of links: address, e-mail (mailto:), phone (tel:). */
export function contactLine(ctx: PageContext, c: PublicContact | undefined): Html | undefined {
  if (!c) return undefined;
  const parts: Html[] = [];
  if (c.address) parts.push(html`<span class="contact-address">${c.address}</span>`);
  if (c.email) parts.push(html`<a href="mailto:${c.email}">${c.email}</a>`);
  if (c.phone) parts.push(html`<a href="tel:${c.phone.replace(/ /g, '')}">${c.phone}</a>`);
  return parts.length ? html`${parts.map((p, i) => html`${i > 0 ? ' · ' : ''}${p}`)}` : undefined;
}

/** The footer's line: the region's contact and CVR number, or that none is given. */
export function footerContact(ctx: PageContext): Html {
  const line = contactLine(ctx, ctx.facts.folder.settings?.region.contact);
  const cvr = ctx.facts.folder.settings?.region.cvr;
  if (!line && !cvr) return html`<p class="contact">${ctx.t('site.contact.none')}</p>\n`;
  return html`<p class="contact"><strong>${ctx.t('site.contact.region', { region: regionName(ctx) })}:</strong> ${line ?? ''}${line && cvr ? ' · ' : ''}${cvr ? ctx.t('site.contact.cvr', { cvr }) : ''}</p>\n`;
}


export function orgLink(ctx: PageContext, id: string): Html {
  let link = ctx.links.organisations.get(id);
  if (!link) ctx.links.organisations.set(id, (link = html`<a href="${ctx.href(organisationPath(id))}">${ctx.organisationName(id)}</a>`));
  return link;
}

export function orgLinks(ctx: PageContext, ids: readonly string[]): Html {
  // Most records name one organisation: its link as it is.
  if (ids.length === 1) return orgLink(ctx, ids[0]);
  const sorted = [...new Set(ids)].sort((a, b) => ctx.collator.compare(ctx.organisationName(a), ctx.organisationName(b)) || (a < b ? -1 : 1));
  return commaList(sorted.map((id) => orgLink(ctx, id)));
}

export function commaList(items: readonly Interpolation[]): Html {
  return html`${items.map((x, i) => html`${i > 0 ? ', ' : ''}${x}`)}`;
}

export function areaList(ctx: PageContext, areas: readonly Area[] | undefined): string {
  if (!areas) return '';
  let text = ctx.lists.areas.get(areas);
  if (text === undefined) {
    const set = new Set(areas);
    ctx.lists.areas.set(areas, (text = AREAS.filter((a) => set.has(a)).map((a) => ctx.areaName(a)).join(', ')));
  }
  return text;
}

export function groupList(ctx: PageContext, groups: readonly string[] | undefined, none: MessageKey = 'publish.allGroups'): string {
  if (!groups || groups.length === 0) return ctx.t(none);
  let text = ctx.lists.groups.get(groups);
  if (text === undefined) ctx.lists.groups.set(groups, (text = [...new Set(groups)].map((g) => ctx.groupName(g)).join(', ')));
  return text;
}

/** Where a record reaches, in words: its municipalities by name, or the whole region or country. */
export function reachText(ctx: PageContext, r: { municipalities?: string[]; scope?: 'regional' | 'national' }): string {
  if (r.scope === 'national') return ctx.t('publish.reach.national');
  if (r.scope === 'regional') return ctx.t('publish.reach.regional');
  if (!r.municipalities?.length) return ctx.t('publish.none');
  let text = ctx.lists.municipalities.get(r.municipalities);
  if (text === undefined) ctx.lists.municipalities.set(r.municipalities, (text = r.municipalities.map((m) => ctx.municipalityName(m)).join(', ')));
  return text;
}

/** A description list of label → value pairs; pairs with an empty value are left out. */
export function facts(pairs: readonly [label: string, value: Interpolation][]): Html {
  return definitionList(pairs.filter(([, v]) => v !== undefined && v !== null && v !== '' && v !== false));
}

export function websiteLink(website: string | undefined): Html | undefined {
  const url = publicUrl(website);
  if (!url) return undefined;
  const shown = url.replace(/^https?:\/\//, '').replace(/\/$/, '');
  return html`<a href="${url}" rel="external">${shown}</a>`;
}
