// `call show` and `application show` say a call's criteria by their wording in the user's language,
// with their weight and kinds of funding by their labels, and an application's scores and decision
// by the criterion's wording: never a criterion's id or a nested field's code.
import { describe, expect, it } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder } from '../helpers/folder.js';

const CALL = {
  id: 'c1', title: 'Opslag', areas: ['psychiatry'], scope: 'regional', published: '2026-01-05', deadline: '2026-02-01', channel: 'public',
  criteria: ['Se også puljens kriterier', { id: 'reach', text: { da: 'Når mange', en: 'Reaches many' }, weight: 2 }, { id: 'need', text: { da: 'Dækker et behov' }, kinds: ['operation'] }],
  declarations: [{ assessor: 'X', date: '2026-02-05', ties: [] }],
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
    expect(rows(da.stdout, 'Kriterier 1')).toBe('Se også puljens kriterier');
    expect(rows(da.stdout, 'Kriterier 2')).toBe('Når mange · vægt: 2');
    expect(rows(da.stdout, 'Kriterier 3')).toBe('Dækker et behov · kun til: drift');
    // A declaration of no ties says so, not a label with nothing after it.
    expect(rows(da.stdout, 'Habilitetserklæringer 1')).toBe('bedømmer: X · dato: 5. feb. 2026 · tilknytninger: ingen');
    expect(da.stdout).not.toMatch(/\b(id|text|weight|kinds): /);
    const en = await civsam(['call', 'show', 'c1', '--data', dir], { env: { COLUMNS: '120' } });
    expect(rows(en.stdout, 'Criteria 2')).toBe('Reaches many · weight: 2');
    // A text given only in Danish is shown in Danish rather than not at all.
    expect(rows(en.stdout, 'Criteria 3')).toBe('Dækker et behov · only for: operation');
  });

  it('application show: each score on its line by the criterion\'s wording, the decision\'s criteria too', async () => {
    const da = await civsam(['application', 'show', 'c1-alpha', '--data', dir], { env: { CIVSAM_LANG: 'da', COLUMNS: '120' } });
    expect(da.code).toBe(0);
    expect(rows(da.stdout, 'Bedømmelser 1')).toBe('bedømmer: X · dato: 10. feb. 2026 · karakterer: 4 – Når mange 3 – Dækker et behov');
    expect(rows(da.stdout, 'Afgørelse: kriterier')).toBe('Dækker et behov');
    expect(da.stdout).not.toMatch(/kriterium: |reach|need\b/);
  });
});
