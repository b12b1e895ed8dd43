// A list is read by people: what a row refers to is named (the organisation, the offer type, the
// call), fixed values by their labels, in the reader's language, in the table and in CSV; the row's
// own id keeps its column, and JSON keeps the records' codes for scripts.
import { describe, expect, it } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';

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
    expect(r.stdout).toContain('| 2026 | Puljen | Aftalen | drift | 1.250.000 kr. |');
  });
});

describe('a list read by people', () => {
  // Ids spell Æ, Ø, Å as ae, oe, aa, so id order puts Åby first and Ærø before Bjarke.
  const dir = () => makeFolder({
    ...baseFiles(),
    // NFD, as macOS writes it (A and a combining ring): still Å, sorted last.
    'organisations/aa-aaby.yaml': org('aa-aaby', 'Åby Forening'.normalize('NFD')),
    'organisations/ae-aeroe.yaml': org('ae-aeroe', 'Ærø Forening'),
    'organisations/oe-oest.yaml': org('oe-oest', 'Østjysk Forening'),
    'organisations/zebra.yaml': org('zebra', 'Zebra Forening'),
    'organisations/oe-oerum.yaml': org('oe-oerum', 'Ørum Forening'),
    'organisations/bjarke.yaml': org('bjarke', 'bjarke forening'),
  });
  const names = (stdout: string) => stdout.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Id') && !l.startsWith('| ---')).map((l) => l.split(' | ')[1]!.normalize('NFC'));

  it('is in Danish order by the name shown (Æ, Ø, Å after Z), on screen and in Markdown', async () => {
    const md = await civsam(['org', 'list', '--data', dir(), '--format', 'md'], { env: { CIVSAM_LANG: 'da' } });
    expect(md.code, md.stderr).toBe(0);
    expect(names(md.stdout)).toEqual(['Alpha Forening', 'bjarke forening', 'Zebra Forening', 'Ærø Forening', 'Ørum Forening', 'Østjysk Forening', 'Åby Forening']);
    const table = await civsam(['org', 'list', '--data', dir()], { env: { CIVSAM_LANG: 'en', COLUMNS: '120' } });
    const shown = table.stdout.split('\n').flatMap((l) => /^│ (\S+ [Ff]orening) /.exec(l)?.[1] ?? []);
    expect(shown.map((n) => n.normalize('NFC'))).toEqual(['Alpha Forening', 'bjarke forening', 'Zebra Forening', 'Ærø Forening', 'Ørum Forening', 'Østjysk Forening', 'Åby Forening']);
  });

  it('near miss: JSON and CSV keep id order, the same on every run', async () => {
    const d = dir();
    const json = JSON.parse((await civsam(['org', 'list', '--data', d, '--format', 'json'])).stdout) as Array<{ id: string }>;
    expect(json.map((o) => o.id)).toEqual(['aa-aaby', 'ae-aeroe', 'alpha', 'bjarke', 'oe-oerum', 'oe-oest', 'zebra']);
    const csv = (await civsam(['org', 'list', '--data', d, '--format', 'csv'])).stdout.split('\r\n').slice(1, -1).map((l) => l.split(',')[0]);
    expect(csv).toEqual(['aa-aaby', 'ae-aeroe', 'alpha', 'bjarke', 'oe-oerum', 'oe-oest', 'zebra']);
  });
});
