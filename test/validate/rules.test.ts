// One bad fixture and one near miss per validation rule, with the exact location asserted.
import { describe, expect, it } from 'vitest';
import { baseFiles, org } from '../helpers/folder.js';
import { messagesOf, problemsOf } from '../helpers/check.js';

const offer = (id: string, body: string) => `id: ${id}\norganisation: alpha\ntitle: Samtalegruppe\ntype: peer-group\npatient_groups: [depression]\nscope: regional\nactive_from: 2025-01-01\n${body}`;
const agreement = (id: string, body: string) => `id: ${id}\ntitle: Aftale\norganisations: [alpha]\nmunicipalities: [aarhus]\nstart: 2025-01-01\nstatus: active\n${body}`;
const party = (id: string) => `id: ${id}\norganisation: alpha\nareas: [psychiatry]\nsince: 2025-01-01\n`;
const consultation = (id: string, body: string) => `id: ${id}\ntitle: Høring\nareas: [psychiatry]\nopens: 2026-01-01\ndeadline: 2026-02-01\nstatus: planned\n${body}`;

describe('validate: a clean folder', () => {
  it('has no problems', () => {
    expect(problemsOf(baseFiles())).toEqual([]);
  });
});

describe('validate: schema rules', () => {
  it('schema-required: a missing field is reported at the record', () => {
    expect(problemsOf({ ...baseFiles(), 'organisations/alpha.yaml': 'id: alpha\nname: Alpha\nkind: other\nareas: [social]\nscope: regional\n' }))
      .toEqual(['organisations/alpha.yaml:1:1 schema-required']);
  });
  it('schema-unknown-field: a typo is reported at the key', () => {
    expect(messagesOf({ ...baseFiles(), 'organisations/alpha.yaml': org('alpha', 'Alpha', '12345674', 'webiste: https://x.dk\n') }))
      .toEqual(['organisations/alpha.yaml:10:1 schema-unknown-field Unknown field webiste. Check the spelling against the schema, or remove it.']);
  });
  it('schema-unknown-field: a key that is not a field name is pointed at, never repeated (it may be a person\'s name or an escape code)', () => {
    expect(messagesOf({ ...baseFiles(), 'organisations/alpha.yaml': org('alpha', 'Alpha', '12345674', '"Mette \\e[31mKaae": 1\ncontact:\n  Hanne Hansen: x\n') }))
      .toEqual([
        'organisations/alpha.yaml:10:1 schema-unknown-field Unknown field here. Field names are written in English with a–z, digits, _ and - (such as name or areas); check the line against the schema.',
        'organisations/alpha.yaml:12:3 schema-unknown-field Unknown field here (in contact). Field names are written in English with a–z, digits, _ and -; check the line against the schema.',
      ]);
  });
  it('schema-type: a CVR written as a number is refused, not turned into digits', () => {
    expect(messagesOf({ ...baseFiles(), 'organisations/alpha.yaml': org('alpha', 'Alpha').replace('status: active', 'status: active\ncvr: 01234567') }, 'da'))
      .toEqual(['organisations/alpha.yaml:9:6 schema-type CVR-nummer skal være tekst. Sæt værdien i anførselstegn (et tal som 0800 ville ellers miste sit foranstillede nul).']);
  });
  it('schema-value: a value outside the list', () => {
    expect(problemsOf({ ...baseFiles(), 'organisations/alpha.yaml': org('alpha', 'Alpha').replace('status: active', 'status: sleeping') }))
      .toEqual(['organisations/alpha.yaml:8:9 schema-value']);
  });
  it('schema-format: an impossible date, reported once', () => {
    expect(problemsOf({ ...baseFiles(), 'organisations/alpha.yaml': org('alpha', 'Alpha', undefined, 'registered: 2026-02-30\n') }))
      .toEqual(['organisations/alpha.yaml:9:13 schema-format']);
  });
  it('schema-length: an agreement with no organisations', () => {
    expect(problemsOf({ ...baseFiles(), 'agreements/a1.yaml': agreement('a1', '').replace('organisations: [alpha]', 'organisations: []') }))
      .toEqual(['agreements/a1.yaml:3:16 schema-length']);
  });
  it('schema-duplicate: the same area twice points at the second', () => {
    expect(problemsOf({ ...baseFiles(), 'organisations/alpha.yaml': org('alpha', 'Alpha').replace('areas: [psychiatry]', 'areas: [psychiatry, psychiatry]') }))
      .toEqual(['organisations/alpha.yaml:5:21 schema-duplicate']);
  });
  it('schema-range: a negative amount', () => {
    const files = { ...baseFiles(), 'pools/p.yaml': 'id: p\nname: Pulje\nareas: [psychiatry]\neligible_kinds: [development]\nbudgets:\n  - year: 2026\n    amount_dkk: -5\n' };
    expect(problemsOf(files)).toEqual(['pools/p.yaml:7:17 schema-range']);
  });
  it('schema-exactly-one: established_by with both a call and an exemption', () => {
    const files = { ...baseFiles(), 'calls/c.yaml': 'id: c\ntitle: Opslag\nareas: [psychiatry]\nscope: regional\npublished: 2024-01-01\ndeadline: 2024-02-01\nchannel: public\n',
      'agreements/a1.yaml': agreement('a1', 'established_by:\n  call: c\n  exemption:\n    reason: Hastesag\n') };
    expect(problemsOf(files)).toEqual(['agreements/a1.yaml:8:3 schema-exactly-one']);
  });
});

