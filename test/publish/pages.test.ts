// The site's pages on the small folder of fixture.ts, whose expected numbers are worked out there.
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../src/site/site.js';
import { AS_OF, loadFiles, part, siteFiles, siteFolder, textOf } from './fixture.js';

const folder = siteFolder();
const da = buildSite(folder, { asOf: AS_OF, languages: ['da'] });
const both = buildSite(folder, { asOf: AS_OF, languages: ['da', 'en'] });
const page = (path: string, files = da) => {
  const p = files.get(path);
  if (p === undefined) throw new Error(`no page ${path}`);
  return p;
};

describe('the site as files', () => {
  it('has every page type, one page per organisation, one stylesheet and one script, and the open data', () => {
    expect([...da.keys()]).toEqual([
      'agreements.html', 'assets/filter.js', 'assets/site.css', 'calls.html', 'consultations.html', 'coverage.html', 'funding.html', 'index.html', 'model.html',
      'offers.html',
      ...['agreements', 'calls', 'consultations', 'grants', 'offers', 'organisations'].flatMap((n) => [`open-data/${n}.csv`, `open-data/${n}.json`]), 'open-data/readme.md',
      'organisations.html',
      'organisations/aeblehaven.html', 'organisations/alpha.html', 'organisations/beta.html', 'organisations/gamma.html',
    ]);
  });

  it('puts English alongside in en/ with lang attributes and a link to the other language', () => {
    expect([...both.keys()].filter((p) => p.startsWith('en/')).length).toBe(13);
    expect(page('index.html', both)).toContain('<html lang="da">');
    expect(page('en/index.html', both)).toContain('<html lang="en">');
    expect(page('index.html', both)).toContain('<a class="lang-switch" href="en/index.html" hreflang="en" lang="en">English</a>');
    expect(page('en/organisations/alpha.html', both)).toContain('<a class="lang-switch" href="../../organisations/alpha.html" hreflang="da" lang="da">Dansk</a>');
    expect(page('en/organisations/alpha.html', both)).toContain('<link rel="stylesheet" href="../../assets/site.css">');
    expect(textOf(page('en/offers.html', both))).toContain('2 active offers from civil-society organisations on 1 Jun 2026');
  });

  it('puts the texts made once per language (periods, areas, kinds of funding, the filter) into that language only', () => {
    const da = page('organisations/alpha.html', both);
    const en = page('en/organisations/alpha.html', both);
    expect(da).toContain('<td>1. jan. 2025 – 31. dec. 2026</td>');
    expect(en).toContain('<td>1 Jan 2025 – 31 Dec 2026</td>');
    expect(da).toContain('<div><dt>Områder</dt><dd>Psykiatri</dd></div>');
    expect(en).toContain('<div><dt>Areas</dt><dd>Psychiatry</dd></div>');
    expect(da).toContain('(2026; udviklingsprojekter)');
    expect(en).toContain('(2026; development projects)');
    expect(page('agreements.html', both)).toContain('1. jan. 2025 – 31. dec. 2026');
    expect(page('en/agreements.html', both)).toContain('1 Jan 2025 – 31 Dec 2026');
    expect(page('en/agreements.html', both)).not.toContain('udviklingsprojekter');
    expect(page('en/offers.html', both)).toContain('<label for="f-text">');
    expect(page('en/offers.html', both)).not.toContain(page('offers.html', both).match(/<label for="f-text">[^<]*/)![0]);
  });

  it('English only puts English at the root', () => {
    const en = buildSite(folder, { asOf: AS_OF, languages: ['en'] });
    expect(en.has('en/index.html')).toBe(false);
    expect(en.get('index.html')).toContain('<html lang="en">');
    expect(en.get('index.html')).not.toContain('lang-switch');
  });

  it('marks the current page in the navigation and has a skip link, header, nav, main and footer', () => {
    const p = page('funding.html');
    expect(p).toContain('<a class="skip-link" href="#main">Gå til indholdet</a>');
    expect(p).toContain('<a href="funding.html" aria-current="page">Puljer og midler</a>');
    expect(p.match(/aria-current/g)).toHaveLength(1);
    for (const landmark of ['<header', '<nav', '<main id="main"', '<footer']) expect(p).toContain(landmark);
    expect(p.match(/<h1>/g)).toHaveLength(1);
    expect(textOf(p)).toContain('Tallene på dette site er opgjort pr. 1. jun. 2026.');
  });
});

