// `call show` and `application show` say a call's criteria by their wording in the user's language,
// with their weight and kinds of funding by their labels, and an application's scores and decision
// by the criterion's wording: never a criterion's id or a nested field's code.
import { describe, expect, it } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder } from '../helpers/folder.js';

const CALL = {
  id: 'c1', title: 'Opslag', areas: ['psychiatry'], scope: 'regional', published: '2026-01-05', deadline: '2026-02-01', channel: 'public',
  criteria: ['Se også puljens kriterier', { id: 'reach', text: { da: 'Når mange', en: 'Reaches many' }, weight: 2 }, { id: 'need', text: { da: 'Dækker et behov' }, kinds: ['operation'] }],
  declarations: [{ assessor: 'X', date: '2026-02-05', ties: [] }, { assessor: 'Y', date: '2026-02-06', ties: [{ organisation: 'alpha', relation: 'board' }] }],
};
const APPLICATION = {
  id: 'c1-alpha', call: 'c1', organisations: ['alpha'], amount_dkk: 1000, kind: 'operation', received: '2026-01-20',
  assessments: [{ assessor: 'X', date: '2026-02-10', scores: [{ criterion: 'reach', score: 4 }, { criterion: 'need', score: 3 }] }],
  decision: { outcome: 'granted', date: '2026-03-01', criteria: ['need'] },
};

/** The value column of the rows whose field starts with `field`, as one text (a table's lines joined). */
function rows(out: string, field: string): string {
  const lines = out.split('\n').filter((l) => l.startsWith('│'));
  const picked: string[] = [];
  let inside = false;
  for (const l of lines) {
    const [name, value] = l.split('│').slice(1, 3).map((c) => c.trim());
    if (name) inside = name.startsWith(field);
    if (inside) picked.push(value);
  }
  return picked.join(' ');
}

describe('show: criteria and scores by their wording', () => {
  const dir = makeFolder({ ...baseFiles(), 'calls/c1.yaml': JSON.stringify(CALL) + '\n', 'applications/c1-alpha.yaml': JSON.stringify(APPLICATION) + '\n' });

  it('call show: each criterion by its text in the language, weight and kinds by their labels, no id', async () => {
    const da = await civsam(['call', 'show', 'c1', '--data', dir], { env: { CIVSAM_LANG: 'da', COLUMNS: '120' } });
    expect(da.code).toBe(0);
    expect(rows(da.stdout, 'Kriterium 1')).toBe('Se også puljens kriterier');
    expect(rows(da.stdout, 'Kriterium 2')).toBe('Når mange · vægt: 2');
    expect(rows(da.stdout, 'Kriterium 3')).toBe('Dækker et behov · kun til: drift');
    // A declaration of no ties says so, not a label with nothing after it.
    expect(rows(da.stdout, 'Habilitetserklæring 1')).toBe('bedømmer: X · dato: 5. feb. 2026 · tilknytninger: ingen');
    // Ties by the organisation's name and the kind of tie in words, not as fields in brackets.
    expect(rows(da.stdout, 'Habilitetserklæring 2')).toBe('bedømmer: Y · dato: 6. feb. 2026 · tilknytninger: Alpha Forening (bestyrelsesmedlem)');
    expect(da.stdout).not.toMatch(/\b(id|text|weight|kinds): /);
    const en = await civsam(['call', 'show', 'c1', '--data', dir], { env: { COLUMNS: '120' } });
    expect(rows(en.stdout, 'Criterion 2')).toBe('Reaches many · weight: 2');
    // A text given only in Danish is shown in Danish rather than not at all.
    expect(rows(en.stdout, 'Criterion 3')).toBe('Dækker et behov · only for: operation');
  });

  it('application show: each score on its line by the criterion\'s wording, the decision\'s criteria too', async () => {
    const da = await civsam(['application', 'show', 'c1-alpha', '--data', dir], { env: { CIVSAM_LANG: 'da', COLUMNS: '120' } });
    expect(da.code).toBe(0);
    expect(rows(da.stdout, 'Bedømmelse 1')).toBe('bedømmer: X · dato: 10. feb. 2026 · karakterer: 4 – Når mange 3 – Dækker et behov');
    expect(rows(da.stdout, 'Afgørelse: kriterier')).toBe('Dækker et behov');
    expect(da.stdout).not.toMatch(/kriterium: |reach|need\b/);
  });
});

describe('show: one row per item of a list, headed by what one item is called', () => {
  const POOL = 'id: p1\nname: Puljen\nareas: [psychiatry]\neligible_kinds: [development]\nbudgets:\n  - {year: 2026, amount_dkk: 1000000}\n  - {year: 2027, amount_dkk: 1250000}\n';

  it('pool show: a budget a year, by its year, the amount alone', async () => {
    const dir = makeFolder({ ...baseFiles(), 'pools/p1.yaml': POOL });
    const da = await civsam(['pool', 'show', 'p1', '--data', dir], { env: { CIVSAM_LANG: 'da', COLUMNS: '120' } });
    expect(da.code).toBe(0);
    expect(rows(da.stdout, 'Budget 2026')).toBe('1.000.000 kr.');
    expect(rows(da.stdout, 'Budget 2027')).toBe('1.250.000 kr.');
    expect(da.stdout).not.toMatch(/Budgetter|år: |beløb: /);
    const en = await civsam(['pool', 'show', 'p1', '--data', dir], { env: { COLUMNS: '120' } });
    expect(rows(en.stdout, 'Budget 2027')).toBe('DKK 1,250,000');
    expect(en.stdout).not.toMatch(/Budgets|year: |amount: /);
  });

  it('consultation show: each response by its number', async () => {
    const dir = makeFolder({
      ...baseFiles(),
      'hearing-parties/alpha.yaml': 'id: alpha\norganisation: alpha\nareas: [psychiatry]\nsince: 2020-01-01\nstatus: active\n',
      'consultations/h1.yaml': 'id: h1\ntitle: Høring\nareas: [psychiatry]\nopens: 2026-01-05\ndeadline: 2026-02-20\nselection: limited\nseats: 1\ninvited: [alpha]\nresponses:\n  - {party: alpha, received: 2026-02-01}\nstatus: open\n',
    });
    const da = await civsam(['consultation', 'show', 'h1', '--data', dir], { env: { CIVSAM_LANG: 'da', COLUMNS: '120' } });
    expect(da.code, da.stderr).toBe(0);
    expect(rows(da.stdout, 'Svar 1')).toBe('part: alpha (Alpha Forening) · modtaget: 1. feb. 2026');
    const en = await civsam(['consultation', 'show', 'h1', '--data', dir], { env: { COLUMNS: '120' } });
    expect(rows(en.stdout, 'Response 1')).toBe('party: alpha (Alpha Forening) · received: 1 Feb 2026');
  });
});
