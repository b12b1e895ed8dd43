// civsam export 360giving: the sample's grants validate against the 360Giving Data Standard's own
// JSON Schema (release 1.4.3, vendored in test/fixtures/360giving), one grant per agreement, pool
// and year, adding up to the funding overview's allocated total; identifiers as org-id.guide says.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { countedLines } from '../../src/domain/allocation.js';
import { buildGrants, grantRow, grantsPackage } from '../../src/reports/grants.js';
import { civsam, ROOT } from '../helpers/cli.js';
import { makeFolder } from '../helpers/folder.js';
import { loadFiles, siteFiles } from '../publish/fixture.js';

const DATA = join(ROOT, 'data');
const FIXTURES = join(ROOT, 'test/fixtures/360giving');
// The files name their dialect as http://json-schema.org/draft/2020-12/schema; ajv knows it by its
// https address. The files stay as released; the dialect is named as ajv knows it when loaded.
const schema = (name: string) => ({ ...JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')), $schema: 'https://json-schema.org/draft/2020-12/schema' });

function validator() {
  const ajv = new (Ajv2020 as unknown as typeof Ajv2020.default)({ strict: false, allErrors: true });
  (addFormats as unknown as typeof addFormats.default)(ajv);
  ajv.addSchema(schema('360-giving-schema.json'));
  return ajv.compile(schema('360-giving-package-schema.json'));
}

describe('civsam export 360giving on the sample data', async () => {
  const r = await civsam(['export', '360giving', '--data', DATA]);
  const pkg = JSON.parse(r.stdout) as { grants: { id: string; amountAwarded: number }[] };

  it('validates against the 360Giving package schema', () => {
    const validate = validator();
    const ok = validate(pkg);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(r.code).toBe(0);
  });

  it('the check can fail: a grant without its amount or with a bad date is refused', () => {
    const validate = validator();
    const broken = structuredClone(pkg) as { grants: Record<string, unknown>[] };
    delete broken.grants[0].amountAwarded;
    broken.grants[1].awardDate = '2026-13-01';
    expect(validate(broken)).toBe(false);
  });

  it('has one grant per agreement, pool, year and organisation, adding up to the funding overview\'s allocated total and, per organisation, to its part', async () => {
    const { folder } = await import('../../src/validate/check-folder.js').then(async (m) => m.checkFolder((await import('../../src/store/load-folder.js')).readFolder(DATA)));
    const lines = countedLines(folder);
    const parts = new Set(lines.flatMap((l) => l.organisations.map((o) => `${l.agreement}|${l.application}|${l.pool}|${l.year}|${o}`)));
    expect(pkg.grants.length).toBe(parts.size);
    expect(new Set(pkg.grants.map((g) => g.id)).size).toBe(pkg.grants.length);
    const overview = JSON.parse((await civsam(['overview', 'funding', '--data', DATA, '--format', 'json', '--as-of', '2026-11-23'])).stdout) as { totals: { allocated: number }[] };
    const allocated = overview.totals.reduce((s, t) => s + t.allocated, 0);
    expect(pkg.grants.reduce((s, g) => s + g.amountAwarded, 0)).toBe(allocated);
    expect(r.stderr).toBe(`${pkg.grants.length} grants in the 360Giving Data Standard, ${allocated.toLocaleString('en-GB')} DKK in all.\n`);
    // Each organisation's grants add up to what the overview gives it, to within less than a krone for each shared line.
    const byOrganisation = JSON.parse((await civsam(['overview', 'funding', '--data', DATA, '--by', 'organisation', '--format', 'json', '--as-of', '2026-11-23'])).stdout) as { organisations: { organisation: { id: string; name: string }; total: number }[] };
    const granted = new Map<string, number>();
    for (const g of pkg.grants as unknown as { amountAwarded: number; recipientOrganization: { name: string }[] }[]) {
      expect(g.recipientOrganization).toHaveLength(1);
      granted.set(g.recipientOrganization[0].name, (granted.get(g.recipientOrganization[0].name) ?? 0) + g.amountAwarded);
    }
    expect(granted.size).toBe(byOrganisation.organisations.length);
    for (const o of byOrganisation.organisations) {
      const shared = lines.filter((l) => l.organisations.length > 1 && l.organisations.includes(o.organisation.id)).length;
      expect(Math.abs(granted.get(o.organisation.name)! - o.total)).toBeLessThan(shared + 1e-6);
    }
  });
});

describe('the grants of a small folder', () => {
  const grants = buildGrants(loadFiles({ ...siteFiles(), 'civsam.yaml': 'region:\n  name: Region Test\n  cvr: "29190925"\nlanguage: da\n' }), 'da');

  it('one grant per agreement, pool, year and organisation, with identifiers from CVR numbers or the region\'s prefix', () => {
    // a1 (active, via the public call c-recent): pool-one 2026 60,000 and pool-two 2026 100,000, shared by Alpha (CVR) and Beta (none);
    // a2 (ended, by exemption): pool-one 2025 40,000, Alpha's alone; the draft a3 gives no grant.
    expect(grants.map((g) => [g.id, g.amountAwarded, g.fromOpenCall, g.recipientOrganization.map((o) => o.id), g.grantProgramme[0].code])).toEqual([
      ['360G-region-test-a1-pool-one-2026-alpha', 30000, 'Yes', ['DK-CVR-12345674'], 'pool-one'],
      ['360G-region-test-a1-pool-one-2026-beta', 30000, 'Yes', ['360G-region-test-beta'], 'pool-one'],
      ['360G-region-test-a1-pool-two-2026-alpha', 50000, 'Yes', ['DK-CVR-12345674'], 'pool-two'],
      ['360G-region-test-a1-pool-two-2026-beta', 50000, 'Yes', ['360G-region-test-beta'], 'pool-two'],
      ['360G-region-test-a2-pool-one-2025', 40000, 'No', ['DK-CVR-12345674'], 'pool-one'],
    ]);
    expect(grants[0].fundingOrganization).toEqual([{ id: 'DK-CVR-29190925', name: 'Region Test' }]);
    expect(grants[0].beneficiaryLocation).toEqual([{ name: 'Aarhus', countryCode: 'DK' }]);
    // a2 was made by an exemption approved on 2024-12-01: that is when its grant was decided.
    expect([grants[4].awardDate, grants[4].plannedDates]).toEqual(['2024-12-01', [{ startDate: '2025-01-01', endDate: '2025-12-31' }]]);
    // A pool whose name says it is one is not called "the pool" again; another name is.
    expect(grants[0].description).toBe('Bevilling fra Pulje Et for 2026 til samarbejdsaftalen »Fælles samtaletilbud«. Bevillingen på 60.000 kr. er delt ligeligt mellem 2 organisationer, som hver har fået sin del som en bevilling for sig; dette er modtagerens del.');
    expect(grants[4].description).toBe('Bevilling fra Pulje Et for 2025 til samarbejdsaftalen »Drift af samtalegruppen«.');
    const other = buildGrants(loadFiles({ ...siteFiles(), 'pools/pool-one.yaml': siteFiles()['pools/pool-one.yaml'].replace('name: Pulje Et', 'name: Psykiatrimidlerne') }), 'da');
    expect(other[0].description).toMatch(/^Bevilling fra puljen Psykiatrimidlerne for 2026 til samarbejdsaftalen »/);
    // Never a contact person's data.
    expect(JSON.stringify(grants)).not.toMatch(/Karen|karen|Jens|jens|12 34 56 78|87654321/);
  });

  it('a grant decided on an application that no agreement carries is a grant too, given on the decision\'s date', () => {
    // Æblehaven applied to c-recent (public, pool-one, Aarhus) for 2026 and 2027 and was granted 30,000 on 2025-12-01:
    // 15,000 a year. a1, from the same call, is Alpha's and Beta's, so it does not carry Æblehaven's grant.
    const application = 'id: r-aeble\ncall: c-recent\norganisations: [aeblehaven]\ntitle: Samtaler i haven\namount_dkk: 40000\nkind: development\nyears: [2026, 2027]\nreceived: 2025-10-20\ndecision:\n  outcome: partly\n  date: 2025-12-01\n  amount_dkk: 30000\n  reason: Delvis\n';
    const folder = loadFiles({ ...siteFiles(), 'civsam.yaml': 'region:\n  name: Region Test\nlanguage: da\n', 'applications/r-aeble.yaml': application });
    const from = buildGrants(folder, 'da').filter((g) => g.id.includes('r-aeble'));
    expect(from.map((g) => [g.id, g.amountAwarded, g.awardDate, g.plannedDates?.[0], g.fromOpenCall, g.recipientOrganization.map((o) => o.id), g.beneficiaryLocation])).toEqual([
      ['360G-region-test-application-r-aeble-pool-one-2026', 15000, '2025-12-01', { startDate: '2026-01-01', endDate: '2026-12-31' }, 'Yes', ['360G-region-test-aeblehaven'], [{ name: 'Aarhus', countryCode: 'DK' }]],
      ['360G-region-test-application-r-aeble-pool-one-2027', 15000, '2025-12-01', { startDate: '2027-01-01', endDate: '2027-12-31' }, 'Yes', ['360G-region-test-aeblehaven'], [{ name: 'Aarhus', countryCode: 'DK' }]],
    ]);
    expect(from[0].description).toBe('Bevilling fra Pulje Et for 2026 til ansøgningen »Samtaler i haven«.');
    expect(validator()(grantsPackage(buildGrants(folder, 'da')))).toBe(true);
  });

  it('as CSV: 360Giving\'s column titles, comma-separated', async () => {
    const dir = makeFolder(siteFiles());
    const r = await civsam(['export', '360giving', '--data', dir, '--format', 'csv']);
    expect(r.stdout.split('\r\n')[0]).toBe('\uFEFFIdentifier,Title,Description,Currency,Amount Awarded,Award Date,Planned Dates:Start Date,Planned Dates:End Date,Recipient Org:Identifier,Recipient Org:Name,Funding Org:Identifier,Funding Org:Name,Grant Programme:Code,Grant Programme:Title,From An Open Call?,Beneficiary Location:Name,Beneficiary Location:Country Code');
    expect((await civsam(['export', '360giving', '--data', dir, '--output', 'x.xlsx'])).stderr).toBe('error: civsam export 360giving writes json or csv, not xlsx. Give --format json or csv, or an --output file ending in .json or .csv.\n');
  });
});

describe('a grant\'s dates', () => {
  const region = 'region:\n  name: Region Test\nlanguage: da\n';
  const at = (files: Record<string, string>) => buildGrants(loadFiles({ ...siteFiles(), 'civsam.yaml': region, ...files }), 'da');
  const dates = (grants: ReturnType<typeof buildGrants>, id: string) => grants.filter((g) => g.id.includes(`-${id}-`)).map((g) => [g.id.replace('360G-region-test-', ''), g.awardDate, g.plannedDates ?? null]);

  it('money for a year outside the agreement\'s period has no planned dates, and its award date is the exemption\'s approval, not the later start', () => {
    // Approved 2026-11-01 to start 2027-01-01, with 2026's money: no day of 2026 lies in its period.
    const a4 = 'id: a4\ntitle: Angstcafé\norganisations: [gamma]\nareas: [psychiatry]\nmunicipalities: [aarhus]\nstart: 2027-01-01\nend: 2027-12-31\nstatus: active\nfunding:\n  - pool: pool-one\n    year: 2026\n    kind: development\n    amount_dkk: 20000\n  - pool: pool-one\n    year: 2027\n    kind: development\n    amount_dkk: 5000\nestablished_by:\n  exemption:\n    reason: Forsøg\n    approved_by: Direktionen\n    date: 2026-11-01\n';
    const grants = at({ 'agreements/a4.yaml': a4 });
    expect(dates(grants, 'a4')).toEqual([
      ['a4-pool-one-2026', '2026-11-01', null],
      ['a4-pool-one-2027', '2026-11-01', [{ startDate: '2027-01-01', endDate: '2027-12-31' }]],
    ]);
    // In the CSV the planned dates are empty cells, never an end before the start.
    const row = grantRow(grants.find((g) => g.id.endsWith('a4-pool-one-2026'))!);
    expect(row.slice(5, 8)).toEqual(['2026-11-01', '', '']);
    expect(validator()(grantsPackage(grants))).toBe(true);
  });

  it('a year partly inside the period is cut to it; without a decision or an exemption the award date is the start', () => {
    const a4 = 'id: a4\ntitle: Angstcafé\norganisations: [gamma]\nareas: [psychiatry]\nmunicipalities: [aarhus]\nstart: 2026-03-01\nend: 2027-06-30\nstatus: active\nfunding:\n  - pool: pool-one\n    year: 2026\n    kind: development\n    amount_dkk: 20000\n  - pool: pool-one\n    year: 2027\n    kind: development\n    amount_dkk: 5000\n';
    expect(dates(at({ 'agreements/a4.yaml': a4 }), 'a4')).toEqual([
      ['a4-pool-one-2026', '2026-03-01', [{ startDate: '2026-03-01', endDate: '2026-12-31' }]],
      ['a4-pool-one-2027', '2026-03-01', [{ startDate: '2027-01-01', endDate: '2027-06-30' }]],
    ]);
  });

  it('an agreement made from a grant on an application was awarded on the decision\'s date, for the money from the call\'s pool', () => {
    // a1 (Alpha and Beta, from c-recent, whose pool is pool-one) is the agreement the application became.
    const app = 'id: r-faelles\ncall: c-recent\norganisations: [alpha, beta]\ntitle: Fælles samtaler\namount_dkk: 60000\nkind: development\nyears: [2026]\nreceived: 2025-10-20\nagreement: a1\ndecision:\n  outcome: granted\n  date: 2025-12-01\n  amount_dkk: 60000\n';
    const grants = at({ 'applications/r-faelles.yaml': app });
    // The decision's money is counted through a1, once; pool-two's was not decided on the application: a1's start stands for it.
    expect(grants.filter((g) => g.id.includes('r-faelles'))).toEqual([]);
    expect(dates(grants, 'a1')).toEqual([
      ['a1-pool-one-2026-alpha', '2025-12-01', [{ startDate: '2026-01-01', endDate: '2026-12-31' }]],
      ['a1-pool-one-2026-beta', '2025-12-01', [{ startDate: '2026-01-01', endDate: '2026-12-31' }]],
      ['a1-pool-two-2026-alpha', '2025-01-01', [{ startDate: '2026-01-01', endDate: '2026-12-31' }]],
      ['a1-pool-two-2026-beta', '2025-01-01', [{ startDate: '2026-01-01', endDate: '2026-12-31' }]],
    ]);
  });
});

describe('a grant shared by several organisations', () => {
  it('gives each its part in whole kroner that add up to the line, the first named taking the kroner left over, each under an id of its own', () => {
    const a4 = 'id: a4\ntitle: Fælles netværk\norganisations: [gamma, alpha, beta]\nareas: [psychiatry]\nmunicipalities: [aarhus]\nstart: 2026-01-01\nend: 2026-12-31\nstatus: active\nfunding:\n  - pool: pool-two\n    year: 2026\n    kind: operation\n    amount_dkk: 100001\n  - pool: pool-two\n    year: 2026\n    kind: operation\n    amount_dkk: 1\n';
    const grants = buildGrants(loadFiles({ ...siteFiles(), 'civsam.yaml': 'region:\n  name: Region Test\nlanguage: en\n', 'agreements/a4.yaml': a4 }), 'en');
    const parts = grants.filter((g) => g.id.includes('-a4-')).map((g) => [g.id, g.amountAwarded, g.recipientOrganization.map((o) => o.name)]);
    // 100,001 in three: 33,334, 33,334, 33,333; 1 in three: 1, 0, 0. Each line's parts add up to it.
    expect(parts).toEqual([
      ['360G-region-test-a4-pool-two-2026-alpha', 33334, ['Alpha Forening']],
      ['360G-region-test-a4-pool-two-2026-beta', 33333, ['Beta <Forening> & Co']],
      ['360G-region-test-a4-pool-two-2026-gamma', 33335, ['Gamma Klubben']],
    ]);
    expect(grants.find((g) => g.id.endsWith('a4-pool-two-2026-beta'))!.description).toBe('Grant from Pulje To for 2026 to the collaboration agreement “Fælles netværk”. The grant of DKK 100,002 is split equally between 3 organisations, each given its part as a grant of its own; this is the recipient\'s part.');
  });
});

describe('a grant decided on an application without a title', () => {
  it('is titled as a grant to its organisations under its call, and its description does not call the call\'s title the application\'s', () => {
    const application = 'id: r-aeble\ncall: c-recent\norganisations: [aeblehaven]\namount_dkk: 40000\nkind: development\nyears: [2026]\nreceived: 2025-10-20\ndecision:\n  outcome: granted\n  date: 2025-12-01\n  reason: God\n';
    const folder = loadFiles({ ...siteFiles(), 'civsam.yaml': 'region:\n  name: Region Test\nlanguage: da\n', 'applications/r-aeble.yaml': application });
    const call = folder.records.call.get('c-recent')!.title;
    const org = folder.records.organisation.get('aeblehaven')!.name;
    const [da] = buildGrants(folder, 'da').filter((g) => g.id.includes('r-aeble'));
    expect([da.title, da.description]).toEqual([`Bevilling til ${org} under opslaget »${call}«`, `Bevilling fra Pulje Et for 2026 til ansøgningen fra ${org} under opslaget »${call}«.`]);
    const [en] = buildGrants(folder, 'en').filter((g) => g.id.includes('r-aeble'));
    expect([en.title, en.description]).toEqual([`Grant to ${org} under the call “${call}”`, `Grant from Pulje Et for 2026 to the application from ${org} under the call “${call}”.`]);
    expect(validator()(grantsPackage(buildGrants(folder, 'da')))).toBe(true);
  });
});
