// The hearing list for the letter, the report after the deadline and an organisation's history, as
// data; and which contact addresses count as functional.
import { describe, expect, it } from 'vitest';
import { functionalAddress } from '../../src/hearing/contacts.js';
import { consultationReport, hearingListReport, historyReport } from '../../src/reports/hearing.js';
import { org } from '../helpers/folder.js';
import { consultationFile, hearingFiles, load } from './fixture.js';

const contact = (name: string, email: string) => `contact:\n  role: formand\n  name: ${name}\n  email: ${email}\n`;

// Four organisations whose names sort differently in Danish (æ, ø, å last; "Aa" as å) than by code point.
const files = () => hearingFiles(
  { ae: { org: 'o-ae', since: '2020-01-01' }, aa: { org: 'o-aa', since: '2020-01-01' }, b: { org: 'o-b', since: '2020-01-01' }, oe: { org: 'o-oe', since: '2020-01-01' }, z: { org: 'o-z', since: '2020-01-01' } },
  {
    k: {
      opens: '2026-02-01', deadline: '2026-03-15', invited: ['ae', 'aa', 'b', 'oe'], status: 'closed',
      omitted: [['z', 'Har frabedt sig høringer.']],
      responses: [['b', '2026-03-10'], ['oe', '2026-03-15']],
    },
  },
  {
    'organisations/o-ae.yaml': org('o-ae', 'Ærø Forening', undefined, contact('Hans Hansen', 'hans@aeroe.dk')),
    'organisations/o-aa.yaml': org('o-aa', 'Aarhus Forening', undefined, contact('Mette Kjær', 'info@aarhusforening.dk')),
    'organisations/o-b.yaml': org('o-b', 'Bedre Psykiatri Midt', undefined, contact('Lars Holm', 'lh@bedre.dk')),
    'organisations/o-oe.yaml': org('o-oe', 'Øster Forening', undefined, contact('Søren Ærø', 'kontakt@oester.dk')),
    'organisations/o-z.yaml': org('o-z', 'Zebra Forening'),
  },
);

describe('consultation list-parties', () => {
  it('lists the invited organisations in Danish order, without contacts unless asked', () => {
    const folder = load(files());
    const r = hearingListReport(folder, folder.records.consultation.get('k')!, false, 'da');
    expect(r.tables[0].rows).toEqual([['Bedre Psykiatri Midt'], ['Ærø Forening'], ['Øster Forening'], ['Aarhus Forening']]);
    expect(JSON.stringify(r.json)).not.toContain('@');
  });
  it('with --include-contacts, shows functional addresses only and counts the personal ones left out', () => {
    const folder = load(files());
    const r = hearingListReport(folder, folder.records.consultation.get('k')!, true, 'en');
    expect(r.tables[0].rows).toEqual([
      ['Bedre Psykiatri Midt', '(no functional address)'],
      ['Ærø Forening', '(no functional address)'],
      ['Øster Forening', 'kontakt@oester.dk'],
      ['Aarhus Forening', 'info@aarhusforening.dk'],
    ]);
    expect(r.notes).toEqual(['Contact addresses left out because they are not known functional addresses (they may name a person): 2. Ask the organisation for a functional address such as info@ or kontakt@.']);
    expect(JSON.stringify(r.json)).not.toMatch(/hans@|lh@|Hansen|Holm/);
  });
});

describe('functionalAddress', () => {
  it.each([
    ['Mette Kjær', 'info@x.dk', true],
    ['Rasmus Brandt', 'formand@x.dk', true],
    ['Anja Riis', 'kontakt.hoering@x.dk', true],
    ['Kim Berg', 'kim@x.dk', false], // a first name
    ['Sofie Damgaard Holm', 'sofie.holm@x.dk', false],
    ['Søren Ærø', 'soeren@x.dk', false], // Danish letters spelt out
    ['Lars Holm', 'lh@x.dk', false], // initials
    ['Poul Erik Skovgaard', 'pes@x.dk', false],
    ['Ida Thygesen', 'jens.jensen@x.dk', false], // looks like someone's first.last
  ])('%s <%s>: functional %s', (name, email, functional) => {
    expect(functionalAddress({ name, email }) === email).toBe(functional);
  });
});

