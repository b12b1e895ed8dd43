// The offers overview as tables: first the patient groups without an active offer, then one per area,
// a row per offer under its patient group (a group of several areas under the first, once); for CSV
// one flat table with the area and group on every row.
import type { Area } from '../domain/kinds.js';
import type { Language } from '../i18n/index.js';
import type { OfferEntry, OffersReport } from '../reports/offers.js';
import { areaFilter, areaName, areaTitle, dateText, headingWith, notCounted, reachText, tr, type Names, type ReportView } from './labels.js';
import type { LeftOutCounts } from '../validate/valid-part.js';
import type { Cell, Table } from './table.js';

function agreementText(o: OfferEntry, lang: Language): string {
  // Where each stands on the report's date: one that starts later, or is over, says so.
  return o.agreements.map((a) => (a.standing === 'in-force' ? a.id : tr(lang, `overview.agreement.${a.standing}`, { id: a.id }))).join('\n');
}

export function offersView(report: OffersReport, names: Names, lang: Language, leftOut: LeftOutCounts = {}): ReportView {
  const f = report.filters;
  const heading = headingWith(tr(lang, 'overview.offers.heading', { date: dateText(report.asOf, lang) }), [
    areaFilter(f.areas, lang),
    ['overview.filter.patientGroup', f.patientGroups.map((g) => names.patientGroups.get(g)?.[lang] ?? g)],
    ['overview.filter.municipality', f.municipalities.map((m) => names.municipalities.get(m) ?? m)],
    ['overview.filter.organisation', f.organisations.map((o) => names.organisations.get(o) ?? o)],
    ['overview.filter.type', f.types.map((t) => names.offerTypes.get(t)?.[lang] ?? t)],
  ], lang);

  const columns: Table['columns'] = [
    { header: tr(lang, 'overview.col.patientGroup') },
    { header: tr(lang, 'overview.col.offerType') },
    { header: tr(lang, 'overview.col.organisation') },
    { header: tr(lang, 'overview.col.municipalities') },
    { header: tr(lang, 'overview.col.agreementPool') },
  ];
  // An area without patient groups (none in the vocabulary, or none the filters keep) adds nothing on screen.
  const sections = report.areas.some((a) => a.patientGroups.length) ? report.areas.filter((a) => a.patientGroups.length) : report.areas;
  // An offer under several groups and areas is put into words once (the report files one entry
  // under each of its groups, so the entry itself is the key).
  const reaches = new Map<OfferEntry, string>();
  const reach = (o: OfferEntry) => {
    let text = reaches.get(o);
    if (text === undefined) reaches.set(o, (text = reachText(o.reach, names.municipalities, lang)));
    return text;
  };
  const cells = new Map<OfferEntry, Cell[]>();
  const offerCells = (o: OfferEntry): Cell[] => {
    let c = cells.get(o);
    if (!c) {
      // The agreements (if any), then each pool's name, one a line.
      let behind = agreementText(o, lang);
      for (const p of o.pools) if (p.name) behind = behind ? `${behind}\n${p.name}` : p.name;
      c = [tr(lang, 'overview.offers.titleType', { title: o.title, type: o.type.name[lang] }), o.organisation.name, reach(o), behind];
      cells.set(o, c);
    }
    return c;
  };
  // A group of several areas is listed once, under the first area shown, with a note naming the others;
  // groups without an active offer come first, as their own short section (the gaps are what people look for).
  const placed = new Map<string, Area[]>();
  for (const section of sections) for (const g of section.patientGroups) placed.set(g.id, [...(placed.get(g.id) ?? []), section.area]);
  const gaps = [...new Map(sections.flatMap((s) => s.patientGroups).filter((g) => g.offerCount === 0).map((g) => [g.id, g])).values()];
  const gapTable: Table = {
    title: tr(lang, 'offers.gaps.title'),
    columns: [{ header: tr(lang, 'overview.col.patientGroup') }, { header: tr(lang, 'offers.col.areas') }],
    rows: gaps.map((g) => [{ text: g.name[lang], tone: 'gap' }, placed.get(g.id)!.map((a) => areaName(a, lang)).join(', ')]),
  };
  const tables: Table[] = [...(gaps.length ? [gapTable] : []), ...sections.map((section) => {
    const rows: Cell[][] = [];
    for (const g of section.patientGroups) {
      const areas = placed.get(g.id)!;
      if (areas[0] !== section.area || g.offers.length === 0) continue;
      const key = g.offerCount === 1 ? 'overview.offers.groupCount1' : 'overview.offers.groupCount';
      const text = tr(lang, key, { name: g.name[lang], count: g.offerCount });
      const label: Cell = { text: areas.length > 1 ? tr(lang, 'offers.alsoUnder', { label: text, areas: areas.slice(1).map((a) => areaName(a, lang)).join(', ') }) : text, tone: 'strong' };
      for (let i = 0; i < g.offers.length; i++) {
        const c = offerCells(g.offers[i]);
        rows.push([i === 0 ? label : '', c[0], c[1], c[2], c[3]]);
      }
    }
    if (section.patientGroups.length === 0) rows.push(['', { text: tr(lang, 'overview.offers.noGroups'), tone: 'muted' }, '', '', '']);
    return { title: areaTitle(section.area, lang), columns, rows, groupColumn: 0 };
  }).filter((t) => t.rows.length > 0)];
  const last = tables[tables.length - 1];
  if (last) {
    last.notes = [
      '',
      tr(lang, 'overview.offers.totals', { offers: report.totals.offers, organisations: report.totals.organisations, groups: report.totals.patientGroups, without: report.totals.patientGroupsWithoutOffers }),
      // A group may seem to lack offers only because its offers were left out for errors.
      ...notCounted(['offer'], leftOut, lang),
      tr(lang, 'overview.offers.legend'),
    ];
  }

  const flat = (): Table => ({
    columns: [
      { header: tr(lang, 'overview.col.area') },
      { header: tr(lang, 'overview.col.patientGroup') },
      { header: tr(lang, 'overview.col.offerCount'), align: 'right' },
      { header: tr(lang, 'overview.col.offer') },
      { header: tr(lang, 'overview.col.type') },
      { header: tr(lang, 'overview.col.organisation') },
      { header: tr(lang, 'overview.col.municipalities') },
      { header: tr(lang, 'overview.col.agreement') },
      { header: tr(lang, 'overview.col.pools') },
    ],
    rows: report.areas.flatMap((section) => section.patientGroups.flatMap((g) => {
      const lead: Cell[] = [areaName(section.area, lang), g.name[lang], g.offerCount];
      if (g.offers.length === 0) return [[...lead, '', '', '', '', '', '']];
      return g.offers.map((o) => [
        ...lead, o.title, o.type.name[lang], o.organisation.name, reach(o),
        o.agreements.map((a) => a.id).join(', '), o.pools.map((p) => p.name).join(', '),
      ]);
    })),
  });
  return { heading, tables, get csv() { return [flat()]; } };
}
