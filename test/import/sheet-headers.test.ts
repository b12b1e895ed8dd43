// Spreadsheet headers in each language: every column of every kind headed in Danish in a Danish
// sheet (the words `show` uses), each column read back by its Danish header, its English header
// (the data contract's field name) and its label in either language, and a header civsam does not
// know answered with the nearest fields as the sheet's language heads them.
import { describe, expect, it } from 'vitest';
import { RECORD_KINDS } from '../../src/domain/kinds.js';
import { translate } from '../../src/i18n/index.js';
import { fieldLabel } from '../../src/i18n/values.js';
import { formatItems, parseCell, type CellContext } from '../../src/spreadsheets/import/cells.js';
import { columnsOf, foldHeader, headerIndex, type ValueKind } from '../../src/spreadsheets/import/columns.js';
import { mapHeader } from '../../src/spreadsheets/import/headers.js';
import { WordIndex } from '../../src/spreadsheets/import/values.js';

/** Field names that are Danish words too, so a Danish header may spell them the same. */
const SAME_IN_DANISH = new Set(['id', 'status', 'start', 'organisation', 'cvr']);

describe('Danish headers', () => {
  it('head every column of every kind in Danish words, none with a field name of the data contract', () => {
    const english = RECORD_KINDS.flatMap((kind) => columnsOf(kind)
      .filter((c) => (c.header.da === c.field && !SAME_IN_DANISH.has(c.field)) || /[.]|_dkk|url/.test(c.header.da))
      .map((c) => `${kind}: ${c.header.da}`));
    expect(english).toEqual([]);
  });

  it('are the words show uses for a field, kept as earlier exports wrote them where those differ', () => {
    const da = (kind: (typeof RECORD_KINDS)[number], field: string) => columnsOf(kind).find((c) => c.field === field)?.header.da;
    expect([da('pool', 'apply_url'), da('consultation', 'opens'), da('consultation', 'closed_early_reason'), da('call', 'score_scale.min'), da('call', 'declarations'), da('agreement', 'reports')])
      .toEqual(['ansøgningslink', 'åbner', 'begrundelse_for_at_lukke_før_fristen', 'karakterskala_laveste', 'habilitetserklæringer', 'rapporter']);
    expect(columnsOf('application').map((c) => c.header.da)).toEqual([
      'id', 'opslag', 'organisationer', 'titel', 'beløb', 'art', 'år', 'modtaget', 'bedømmelser', 'afgørelse_udfald', 'afgørelse_dato',
      'afgørelse_beløb', 'afgørelse_begrundelse', 'afgørelse_kriterier', 'afgørelse_formel_grund', 'afgørelse_journalnummer', 'aftale', 'noter',
    ]);
    // Headers staff's sheets already carry stay as they were.
    expect([da('organisation', 'contact.name'), da('offer', 'active_from'), da('agreement', 'funding'), da('consultation', 'deadline_reason')])
      .toEqual(['kontaktperson', 'aktiv_fra', 'finansiering', 'begrundelse_for_frist']);
  });

  it('name an agreement\'s exemption as Danish does (undtagelse), and still read the headers earlier exports wrote (dispensation)', () => {
    const da = (field: string) => columnsOf('agreement').find((c) => c.field === field)?.header.da;
    const fields = ['established_by.exemption.reason', 'established_by.exemption.approved_by', 'established_by.exemption.date'];
    expect(fields.map(da)).toEqual(['undtagelse_begrundelse', 'undtagelse_godkendt_af', 'undtagelse_dato']);
    const index = headerIndex('agreement');
    for (const old of ['dispensation_begrundelse', 'dispensation_godkendt_af', 'dispensation_dato']) expect(fields).toContain(index.get(foldHeader(old))?.field);
  });

  it('English headers are the data contract\'s field names', () => {
    for (const kind of RECORD_KINDS) expect(columnsOf(kind).map((c) => c.header.en)).toEqual(columnsOf(kind).map((c) => c.field));
  });
});