describe('offers by patient group', () => {
  const p = page('offers.html');
  it('lists the active offers under each of their patient groups, and the groups without any', () => {
    expect(textOf(p)).toContain('2 aktive tilbud fra civilsamfundsorganisationer pr. 1. jun. 2026');
    expect(textOf(part(p, 'group-psychiatry-depression'))).toMatch(/^Depression 2 tilbud Samtalegruppe for voksne .* Telefonlinjen/);
    expect(textOf(part(p, 'group-psychiatry-angst'))).toMatch(/^Angst 1 tilbud Telefonlinjen/);
    expect(textOf(part(p, 'group-psychiatry-psykisk-sygdom'))).toBe('Psykisk sygdom 0 tilbud Intet aktivt tilbud til denne patientgruppe.');
    expect(textOf(part(p, 'group-health-diabetes'))).toBe('Diabetes 0 tilbud Intet aktivt tilbud til denne patientgruppe.');
    expect(p).not.toContain('Angstcafé'); // ended
    expect(p).not.toContain('Diabetesmotion'); // inactive organisation
  });

  it('says who runs an offer, where, and the agreement and pools behind it', () => {
    const o1 = textOf(part(p, 'group-psychiatry-depression'));
    expect(o1).toContain('Samtalegruppe for voksne Type Samtalegruppe Organisation Alpha Forening Kommuner Aarhus, Randers Aftale Fælles samtaletilbud Finansieret af Pulje Et, Pulje To Hver tirsdag aften.');
    expect(o1).toContain('Telefonlinjen Type Rådgivning Organisation Beta <Forening> & Co Kommuner Hele regionen');
  });

  it('carries what the filter needs in data attributes, and hides the filter form until the script shows it', () => {
    expect(p).toContain('<li class="offer" data-id="o1" data-m="aarhus randers" data-type="peer-group">');
    expect(p).toContain('<li class="offer" data-id="o2" data-m="*" data-type="hotline">');
    expect(p).toContain('data-groups="angst psykisk-sygdom"');
    expect(p).toMatch(/<form id="offer-filter" class="filter" hidden/);
    expect(p).toContain('<script src="assets/filter.js" defer></script>');
    expect(page('funding.html')).not.toContain('<script');
  });
});

describe('coverage by municipality', () => {
  const p = page('coverage.html');
  const row = (name: string) => textOf(p.split('\n').find((l) => l.startsWith(`<tr><th scope="row">${name}</th>`))!);
  it('counts distinct active offers per patient group and municipality, regional offers everywhere', () => {
    expect(textOf(p)).toContain('Aarhus Randers Skive I alt');
    expect(row('Depression')).toBe('Depression 2 2 1 2');
    expect(row('Angst')).toBe('Angst 1 1 1 1');
    expect(row('Psykisk sygdom')).toBe('Psykisk sygdom 0 0 0 0');
    expect(row('Diabetes')).toBe('Diabetes 0 0 0 0');
    expect(textOf(p.split('\n').find((l) => l.startsWith('<tfoot>'))!)).toBe('Alle patientgrupper 2 2 1 2');
    expect(textOf(p)).toContain('6 af 12 kombinationer af patientgruppe og kommune har intet aktivt tilbud.');
  });

  it('marks gaps and links each count to the offers page filtered to that cell', () => {
    expect(p).toContain('<td class="gap">0</td>');
    expect(p).toContain('<a href="offers.html?group=depression&amp;municipality=skive#group-psychiatry-depression" aria-label="1 tilbud til Depression i Skive">1</a>');
  });
});

