// A list is read by people: what a row refers to is named (the organisation, the offer type, the
// call), fixed values by their labels, in the reader's language, in the table and in CSV; the row's
// own id keeps its column, and JSON keeps the records' codes for scripts.
import { describe, expect, it } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder } from '../helpers/folder.js';

const files = () => ({
  ...baseFiles(),
  'offers/samtale.yaml': 'id: samtale\norganisation: alpha\ntitle: Samtalegruppe om angst\ntype: peer-group\npatient_groups: [angst]\nareas: [psychiatry]\nmunicipalities: [aarhus]\nactive_from: 2026-01-05\n',
});

describe('offer list', () => {
  it('names the organisation and the offer type in Danish, in the table', async () => {
    const r = await civsam(['offer', 'list', '--data', makeFolder(files()), '--format', 'md'], { env: { CIVSAM_LANG: 'da' } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('| samtale | Samtalegruppe om angst | Alpha Forening | Samtalegruppe | 5. jan. 2026 |  | aktiv |');
  });

  it('CSV: the same names and labels, ISO dates a spreadsheet reads as dates', async () => {
    const da = await civsam(['offer', 'list', '--data', makeFolder(files()), '--format', 'csv'], { env: { CIVSAM_LANG: 'da' } });
    expect(da.stdout).toBe('\uFEFFId;Titel;Organisation;Type;Fra;Til;Status\r\nsamtale;Samtalegruppe om angst;Alpha Forening;Samtalegruppe;2026-01-05;;aktiv\r\n');
    const en = await civsam(['offer', 'list', '--data', makeFolder(files()), '--format', 'csv']);
    expect(en.stdout).toBe('\uFEFFId,Title,Organisation,Type,From,Until,Status\r\nsamtale,Samtalegruppe om angst,Alpha Forening,Peer group,2026-01-05,,active\r\n');
  });

  it('JSON keeps the ids and codes', async () => {
    const r = await civsam(['offer', 'list', '--data', makeFolder(files()), '--format', 'json'], { env: { CIVSAM_LANG: 'da' } });
    expect(JSON.parse(r.stdout)).toMatchObject([{ id: 'samtale', organisation: 'alpha', type: 'peer-group' }]);
  });
});

describe('agreement list', () => {
  it('CSV: plain amounts, as every CSV has them; the table in kroner', async () => {
    const dir = makeFolder({
      ...baseFiles(),
      'pools/p.yaml': 'id: p\nname: Puljen\nareas: [psychiatry]\neligible_kinds: [operation]\nbudgets:\n  - year: 2026\n    amount_dkk: 1000000\n',
      'agreements/a.yaml': 'id: a\ntitle: Aftalen\norganisations: [alpha]\nareas: [psychiatry]\npatient_groups: [angst]\nmunicipalities: [aarhus]\nstart: 2026-01-01\nstatus: active\nfunding:\n  - pool: p\n    year: 2026\n    kind: operation\n    amount_dkk: 1250000\nestablished_by:\n  exemption:\n    reason: Den eneste\n    approved_by: Udvalget\n    date: 2025-12-01\n',
    });
    const csv = await civsam(['agreement', 'list', '--data', dir, '--format', 'csv'], { env: { CIVSAM_LANG: 'da' } });
    expect(csv.stderr).toBe('');
    expect(csv.stdout.split('\r\n')[1]).toBe('a;Aftalen;Alpha Forening;2026-01-01;;aktiv;1250000');
    const md = await civsam(['agreement', 'list', '--data', dir, '--format', 'md'], { env: { CIVSAM_LANG: 'da' } });
    expect(md.stdout).toContain('| a | Aftalen | Alpha Forening | 1. jan. 2026 |  | aktiv | 1.250.000 kr. |');
  });
});

describe('org show', () => {
  it('names the pool of each funding line', async () => {
    const dir = makeFolder({
      ...baseFiles(),
      'pools/p.yaml': 'id: p\nname: Puljen\nareas: [psychiatry]\neligible_kinds: [operation]\nbudgets:\n  - year: 2026\n    amount_dkk: 1000000\n',
      'agreements/a.yaml': 'id: a\ntitle: Aftalen\norganisations: [alpha]\nareas: [psychiatry]\npatient_groups: [angst]\nmunicipalities: [aarhus]\nstart: 2026-01-01\nstatus: active\nfunding:\n  - pool: p\n    year: 2026\n    kind: operation\n    amount_dkk: 1250000\nestablished_by:\n  exemption:\n    reason: Den eneste\n    approved_by: Udvalget\n    date: 2025-12-01\n',
    });
    const r = await civsam(['org', 'show', 'alpha', '--data', dir, '--format', 'md'], { env: { CIVSAM_LANG: 'da' } });
    expect(r.stdout).toContain('| 2026 | Puljen | a | drift | 1.250.000 kr. |');
  });
});