describe('reading a header', () => {
  it('finds every column by its Danish header, its English header, its field name and its label in each language, each for that column alone', () => {
    const wrong: string[] = [];
    for (const kind of RECORD_KINDS) {
      const index = headerIndex(kind);
      for (const c of columnsOf(kind)) {
        for (const h of [c.header.da, c.header.en, c.field, fieldLabel('da', kind, c.field), fieldLabel('en', kind, c.field)]) {
          const found = index.get(foldHeader(h))?.field;
          if (found !== c.field) wrong.push(`${kind}: ${h} → ${found ?? 'nothing'}, not ${c.field}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('reads the headers earlier Danish exports wrote (English field names where Danish had none)', () => {
    const field = (kind: (typeof RECORD_KINDS)[number], h: string) => headerIndex(kind).get(foldHeader(h))?.field;
    expect([field('pool', 'apply_url'), field('consultation', 'opens'), field('agreement', 'reports'), field('call', 'score_scale.min'), field('organisation', 'Kontakt: e-mail'), field('offer', 'Aktivt fra')])
      .toEqual(['apply_url', 'opens', 'reports', 'score_scale.min', 'contact.email', 'active_from']);
  });
});

describe('a header civsam does not know', () => {
  const closest = (lang: 'da' | 'en') => {
    const m = mapHeader('organisation', ['nanv', 'art'], () => true, new Map(), lang);
    expect(m.problems.map((p) => p.message.key)).toEqual(['import.header.unknown']);
    return translate(lang, m.problems[0].message.key, m.problems[0].message.params);
  };

  it('is answered with the nearest fields as the sheet heads them in Danish, and no English field name', () => {
    expect(closest('da')).toBe('overskriften er ikke et af felterne i en organisation. Nærmeste felter: navn, art, id. Ret overskriften, eller knyt den til et felt i en --map-fil (eller til ignorer, så springes den over).');
  });

  it('in English, with the English headers', () => {
    expect(closest('en')).toBe('this header is not one of the fields of an organisation. Closest fields: name, kind, id. Rename the header, or map it in a --map file (or map it to ignore).');
  });

  it('a --map file naming no field is answered with the fields as the sheet\'s language heads them', () => {
    const m = mapHeader('hearing-party', ['x'], () => true, new Map([[foldHeader('x'), 'nothing']]), 'da');
    expect(translate('da', m.problems[0].message.key, m.problems[0].message.params)).toBe('--map-filen knytter kolonnen til »nothing«, som ikke er et felt. Felterne er: id, organisation, områder, patientgrupper, siden, status, udtrådt_den.');
  });
});

describe('fields inside a list of objects in a cell', () => {
  const ctx: CellContext = {
    lang: 'da', listSeparator: ',',
    vocabularies: { 'patient-groups': new WordIndex(), municipalities: new WordIndex(), 'offer-types': new WordIndex() },
    records: { ids: { organisation: new Set(), offer: new Set(), agreement: new Set(), pool: new Set(), call: new Set(), 'hearing-party': new Set(), consultation: new Set(), application: new Set() }, organisationNames: new WordIndex(), organisationCvr: new Map() },
  };
  const responses = columnsOf('consultation').find((c) => c.field === 'responses')!.value as ValueKind;
  const withParty = { ...ctx, records: { ...ctx.records, ids: { ...ctx.records.ids, 'hearing-party': new Set(['lyspunktet']) } } };

  it('are written in Danish words in a Danish sheet, English field names in an English one, and read back from either', () => {
    const items = [{ party: 'lyspunktet', received: '2026-03-01' }];
    const da = formatItems(items, 'da', (_f, v) => String(v));
    const en = formatItems(items, 'en', (_f, v) => String(v));
    expect([da, en]).toEqual(['part=lyspunktet; modtaget=2026-03-01', 'party=lyspunktet; received=2026-03-01']);
    const assessor = formatItems([{ assessor: 'Fagkonsulent', date: '2026-03-01' }], 'da', (_f, v) => String(v));
    expect(assessor).toBe('bedømmer=Fagkonsulent; dato=2026-03-01');
    expect([parseCell(da, responses, withParty), parseCell(en, responses, withParty)]).toEqual([{ value: items }, { value: items }]);
  });

  it('a field the list does not have is answered with the list\'s fields in the sheet\'s language', () => {
    const r = parseCell('part=lyspunktet; modtget=2026-03-01', responses, withParty);
    expect('problem' in r && translate('da', r.problem.key, r.problem.params)).toBe('linje 1 nævner et felt, som listen ikke har. Dens felter er: part, modtaget, bemærkninger.');
  });
});
