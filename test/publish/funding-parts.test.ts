// The public site's recipients of a pool-year: a line shared by three organisations gives each a
// third, shown as its exact value in whole kroner (half up), the same for every partner, with its
// share likewise; where the amounts shown then miss the year's allocation, a note says so once.
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../src/site/site.js';
import { loadFixture, overviewFiles } from '../report/fixture.js';
import { textOf } from './fixture.js';

describe('the funding page\'s recipients', () => {
  it('show a line of 400.000 kr. shared by three as the same 133.333 kr. and share for each partner, and say once that rounding may miss the total', () => {
    const files = overviewFiles();
    files['agreements/a-three.yaml'] = 'id: a-three\ntitle: Aftale a-three\norganisations: [alpha, beta, delta]\nscope: regional\nstart: 2027-01-01\nstatus: active\nfunding:\n  - pool: pool-general\n    year: 2027\n    kind: development\n    amount_dkk: 400000\n';
    const site = buildSite(loadFixture(files), { asOf: '2026-06-01', languages: ['da'] });
    const text = textOf(String(site.get('funding.html')));
    const table = text.slice(text.lastIndexOf('Hver organisations andel af Almen pulje i 2027'));
    expect(table).toMatch(/^Hver organisations andel af Almen pulje i 2027 Organisation Beløb Andel Beta Netværket 183\.333 kr\. 40,7 % Alpha Forening 133\.333 kr\. 29,6 % Delta Diabetesforening 133\.333 kr\. 29,6 % Hvert beløb og hver andel er afrundet for sig \(til hele kroner og en tiendedel procent\), så organisationer med de samme midler står med de samme tal; lagt sammen kan de afvige en krone fra de bevilgede 450\.000 kr\. eller fra 100 %\. /);
  });

  it('two organisations with the same money show the same share (not 29,2 % and 29,1 %)', () => {
    const files = overviewFiles();
    const pool = 'id: p\nname: Puljen\nareas: [psychiatry]\neligible_kinds: [operation]\nbudgets:\n  - year: 2027\n    amount_dkk: 2000000\n';
    const line = (id: string, org: string, amount: number) => `id: ${id}\ntitle: Aftale ${id}\norganisations: [${org}]\nscope: regional\nstart: 2027-01-01\nstatus: active\nfunding:\n  - pool: p\n    year: 2027\n    kind: operation\n    amount_dkk: ${amount}\n`;
    Object.assign(files, { 'pools/p.yaml': pool, 'agreements/x1.yaml': line('x1', 'alpha', 350_000), 'agreements/x2.yaml': line('x2', 'beta', 350_000), 'agreements/x3.yaml': line('x3', 'delta', 500_000) });
    const site = buildSite(loadFixture(files), { asOf: '2026-06-01', languages: ['da'] });
    const text = textOf(String(site.get('funding.html')));
    const table = text.slice(text.lastIndexOf('Hver organisations andel af Puljen i 2027'));
    expect(table).toMatch(/^Hver organisations andel af Puljen i 2027 Organisation Beløb Andel Delta Diabetesforening 500\.000 kr\. 41,7 % (Alpha Forening|Beta Netværket) 350\.000 kr\. 29,2 % (Alpha Forening|Beta Netværket) 350\.000 kr\. 29,2 % /);
    // The amounts add up; the shares, each rounded, give 100,1 %: said once.
    expect(table.match(/afrundet for sig/g)).toHaveLength(1);
  });
});