describe('funding per pool and year', () => {
  const p = page('funding.html');
  const yearRow = (pool: string, year: number) => textOf(part(p, `pool-${pool}`).split('\n').find((l) => l.startsWith(`<tr><th scope="row">${year}</th>`))!);
  it('shows budget, development, running costs, allocated, remaining, recipients and largest share', () => {
    expect(yearRow('pool-one', 2025)).toBe('2025 100.000 kr. 0 kr. (0,0 %) 40.000 kr. (100,0 %) 40.000 kr. 60.000 kr. 1 100,0 %');
    expect(yearRow('pool-one', 2026)).toBe('2026 50.000 kr. 60.000 kr. (100,0 %) 0 kr. (0,0 %) 60.000 kr. overskredet med 10.000 kr. 2 50,0 %');
    expect(yearRow('pool-two', 2026)).toBe('2026 200.000 kr. 0 kr. (0,0 %) 100.000 kr. (100,0 %) 100.000 kr. 100.000 kr. 2 50,0 %');
    expect(p).not.toContain('999.999');
  });

  it('draws each chart as an SVG image with a title and a text alternative', () => {
    expect(p).toContain('<svg class="chart" role="img" aria-labelledby="pool-pool-one-kinds-title pool-pool-one-kinds-desc"');
    expect(p).toContain('<desc id="pool-pool-one-kinds-desc">2025: bevilget 40.000 kr. (udviklingsprojekter 0 kr., drift 40.000 kr.); budget 100.000 kr.; 60.000 kr. af budgettet er tilbage; 2026: bevilget 60.000 kr. (udviklingsprojekter 60.000 kr., drift 0 kr.); budget 50.000 kr.; Budgettet er overskredet med 10.000 kr.</desc>');
    expect(p).toContain('<desc id="pool-pool-one-2026-shares-desc">Alpha Forening: 50,0 % (30.000 kr.); Beta &lt;Forening&gt; &amp; Co: 50,0 % (30.000 kr.)</desc>');
    expect(textOf(part(p, 'pool-pool-one-2026'))).toBe('Hvem fik midlerne i 2026');
  });

  it('says of a pool-year without a budget, in one phrase, that none is recorded (not "budget intet budget; Intet budget registreret")', () => {
    const files = siteFiles();
    const noBudget = loadFiles({ ...files, 'pools/pool-two.yaml': files['pools/pool-two.yaml'].replace('year: 2026', 'year: 2027') });
    const site = buildSite(noBudget, { asOf: AS_OF, languages: ['da', 'en'] });
    const desc = (path: string) => /<desc id="pool-pool-two-kinds-desc">([^<]*)<\/desc>/.exec(page(path, site))?.[1];
    expect(desc('funding.html')).toBe('2026: bevilget 100.000 kr. (udviklingsprojekter 0 kr., drift 100.000 kr.); intet budget registreret; 2027: bevilget 0 kr. (udviklingsprojekter 0 kr., drift 0 kr.); budget 200.000 kr.; 200.000 kr. af budgettet er tilbage');
    expect(desc('en/funding.html')).toBe('2026: allocated DKK 100,000 (development projects DKK 0, running costs DKK 100,000); no budget recorded; 2027: allocated DKK 0 (development projects DKK 0, running costs DKK 0); budget DKK 200,000; DKK 200,000 of the budget remains');
  });

  it('draws bars to scale: amounts against the largest bar or budget, shares against the whole pool-year', () => {
    // pool-one: the largest value is the 2025 budget (100,000) → 410 units (560 wide less 150 for the value text).
    const svg = (id: string) => p.slice(p.indexOf(`aria-labelledby="${id}-title`), p.indexOf('</svg>', p.indexOf(`${id}-title`)));
    const kinds = svg('pool-pool-one-kinds');
    expect(kinds).toContain('<rect class="series-1" x="0" y="20" width="164" height="22"/>'); // 2025: 40,000 running costs
    expect(kinds).toContain('<line class="marker" x1="410" x2="410"'); // 2025 budget 100,000
    expect(kinds).toContain('<rect class="series-0" x="0" y="92" width="246" height="22"/>'); // 2026: 60,000 development (a row is 72 high with its line of words)
    expect(kinds).toContain('<line class="marker" x1="205" x2="205"'); // 2026 budget 50,000, overcommitted
    // The allocated amount is labelled as such inside the end of its bar, the budget at its marker,
    // what remains in words under the bar: the amount given never stands unlabelled by the budget line.
    expect(kinds).toContain('<text class="value value-inside" x="158" y="36" text-anchor="end">Bevilget 40.000 kr.</text>');
    expect(kinds).toContain('<text class="marker-label" x="406" y="14" text-anchor="end">Budget 100.000 kr.</text>');
    expect(kinds).toContain('<text class="note" x="0" y="58">60.000 kr. af budgettet er tilbage</text>');
    expect(kinds).toContain('<text class="value value-inside" x="240" y="108" text-anchor="end">Bevilget 60.000 kr.</text>');
    expect(kinds).toContain('<text class="marker-label" x="201" y="86" text-anchor="end">Budget 50.000 kr.</text>');
    expect(kinds).toContain('<text class="note" x="0" y="130">Budgettet er overskredet med 10.000 kr.</text>');
    const shares = svg('pool-pool-one-2026-shares');
    expect(shares.match(/<rect class="series-0" x="0" y="\d+" width="205" height="22"\/>/g)).toHaveLength(2); // 50 % each
  });
});

