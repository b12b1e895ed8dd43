// civsam export 360giving: the sample's grants validate against the 360Giving Data Standard's own
// JSON Schema (release 1.4.3, vendored in test/fixtures/360giving), one grant per agreement, pool
// and year, adding up to the funding overview's allocated total; identifiers as org-id.guide says.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { countedLines } from '../../src/domain/allocation.js';
import { buildGrants, grantsPackage } from '../../src/reports/grants.js';
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

  it('has one grant per agreement, pool and year, adding up to the funding overview\'s allocated total', async () => {
    const { folder } = await import('../../src/validate/check-folder.js').then(async (m) => m.checkFolder((await import('../../src/store/load-folder.js')).readFolder(DATA)));
    const triples = new Set(countedLines(folder).map((l) => `${l.agreement}|${l.pool}|${l.year}`));
    expect(pkg.grants.length).toBe(triples.size);
    expect(new Set(pkg.grants.map((g) => g.id)).size).toBe(pkg.grants.length);
    const overview = JSON.parse((await civsam(['overview', 'funding', '--data', DATA, '--format', 'json', '--as-of', '2026-11-23'])).stdout) as { totals: { allocated: number }[] };
    const allocated = overview.totals.reduce((s, t) => s + t.allocated, 0);
    expect(pkg.grants.reduce((s, g) => s + g.amountAwarded, 0)).toBe(allocated);
    expect(r.stderr).toBe(`${pkg.grants.length} grants in the 360Giving Data Standard, ${allocated.toLocaleString('en-GB')} DKK in all.\n`);
  });
});

describe('the grants of a small folder', () => {
  const grants = buildGrants(loadFiles({ ...siteFiles(), 'civsam.yaml': 'region:\n  name: Region Test\n  cvr: "29190925"\nlanguage: da\n' }), 'da');

  it('one grant per agreement, pool and year, with identifiers from CVR numbers or the region\'s prefix', () => {
    // a1 (active, via the public call c-recent): pool-one 2026 60,000 and pool-two 2026 100,000, Alpha (CVR) and Beta (none);
    // a2 (ended, by exemption): pool-one 2025 40,000; the draft a3 gives no grant.
    expect(grants.map((g) => [g.id, g.amountAwarded, g.fromOpenCall, g.recipientOrganization.map((o) => o.id), g.grantProgramme[0].code])).toEqual([
      ['360G-region-test-a1-pool-one-2026', 60000, 'Yes', ['DK-CVR-12345674', '360G-region-test-beta'], 'pool-one'],
      ['360G-region-test-a1-pool-two-2026', 100000, 'Yes', ['DK-CVR-12345674', '360G-region-test-beta'], 'pool-two'],
      ['360G-region-test-a2-pool-one-2025', 40000, 'No', ['DK-CVR-12345674'], 'pool-one'],
    ]);
    expect(grants[0].fundingOrganization).toEqual([{ id: 'DK-CVR-29190925', name: 'Region Test' }]);
    expect(grants[0].beneficiaryLocation).toEqual([{ name: 'Aarhus', countryCode: 'DK' }]);
    expect(grants[2].plannedDates).toEqual([{ startDate: '2025-01-01', endDate: '2025-12-31' }]);
    // A pool whose name says it is one is not called "the pool" again; another name is.
    expect(grants[0].description).toMatch(/^Bevilling fra Pulje Et for 2026 til samarbejdsaftalen »/);
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
    expect(from.map((g) => [g.id, g.amountAwarded, g.awardDate, g.plannedDates[0], g.fromOpenCall, g.recipientOrganization.map((o) => o.id), g.beneficiaryLocation])).toEqual([
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