describe('consultation report', () => {
  it('marks responses, gives the rate, and lists eligible parties not invited with their reasons', () => {
    const folder = load(files());
    const r = consultationReport(folder, folder.records.consultation.get('k')!, '2026-04-01', 'en');
    expect(r.json).toMatchObject({
      invited: [
        { party: 'b', name: 'Bedre Psykiatri Midt', responded: true, received: '2026-03-10' },
        { party: 'ae', name: 'Ærø Forening', responded: false, received: null },
        { party: 'oe', name: 'Øster Forening', responded: true, received: '2026-03-15' },
        { party: 'aa', name: 'Aarhus Forening', responded: false, received: null },
      ],
      response_rate: { responded: 2, invited: 4, share: 0.5 },
      not_invited: [{ party: 'z', name: 'Zebra Forening', reason: 'Har frabedt sig høringer.' }],
    });
    // A party by its name, not by its id (which means nothing to a case worker).
    expect(r.tables.map((t) => t.rows)).toEqual([
      [['Bedre Psykiatri Midt', '✓ 10 Mar 2026'], ['Ærø Forening', '–'], ['Øster Forening', '✓ 15 Mar 2026'], ['Aarhus Forening', '–']],
      [['Zebra Forening', 'Har frabedt sig høringer.']],
    ]);
    expect(r.tables.map((t) => t.columns.map((c) => c.header))).toEqual([['Organisation', 'Response'], ['Organisation', 'Reason']]);
    // Two responded, and no points of theirs are recorded: the table says so, as the høringsnotat does.
    expect(r.tables[0].notes).toEqual(['Response rate: 2 of 4 (50.0%).', 'No points from the responses have been recorded.']);
    expect(r.notes).toEqual([]);
  });
  it('gives a party\'s id beside its name only where two parties share the name, in every table of the report', () => {
    // Two parties of one organisation on the hearing list: only their ids tell them apart.
    const f = hearingFiles(
      { b: { org: 'o-b', since: '2020-01-01' }, b2: { org: 'o-b', since: '2021-01-01' }, oe: { org: 'o-oe', since: '2020-01-01' } },
      { k: { opens: '2026-02-01', deadline: '2026-03-15', invited: ['b', 'oe'], status: 'closed', omitted: [['b2', 'Samme forening som b.']], responses: [['b', '2026-03-10']] } },
      { 'organisations/o-b.yaml': org('o-b', 'Bedre Psykiatri Midt'), 'organisations/o-oe.yaml': org('o-oe', 'Øster Forening') },
    );
    const folder = load(f);
    const r = consultationReport(folder, folder.records.consultation.get('k')!, '2026-04-01', 'da');
    expect(r.tables.map((t) => t.rows)).toEqual([
      [['Bedre Psykiatri Midt (b)', '✓ 10. mar. 2026'], ['Øster Forening', '–']],
      [['Bedre Psykiatri Midt (b2)', 'Samme forening som b.']],
    ]);
  });
  it('says so on stderr when the deadline has not passed', () => {
    const folder = load(files());
    expect(consultationReport(folder, folder.records.consultation.get('k')!, '2026-03-01', 'da').notes)
      .toEqual(['Bemærk: Fristen (15. mar. 2026) er ikke overskredet pr. 1. mar. 2026; der kan stadig komme svar.']);
  });
});

describe('hearing-party history', () => {
  it('lists the consultations the organisation was eligible for, invited to and answered', () => {
    const f = files();
    const common = { invited: ['ae', 'aa', 'b', 'oe'], omitted: [['z', 'Har frabedt sig høringer.']] as [string, string][], status: 'closed' as const };
    f['consultations/later.yaml'] = consultationFile('later', { ...common, opens: '2026-05-01', responses: [['b', '2026-05-20']] });
    f['consultations/health.yaml'] = consultationFile('health', { ...common, areas: ['health'], groups: ['diabetes'], opens: '2026-06-01', responses: [['b', '2026-06-20']] });
    const folder = load(f);
    const r = historyReport(folder, 'o-z', 'en', '2030-01-01');
    // z: eligible for k and later (omitted in both), not for the health consultation.
    expect(r.json).toMatchObject({
      consultations: [
        { consultation: 'k', eligible: true, invited: false, omitted: true, answered: null },
        { consultation: 'later', eligible: true, invited: false, omitted: true, answered: null },
      ],
      summary: { eligible: 2, invited: 0, answered: 0 },
    });
    // b was invited to all three, the health one outside its scope, and answered each.
    expect(historyReport(folder, 'o-b', 'en', '2030-01-01').json).toMatchObject({ summary: { eligible: 2, invited: 3, answered: 3 } });
    // On a day before they went out, none of them counts as an invitation yet (a planned one never does).
    expect(historyReport(folder, 'o-b', 'en', '2000-01-01').json).toMatchObject({ summary: { invited: 0 } });
  });
});
