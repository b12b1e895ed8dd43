// The public site's recipients of a pool-year: a line shared by three organisations gives each a
// third, shown in whole kroner that add up to what the pool-year allocated.
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../src/site/site.js';
import { loadFixture, overviewFiles } from '../report/fixture.js';
import { textOf } from './fixture.js';

describe('the funding page\'s recipients', () => {
  it('show a line of 400.000 kr. shared by three as 133.334 + 133.333 + 133.333 kr., and shares that add up to 100 %', () => {
    const files = overviewFiles();
    files['agreements/a-three.yaml'] = 'id: a-three\ntitle: Aftale a-three\norganisations: [alpha, beta, delta]\nscope: regional\nstart: 2027-01-01\nstatus: active\nfunding:\n  - pool: pool-general\n    year: 2027\n    kind: development\n    amount_dkk: 400000\n';
    const site = buildSite(loadFixture(files), { asOf: '2026-06-01', languages: ['da'] });
    const text = textOf(String(site.get('funding.html')));
    const table = text.slice(text.lastIndexOf('Hver organisations andel af Almen pulje i 2027'));
    expect(table).toMatch(/^Hver organisations andel af Almen pulje i 2027 Organisation Beløb Andel Beta Netværket 183\.334 kr\. 40,8 % Alpha Forening 133\.333 kr\. 29,6 % Delta Diabetesforening 133\.333 kr\. 29,6 % /);
  });
});