describe('validate: record rules', () => {
  it('id-file-name names the kind of record in the reader\'s language, not by its code', () => {
    const files = { ...baseFiles(), 'pools/pulje-a.yaml': 'id: pulje-b\nname: Pulje A\n' };
    const said = (lang: 'en' | 'da') => messagesOf(files, lang).filter((m) => m.includes(' id-file-name '));
    expect(said('da')).toEqual(["pools/pulje-a.yaml:1:5 id-file-name Id'et for pulje skal være lig filnavnet uden .yaml. Ret id'et, eller omdøb filen."]);
    expect(said('en')).toEqual(['pools/pulje-a.yaml:1:5 id-file-name The pool id must equal the file name without .yaml. Change the id or rename the file.']);
  });

  it('id-file-name: the id differs from the file name; near miss: equal', () => {
    expect(problemsOf({ ...baseFiles(), 'organisations/alpha.yaml': org('alfa', 'Alpha') })).toEqual(['organisations/alpha.yaml:2:5 id-file-name']);
  });
  it('file-name: a file name that is not an id', () => {
    expect(problemsOf({ ...baseFiles(), 'organisations/Alpha Two.yaml': org('alpha-two', 'Alpha Two') })).toEqual(['organisations/Alpha Two.yaml:2:1 file-name']);
  });
  it('reference: an unknown organisation, patient group and municipality', () => {
    const files = { ...baseFiles(), 'offers/o1.yaml': offer('o1', '').replace('organisation: alpha', 'organisation: beta').replace('[depression]', '[depression, ukendt]') };
    expect(messagesOf(files)).toEqual([
      'offers/o1.yaml:2:15 reference Organisation does not name an existing organisation. Check the id, or create the organisation first.',
      'offers/o1.yaml:5:30 reference Patient group no. 2 does not name an existing patient group. Check the id, or create the patient group first.',
    ]);
  });
  it('reference: a parent patient group that does not exist', () => {
    const files = { ...baseFiles(), 'vocabularies/patient-groups.yaml': '- id: a\n  name: {da: A, en: A}\n  areas: [health]\n  parent: b\n' };
    expect(problemsOf(files)).toEqual(['organisations/alpha.yaml:7:18 reference', 'vocabularies/patient-groups.yaml:4:11 reference']);
  });
  it('vocabulary-parent-cycle and vocabulary-duplicate-id', () => {
    const files = { ...baseFiles(), 'vocabularies/municipalities.yaml': '- id: aarhus\n  name: Aarhus\n- id: aarhus\n  name: Århus\n',
      'vocabularies/patient-groups.yaml': '- id: depression\n  name: {da: D, en: D}\n  areas: [psychiatry]\n  parent: x\n- id: x\n  name: {da: X, en: X}\n  areas: [psychiatry]\n  parent: depression\n' };
    expect(problemsOf(files)).toEqual([
      'vocabularies/municipalities.yaml:3:7 vocabulary-duplicate-id',
      'vocabularies/patient-groups.yaml:4:11 vocabulary-parent-cycle',
      'vocabularies/patient-groups.yaml:8:11 vocabulary-parent-cycle',
    ]);
  });
  it('date-order: an agreement that ends before it starts; near miss: same day', () => {
    expect(problemsOf({ ...baseFiles(), 'agreements/a1.yaml': agreement('a1', 'end: 2024-12-31\n') })).toEqual(['agreements/a1.yaml:7:6 date-order']);
    expect(problemsOf({ ...baseFiles(), 'agreements/a1.yaml': agreement('a1', 'end: 2025-01-01\n') })).toEqual([]);
  });
  it('status-date: the day of a status change on a record whose status is active; near miss: with the status it belongs to', () => {
    expect(messagesOf({ ...baseFiles(), 'organisations/alpha.yaml': org('alpha', 'Alpha', undefined, 'inactive_since: 2026-01-01\n') }))
      .toEqual(['organisations/alpha.yaml:9:1 status-date the field "inactive since" is set, but the organisation\'s status is active. Remove the date if the organisation is active (civsam org activate does), or make it inactive (civsam org deactivate, or status: inactive in the file).']);
    expect(problemsOf({ ...baseFiles(), 'organisations/alpha.yaml': org('alpha', 'Alpha', undefined, 'inactive_since: 2026-01-01\n').replace('status: active', 'status: inactive') })).toEqual([]);
    expect(problemsOf({ ...baseFiles(), 'hearing-parties/p.yaml': `${party('p')}status: active\nwithdrawn: 2026-01-01\n` })).toEqual(['hearing-parties/p.yaml:6:1 status-date']);
    expect(problemsOf({ ...baseFiles(), 'hearing-parties/p.yaml': `${party('p')}status: withdrawn\nwithdrawn: 2026-01-01\n` })).toEqual([]);
  });
  it('status-date: an inactive organisation or a withdrawn party without the date is valid (it counts as always)', () => {
    expect(problemsOf({ ...baseFiles(), 'organisations/alpha.yaml': org('alpha', 'Alpha').replace('status: active', 'status: inactive') })).toEqual([]);
    expect(problemsOf({ ...baseFiles(), 'hearing-parties/p.yaml': `${party('p')}status: withdrawn\n` })).toEqual([]);
  });
  it('date-order: a party withdrawn before it joined the list; near miss: the same day', () => {
    expect(problemsOf({ ...baseFiles(), 'hearing-parties/p.yaml': `${party('p')}status: withdrawn\nwithdrawn: 2024-12-31\n` })).toEqual(['hearing-parties/p.yaml:6:12 date-order']);
    expect(problemsOf({ ...baseFiles(), 'hearing-parties/p.yaml': `${party('p')}status: withdrawn\nwithdrawn: 2025-01-01\n` })).toEqual([]);
  });
  it('cvr-checksum: a CVR failing modulus 11; near miss: a valid one', () => {
    expect(messagesOf({ ...baseFiles(), 'organisations/alpha.yaml': org('alpha', 'Alpha', '12345678') }))
      .toEqual(['organisations/alpha.yaml:5:6 cvr-checksum The CVR number is not valid (the modulus-11 check fails). Check the number on cvr.dk.']);
  });
  it('cvr-unique and name-unique: names equal after case and punctuation', () => {
    const files = { ...baseFiles(), 'organisations/beta.yaml': org('beta', 'ALPHA-forening', '12345674'), 'organisations/gamma.yaml': org('gamma', 'Alpha Foreningen', '87654321'.replace(/.$/, '')  + '') };
    delete (files as Record<string, unknown>)['organisations/gamma.yaml'];
    expect(problemsOf(files)).toEqual(['organisations/beta.yaml:3:7 name-unique', 'organisations/beta.yaml:5:6 cvr-unique']);
  });
  it('reach-conflict and reach-missing', () => {
    expect(problemsOf({ ...baseFiles(), 'organisations/alpha.yaml': org('alpha', 'Alpha').replace('municipalities: [aarhus]', 'municipalities: [aarhus]\nscope: regional') })).toEqual(['organisations/alpha.yaml:8:1 reach-conflict']);
    expect(problemsOf({ ...baseFiles(), 'organisations/alpha.yaml': org('alpha', 'Alpha').replace('municipalities: [aarhus]\n', '') })).toEqual(['organisations/alpha.yaml:2:1 reach-missing']);
  });
  it('consultation-seats: seats with selection all, and limited without seats; near miss: limited with seats', () => {
    expect(problemsOf({ ...baseFiles(), 'consultations/h.yaml': consultation('h', 'selection: all\nseats: 3\n') })).toEqual(['consultations/h.yaml:8:1 consultation-seats']);
    expect(problemsOf({ ...baseFiles(), 'consultations/h.yaml': consultation('h', 'selection: limited\n') })).toEqual(['consultations/h.yaml:7:12 consultation-seats']);
    expect(problemsOf({ ...baseFiles(), 'consultations/h.yaml': consultation('h', 'selection: limited\nseats: 3\n') })).toEqual([]);
  });
  it('opened-despite-rule: a rule civsam does not have, with the nearest hearing rule suggested and the value never repeated; near miss: the hearing rules themselves', () => {
    const despite = (list: string) => consultation('h', `selection: all\nopened_despite: [${list}]\nopened_despite_reason: Haster\n`).replace('status: planned', 'status: open');
    const [near, far] = messagesOf({ ...baseFiles(), 'consultations/h.yaml': despite('hearing-omision, tilfaeldig-kode') }, 'da');
    expect(near).toMatch(/^consultations\/h\.yaml:8:18 opened-despite-rule Åbnet trods fejl i kontrollen nævner en regel, som kontrollen ikke har\. Mente du: hearing-omission\? /);
    expect(far).toMatch(/^consultations\/h\.yaml:8:35 opened-despite-rule Åbnet trods fejl i kontrollen nævner en regel, som kontrollen ikke har\. Listen skrives af /);
    expect(far).not.toContain('tilfaeldig');
    expect(problemsOf({ ...baseFiles(), 'consultations/h.yaml': despite('hearing-omission, hearing-seats') })).toEqual([]);
  });
  it('opened-despite-rule knows exactly the hearing rules consultation open can be sent out despite', async () => {
    const { HEARING_RULES } = await import('../../src/audit/hearing-rule-list.js');
    const { HEARING_RULE_IDS } = await import('../../src/domain/hearing-rule-ids.js');
    expect([...HEARING_RULE_IDS]).toEqual(HEARING_RULES.map((r) => r.id));
  });
  it('consultation-invited-omitted and consultation-response-uninvited', () => {
    const files = { ...baseFiles(),
      'hearing-parties/hp.yaml': 'id: hp\norganisation: alpha\nareas: [psychiatry]\nsince: 2020-01-01\nstatus: active\n',
      'consultations/h.yaml': consultation('h', 'selection: all\ninvited: [hp]\nomitted:\n  - party: hp\n    reason: Inhabil\n') };
    expect(problemsOf(files)).toEqual(['consultations/h.yaml:10:12 consultation-invited-omitted']);
    const files2 = { ...files, 'consultations/h.yaml': consultation('h', 'selection: all\nresponses:\n  - party: hp\n    received: 2026-01-10\n') };
    expect(problemsOf(files2)).toEqual(['consultations/h.yaml:9:12 consultation-response-uninvited']);
  });
  it('budget-year-unique: two budgets for one year; near miss: two years', () => {
    const pool = (years: number[]) => 'id: p\nname: Pulje\nareas: [psychiatry]\neligible_kinds: [development]\nbudgets:\n' + years.map((y) => `  - year: ${y}\n    amount_dkk: 100\n`).join('');
    expect(problemsOf({ ...baseFiles(), 'pools/p.yaml': pool([2025, 2026, 2025]) })).toEqual(['pools/p.yaml:10:11 budget-year-unique']);
    expect(problemsOf({ ...baseFiles(), 'pools/p.yaml': pool([2025, 2026]) })).toEqual([]);
  });
  it('control-character: an escape code in a name; near miss: a line break and a tab', () => {
    expect(messagesOf({ ...baseFiles(), 'organisations/alpha.yaml': org('alpha', 'Alpha', '12345674', 'notes: "line\\none\\ttab"\n').replace('name: Alpha', 'name: "Alpha\\e[2J"') }))
      .toEqual(['organisations/alpha.yaml:3:7 control-character Name contains a control character (such as an escape code), which would reach terminals and spreadsheets as a command. Remove it; line breaks and tabs are fine.']);
    expect(problemsOf({ ...baseFiles(), 'organisations/alpha.yaml': org('alpha', 'Alpha', '12345674', 'notes: "line\\none\\ttab"\n') })).toEqual([]);
  });
  it('control-character: a mark that turns the direction of text in a name or a key; near miss: right-to-left letters themselves', () => {
    const turned = (name: string) => ({ ...baseFiles(), 'organisations/alpha.yaml': org('alpha', 'Alpha').replace('name: Alpha', `name: "${name}"`) });
    expect(messagesOf(turned('Skive \\u202egninerof'))).toEqual(['organisations/alpha.yaml:3:7 control-character Name contains an invisible character that turns the direction of the text, so that it can show on pages and in spreadsheets as something else than what is written. Remove it (retype the text, or delete the invisible character where the text turns).']);
    expect(problemsOf(turned('Skive \\u2067x\\u2069'))).toEqual(['organisations/alpha.yaml:3:7 control-character']);
    expect(problemsOf(turned('Foreningen \u0633\u0644\u0627\u0645'))).toEqual([]);
  });
  it('call-channel: a public call with an invited list is a warning', () => {
    const files = { ...baseFiles(), 'calls/c.yaml': 'id: c\ntitle: Opslag\nareas: [psychiatry]\nscope: regional\npublished: 2024-01-01\ndeadline: 2024-02-01\nchannel: public\ninvited: [alpha]\n' };
    expect(problemsOf(files)).toEqual(['calls/c.yaml:7:10 call-channel']);
  });
  it('file-missing: a folder without settings or vocabularies', () => {
    expect(problemsOf({ 'organisations/alpha.yaml': org('alpha', 'Alpha') })).toEqual([
      'civsam.yaml:1:1 file-missing',
      'organisations/alpha.yaml:6:18 reference',
      'organisations/alpha.yaml:7:18 reference',
      'vocabularies/municipalities.yaml:1:1 file-missing',
      'vocabularies/offer-types.yaml:1:1 file-missing',
      'vocabularies/patient-groups.yaml:1:1 file-missing',
    ]);
  });
});

describe('a criterion that fails its schema', () => {
  it('is reported by its schema, and the rules between criteria and scores pass over it instead of failing', () => {
    // The second criterion's text is over the 20,000-character limit: the record's valid part has a gap there.
    const long = 'a'.repeat(20_001);
    const files = { ...baseFiles(), 'calls/c.yaml': `id: c\ntitle: Opslag\nareas: [psychiatry]\nscope: regional\npublished: 2024-01-01\ndeadline: 2024-02-01\nchannel: public\ncriteria:\n  - id: kvalitet\n    text: {da: Kvalitet}\n  - id: lang\n    text: {da: ${long}}\n` };
    const problems = problemsOf(files);
    expect(problems).toContain('calls/c.yaml:12:16 schema-length');
    expect(problems.every((p) => p.startsWith('calls/c.yaml:'))).toBe(true);
  });
});