describe('the collaboration model', () => {
  it('says when the folder has no model yet, and still shows each pool\'s criteria', () => {
    const p = textOf(page('model.html'));
    expect(p).toContain('Regionen har endnu ikke offentliggjort sin samarbejdsmodel.');
    expect(p).toContain('Pulje Et Regionens pulje til psykiatrien. Områder Psykiatri Støtter Udviklingsprojekter, Drift Ansøgninger vurderes efter disse offentliggjorte kriterier: Tilbuddet når patienter i hele regionen.');
    expect(p).toContain('Pulje To Områder Psykiatri Støtter Drift Puljen har ikke offentliggjort kriterier.');
  });
});

describe('calls', () => {
  const p = page('calls.html');
  it('shows open calls with the days left, recent ones with who was selected, and earlier ones; never unpublished ones', () => {
    expect(textOf(part(p, 'call-c-open'))).toContain('Frist 15. jun. 2026 (14 dage tilbage) Offentliggjort 1. maj 2026 Pulje Pulje Et');
    expect(textOf(part(p, 'call-c-recent'))).toContain('Ansøgere 3 Udvalgt Alpha Forening, Beta <Forening> & Co');
    expect(textOf(part(p, 'call-c-old'))).toBe('Gammelt opslag 1. mar. 2024 Kun inviterede organisationer Alpha Forening');
    expect(p).not.toContain('hemmelige planer');
    expect(part(p, 'open')).not.toContain('c-recent');
  });

  it('shows a grant in full recorded without an amount as the amount applied for, as the letter says it', () => {
    const app = (id: string, org: string, decision: string) => `id: ${id}\ncall: c-recent\norganisations: [${org}]\namount_dkk: 50000\nkind: development\nreceived: 2025-10-20\ndecision:\n${decision}`;
    const site = buildSite(loadFiles({ ...siteFiles(),
      'applications/r-alpha.yaml': app('r-alpha', 'alpha', '  outcome: granted\n  date: 2025-11-20\n'),
      'applications/r-beta.yaml': app('r-beta', 'beta', '  outcome: partly\n  date: 2025-11-20\n  amount_dkk: 30000\n  reason: Delvis\n') }), { asOf: AS_OF, languages: ['da'] });
    const cells = [...textOf(part(site.get('calls.html')!, 'call-c-recent')).matchAll(/(Alpha Forening|Beta <Forening> & Co) ([\d.]+ kr\.)/g)].map((m) => [m[1], m[2]]);
    expect(cells).toEqual([['Alpha Forening', '50.000 kr.'], ['Beta <Forening> & Co', '30.000 kr.']]);
    expect(site.get('calls.html')).not.toContain('<td class="num"></td>');
  });
});

describe('agreements', () => {
  const p = page('agreements.html');
  it('lists active and ended agreements with how they came about and their money; never drafts', () => {
    expect(textOf(part(p, 'agreement-a1'))).toBe('Fælles samtaletilbud Alpha Forening, Beta <Forening> & Co Psykiatri 1. jan. 2025 – 31. dec. 2026 Opslag: Samtaletilbud 2026 60.000 kr. fra Pulje Et (2026; udviklingsprojekter) 100.000 kr. fra Pulje To (2026; drift)');
    expect(textOf(part(p, 'agreement-a2'))).toBe('Drift af samtalegruppen Alpha Forening Psykiatri 1. jan. 2025 – 31. dec. 2025 Uden opslag, ved en undtagelse godkendt 1. dec. 2024 40.000 kr. fra Pulje Et (2025; drift)');
    expect(p).not.toContain('Udkast til ny aftale');
  });
});

