// Words the overview renderers share: area names, reach, relative days, filters. Each takes the
// language and returns text; nothing here reads data.
import type { DataFolder } from '../domain/folder.js';
import type { Area, RecordKind } from '../domain/kinds.js';
import type { LeftOutCounts } from '../validate/valid-part.js';
import { translate, type Language, type MessageKey, type MessageParams } from '../i18n/index.js';
import { valueLabel } from '../i18n/values.js';
import { formatDate } from '../i18n/format.js';
import type { Table } from './table.js';

/** A report turned into text-ready parts: a heading, tables for the terminal and Markdown, and tables for CSV. */
export interface ReportView {
  heading: string;
  tables: Table[];
  /** One flat table for spreadsheets, when the sections above do not make one (a getter: made only when read). */
  readonly csv?: Table[];
}

export function tr(lang: Language, key: MessageKey, params?: MessageParams): string {
  return translate(lang, key, params);
}

/**
 * Why there is nothing to show where records of these kinds were left out for errors: they may
 * exist, so never "there are none" (which invites registering one again). Undefined when none was.
 */
export function noneShown(kind: RecordKind, leftOut: LeftOutCounts, lang: Language): string | undefined {
  const count = leftOut[kind] ?? 0;
  if (count === 0) return undefined;
  return tr(lang, 'validPart.noneShown', { none: tr(lang, `list.heading.${kind}`, { count: 0 }), left: tr(lang, `list.heading.${kind}`, { count }) });
}

/** What an empty report adds after its own words where records it counts were left out for errors (`2 aftaler er udeladt …`). */
export function notCounted(kinds: readonly RecordKind[], leftOut: LeftOutCounts, lang: Language): string[] {
  return kinds.filter((k) => (leftOut[k] ?? 0) > 0).map((k) => tr(lang, 'validPart.notCounted', { left: tr(lang, `list.heading.${k}`, { count: leftOut[k]! }) }));
}

/** An area by its one name (`socialområdet`), as every list, filter and report names it. */
export function areaName(area: Area, lang: Language): string {
  return valueLabel(lang, area);
}

/**
 * The areas a report is filtered to, as its heading says them: `område psykiatri`, but an area whose
 * own name already says it is one (`socialområdet`) by that name alone, never `område socialområdet`.
 */
export function areaFilter(areas: readonly Area[], lang: Language): [key: MessageKey, values: string[]] {
  const word = tr(lang, 'overview.filter.areaWord').toLocaleLowerCase(lang);
  const names = areas.map((a) => areaName(a, lang));
  const named = names.filter((n) => { const name = n.toLocaleLowerCase(lang); return name.endsWith(word) || name.endsWith(`${word}t`); });
  if (named.length === 0) return ['overview.filter.area', names];
  const others = names.filter((n) => !named.includes(n));
  return ['overview.filter.areaNamed', [...named, ...(others.length ? [tr(lang, 'overview.filter.area', { values: others.join(', ') })] : [])]];
}

/** An area's name heading its section (`Socialområdet`). */
export function areaTitle(area: Area, lang: Language): string {
  const name = areaName(area, lang);
  return name.charAt(0).toLocaleUpperCase(lang) + name.slice(1);
}

/** `whole region` / `nationwide`, else the municipalities' names in vocabulary order. */
export function reachText(reach: { scope: 'regional' | 'national' | null; municipalities: readonly string[] }, names: ReadonlyMap<string, string>, lang: Language): string {
  if (reach.scope) return tr(lang, `overview.reach.${reach.scope}` as MessageKey);
  return reach.municipalities.map((m) => names.get(m) ?? m).join(', ');
}

/** `in 12 days`, `today`, `3 days ago`. */
export function daysText(days: number, lang: Language): string {
  if (days === 0) return tr(lang, 'overview.days.today');
  if (days === 1) return tr(lang, 'overview.days.in1');
  if (days === -1) return tr(lang, 'overview.days.ago1');
  return days > 0 ? tr(lang, 'overview.days.in', { n: days }) : tr(lang, 'overview.days.ago', { n: -days });
}

/** The heading's date part and the filters in force: `… on 23 Nov 2026 · area Psychiatry`. */
export function headingWith(base: string, filters: Array<[key: MessageKey, values: readonly string[]]>, lang: Language): string {
  const parts = filters.filter(([, v]) => v.length > 0).map(([key, v]) => tr(lang, key, { values: v.join(', ') }));
  return parts.length ? `${base} · ${parts.join(' · ')}` : base;
}

export function dateText(iso: string, lang: Language): string {
  return formatDate(iso, lang);
}

/** Display names by id, for the filters named in a heading and for cells. */
export interface Names {
  municipalities: ReadonlyMap<string, string>;
  patientGroups: ReadonlyMap<string, { da: string; en: string }>;
  offerTypes: ReadonlyMap<string, { da: string; en: string }>;
  organisations: ReadonlyMap<string, string>;
  pools: ReadonlyMap<string, string>;
}

export function namesOf(folder: DataFolder): Names {
  return {
    municipalities: new Map(folder.vocabularies.municipalities.map((m) => [m.id, m.name])),
    patientGroups: new Map(folder.vocabularies.patientGroups.map((g) => [g.id, g.name])),
    offerTypes: new Map(folder.vocabularies.offerTypes.map((t) => [t.id, t.name])),
    organisations: new Map([...folder.records.organisation.values()].map((o) => [o.id, o.name])),
    pools: new Map([...folder.records.pool.values()].map((p) => [p.id, p.name])),
  };
}