describe('agreements on the site\'s date', () => {
  // As of 2026-06-01, by start and end, whatever the status says:
  //   a1 active, 2025-01-01 – 2026-12-31: in force          a2 ended, 2025: ended
  //   a4 active, starts 2026-09-01: upcoming, not in force  a5 active, but ended 2025-12-31: ended
  // So 1 agreement in force (the status alone would say 3: a1, a4, a5).
  const files = {
    ...siteFiles(),
    'agreements/a4.yaml': 'id: a4\ntitle: Kommende samarbejde\norganisations: [beta]\nareas: [psychiatry]\nscope: regional\nstart: 2026-09-01\nend: 2027-08-31\nstatus: active\noffers: [o2]\n',
    'agreements/a5.yaml': 'id: a5\ntitle: Udløbet samarbejde\norganisations: [beta]\nareas: [psychiatry]\nscope: regional\nstart: 2024-01-01\nend: 2025-12-31\nstatus: active\n',
  };
  const site = buildSite(loadFiles(files), { asOf: AS_OF, languages: ['da'] });
  const get = (path: string) => site.get(path) ?? '';

  it('lists an agreement that has not started under "Kommende" and one past its end under "Afsluttede", not under "Gældende"', () => {
    const p = get('agreements.html');
    // The section under each heading: from its <h2> to the next one.
    const section = (id: string) => p.slice(p.indexOf(`<h2 id="${id}">`)).split(/<h2 /)[1];
    const ids = (id: string) => [...section(id).matchAll(/id="agreement-([a-z0-9-]+)"/g)].map((m) => m[1]);
    expect(textOf(part(p, 'active'))).toBe('Gældende');
    expect(ids('active')).toEqual(['a1']);
    expect(textOf(part(p, 'upcoming'))).toBe('Kommende');
    expect(ids('upcoming')).toEqual(['a4']);
    expect(ids('ended')).toEqual(['a2', 'a5']);
    // Without an upcoming agreement there is no such section.
    expect(page('agreements.html')).not.toContain('id="upcoming"');
  });

  it('counts only the agreements in force on the front page, marks each on the organisation\'s page, and says it in the open data', () => {
    expect(textOf(get('index.html'))).toContain('Gældende aftaler 1 ');
    const beta = textOf(get('organisations/beta.html'));
    expect(beta).toContain('Kommende samarbejde Kommende 1. sep. 2026 – 31. aug. 2027');
    expect(beta).toContain('Udløbet samarbejde Afsluttet 1. jan. 2024 – 31. dec. 2025');
    // Beta's offer o2 is named by a4: the offer says the agreement is upcoming.
    expect(textOf(get('offers.html'))).toContain('Aftale Kommende samarbejde (kommende)');
    const cells = (line: string) => line.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/);
    const rows = get('open-data/agreements.csv').trim().split(/\r?\n/).map(cells);
    const status = rows[0].indexOf('status');
    expect(Object.fromEntries(rows.slice(1).map((r) => [r[0], r[status]]))).toEqual({ a1: 'active', a2: 'ended', a4: 'upcoming', a5: 'ended' });
  });
});

describe('consultations', () => {
  const p = page('consultations.html');
  it('lists past consultations with every invited party alphabetically (æ, ø, å last) and a mark where an answer came', () => {
    expect(textOf(part(p, 'consultation-k-closed'))).toContain('Høringsliste: Høring om udskrivning Høringspart Svar Alpha Forening ✓ svar modtaget 1. mar. 2026 Beta <Forening> & Co intet svar Æblehaven intet svar');
    expect(textOf(part(p, 'consultation-k-closed'))).toContain('Svar 1 af 3 svarede (33,3 %)');
  });

  it('shows open consultations without judging answers yet, and never planned ones', () => {
    expect(textOf(part(p, 'consultation-k-open'))).toContain('Hvem blev inviteret 1 plads til 3 relevante organisationer på høringslisten; 1 blev inviteret');
    expect(textOf(part(p, 'consultation-k-open'))).toContain('Alpha Forening fristen er ikke udløbet');
    expect(p).not.toContain('Planlagt høring');
  });

  it('opens by saying what the consultations below show, claiming no more than they show (k-open invited 1 of 3)', () => {
    const lead = textOf(p.slice(p.indexOf('<p class="lead">'), p.indexOf('</p>', p.indexOf('<p class="lead">'))));
    expect(lead).toBe('Når regionen hører civilsamfundet, inviterer den organisationer fra høringslisten, som høringen vedrører. Ved hver høring nedenfor står, hvor mange af de relevante organisationer på listen der blev inviteret, hvilke de var, og et mærke, hvor der kom et svar.');
    expect(textOf(page('en/consultations.html', both))).toContain('When the region consults civil society, it invites organisations from the hearing list that the consultation concerns. Each consultation below says how many');
  });

  it('shows the standing hearing list', () => {
    expect(textOf(p)).toContain('3 organisationer står på regionens stående høringsliste pr. 1. jun. 2026');
  });
});

describe('organisation pages', () => {
  it('show public details, offers, agreements, calls and consultations', () => {
    const p = textOf(page('organisations/alpha.html'));
    expect(p).toContain('Art Patientforening Områder Psykiatri Patientgrupper Depression Kommuner Aarhus Hjemmeside alpha.example CVR-nummer 12345674 Høringslisten På den stående høringsliste siden 1. jan. 2020');
    expect(p).toContain('Aktive tilbud Samtalegruppe for voksne');
    expect(p).toContain('Fælles samtaletilbud sammen med én anden organisation Gældende');
    expect(p).toContain('Udvalgt i opslag Samtaletilbud 2026 (frist 1. nov. 2025) Gammelt opslag (frist 1. mar. 2024)');
    expect(p).toContain('Høring om udskrivning – svar modtaget 1. mar. 2026');
    expect(page('organisations/alpha.html')).toContain('<a href="https://alpha.example/" rel="external">alpha.example</a>');
  });

  it('never link a website with a user name or password in it, and never let a website address become markup', () => {
    const p = page('organisations/beta.html');
    expect(p).not.toContain('hemmelig');
    expect(textOf(p)).not.toContain('Hjemmeside');
    const g = page('organisations/gamma.html');
    expect(g).toContain('<a href="https://gamma.example/%22%3E%3Cscript%3Ealert(1)%3C/script%3E" rel="external">');
    expect(g).not.toContain('<script>');
  });

  it('say when an organisation is no longer active', () => {
    expect(textOf(page('organisations/gamma.html'))).toContain('Organisationen er ikke længere aktiv i regionens register.');
  });

  it('show a grant from a call that no agreement carries, as the funding page counts it', () => {
    // Æblehaven was granted 30,000 in c-recent (15,000 a year for 2026 and 2027); a1, from the same call, is Alpha's and
    // Beta's, so it does not carry Æblehaven's grant, nor Alpha's own grant in full (the 40,000 applied for): a1 is
    // not made for Alpha alone. Beta has no grant in the call: nothing said.
    const app = (id: string, org: string, decision: string) => `id: ${id}\ncall: c-recent\norganisations: [${org}]\namount_dkk: 40000\nkind: development\nyears: [2026, 2027]\nreceived: 2025-10-20\ndecision:\n${decision}`;
    const site = buildSite(loadFiles({ ...siteFiles(),
      'applications/r-aeble.yaml': app('r-aeble', 'aeblehaven', '  outcome: partly\n  date: 2025-12-01\n  amount_dkk: 30000\n  reason: Delvis\n'),
      'applications/r-alpha.yaml': app('r-alpha', 'alpha', '  outcome: granted\n  date: 2025-12-01\n') }), { asOf: AS_OF, languages: ['da', 'en'] });
    const aeble = textOf(site.get('organisations/aeblehaven.html')!);
    expect(aeble).toContain('Ingen aftaler med regionen.');
    expect(aeble).toContain('Udvalgt i opslag Samtaletilbud 2026 (frist 1. nov. 2025) – bevilget 30.000 kr.');
    expect(textOf(site.get('en/organisations/aeblehaven.html')!)).toContain('(deadline 1 Nov 2025) – granted DKK 30,000');
    expect(textOf(site.get('organisations/alpha.html')!)).toContain('Samtaletilbud 2026 (frist 1. nov. 2025) – bevilget 40.000 kr.');
    expect(textOf(site.get('organisations/beta.html')!)).not.toContain('bevilget');
    // The same money as the funding page counts for Æblehaven in the pool's years.
    expect(textOf(site.get('funding.html')!)).toMatch(/Æblehaven[^.]*15\.000 kr\./);
  });
});

describe('escaping', () => {
  it('escapes every value from the data', () => {
    for (const [path, content] of da) {
      if (!path.endsWith('.html')) continue;
      expect(content, path).not.toContain('<Forening>');
    }
    expect(page('organisations/beta.html')).toContain('<title>Beta &lt;Forening&gt; &amp; Co – Region Test og civilsamfundet</title>');
  });
});
