// A file's schema problems and its reference and record-rule problems in one run: the rules read
// what the schema left readable, guarded by each field's own type, and never crash on the rest.
import { describe, expect, it } from 'vitest';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';
import { messagesOf, problemsOf } from '../helpers/check.js';
import { readFolder } from '../../src/store/load-folder.js';
import { checkFolder } from '../../src/validate/check-folder.js';

const offer = (body: string) => `id: o1\norganisation: alpha\ntitle: Samtalegruppe\ntype: peer-group\n${body}scope: regional\n`;

describe('validate: every problem of a file in one run', () => {
  it('an impossible date and an unknown patient group are both reported (line 5 the group, line 6 the date)', () => {
    const files = { ...baseFiles(), 'offers/o1.yaml': offer('patient_groups: [depression, angst-og-ocd]\nactive_from: 2027-02-30\n') };
    expect(problemsOf(files)).toEqual(['offers/o1.yaml:5:30 reference', 'offers/o1.yaml:6:14 schema-format']);
    expect(messagesOf(files, 'da')).toEqual([
      'offers/o1.yaml:5:30 reference Patientgruppe nr. 2 henviser til et id, som ingen patientgruppe har. Kontrollér id\'et, eller opret først det, der henvises til.',
      'offers/o1.yaml:6:14 schema-format Aktivt fra er skrevet som en dato, men den dag findes ikke i kalenderen: tjek måneden (01 til 12) og dagen i måneden.',
    ]);
  });

  it('a date written YYYY-MM-DD that the calendar lacks is said as the options say it; one not written so, as such', () => {
    const said = (date: string) => messagesOf({ ...baseFiles(), 'organisations/beta.yaml': org('beta', 'Beta', undefined, `registered: ${date}\n`) }, 'da');
    const noSuchDay = 'Registreret er skrevet som en dato, men den dag findes ikke i kalenderen: tjek måneden (01 til 12) og dagen i måneden.';
    expect(said('2026-02-30')).toEqual([`organisations/beta.yaml:9:13 schema-format ${noSuchDay}`]);
    expect(said('2026-13-01')).toEqual([`organisations/beta.yaml:9:13 schema-format ${noSuchDay}`]);
    expect(said('2025-02-29')).toEqual([`organisations/beta.yaml:9:13 schema-format ${noSuchDay}`]);
    expect(said('2026-2-3')).toEqual(['organisations/beta.yaml:9:13 schema-format Registreret skal være en gyldig dato skrevet ÅÅÅÅ-MM-DD, fx 2026-03-01.']);
    expect(said('2028-02-29')).toEqual([]);
  });

  it('near miss: the date alone is the only problem when the group exists', () => {
    expect(problemsOf({ ...baseFiles(), 'offers/o1.yaml': offer('patient_groups: [depression]\nactive_from: 2027-02-30\n') }))
      .toEqual(['offers/o1.yaml:6:14 schema-format']);
  });

  it('a reference in a list item is checked beside a broken item of the same list', () => {
    const files = { ...baseFiles(), 'offers/o1.yaml': offer('patient_groups: [7, angst-og-ocd]\nactive_from: 2025-01-01\n') };
    expect(problemsOf(files)).toEqual(['offers/o1.yaml:5:18 schema-type', 'offers/o1.yaml:5:21 reference']);
  });

  it('a value the schema refused is not judged again by a rule (no checksum on a malformed CVR, no id mismatch on a malformed id)', () => {
    expect(problemsOf({ ...baseFiles(), 'organisations/alpha.yaml': org('alpha', 'Alpha', '1234') })).toEqual(['organisations/alpha.yaml:5:6 schema-format']);
    expect(problemsOf({ ...baseFiles(), 'organisations/alpha.yaml': org('Alpha', 'Alpha', '12345674') })).toEqual(['organisations/alpha.yaml:2:5 schema-format']);
  });

  it('a field of the wrong type is not called missing by the reach rule', () => {
    const files = { ...baseFiles(), 'organisations/alpha.yaml': org('alpha', 'Alpha', '12345674').replace('municipalities: [aarhus]', 'municipalities: aarhus') };
    expect(problemsOf(files)).toEqual(['organisations/alpha.yaml:8:17 schema-type']);
  });

  it('record rules still run on the readable part: a duplicate name beside a broken field', () => {
    const files = { ...baseFiles(), 'organisations/beta.yaml': org('beta', 'Alpha Forening', '12345674', 'registered: 2026-02-30\n') };
    expect(problemsOf(files)).toEqual(['organisations/beta.yaml:3:7 name-unique', 'organisations/beta.yaml:5:6 cvr-unique', 'organisations/beta.yaml:10:13 schema-format']);
  });

  it('a vocabulary with a broken entry still has its other entries\' parents checked', () => {
    const files = {
      ...baseFiles(),
      'vocabularies/patient-groups.yaml': '- id: psykisk-sygdom\n  name: {da: Psykisk sygdom, en: Mental illness}\n  areas: [psykiatri]\n- id: depression\n  name: {da: Depression, en: Depression}\n  areas: [psychiatry]\n  parent: psykisk\n',
    };
    expect(problemsOf(files)).toEqual(['vocabularies/patient-groups.yaml:3:11 schema-value', 'vocabularies/patient-groups.yaml:7:11 reference']);
  });

  it('no rule crashes on a record of the wrong shape everywhere, and such records never reach the folder', () => {
    const files = {
      ...baseFiles(),
      'pools/p.yaml': 'id: p\nname: Pulje\nareas: [psychiatry]\neligible_kinds: [development]\nbudgets: lots\n',
      'pools/q.yaml': 'id: q\nname: Pulje 2\nareas: [psychiatry]\neligible_kinds: [development]\nbudgets: [null, {year: x}]\n',
      'consultations/c.yaml': 'id: c\ntitle: Høring\nareas: [psychiatry]\nopens: 2026-13-01\ndeadline: 5\nstatus: planned\nselection: limited\nseats: many\ninvited: 3\nomitted: [null]\nresponses: [{party: 4}]\n',
      'organisations/beta.yaml': 'id: 5\nname: [x]\ncvr: 12\nkind: other\n',
      'organisations/gamma.yaml': '- not a record\n',
    };
    const { folder, problems } = checkFolder(readFolder(makeFolder(files)));
    expect(problems.length).toBeGreaterThan(5);
    expect(problems.every((p) => p.rule.startsWith('schema-') || p.rule === 'id-file-name' || p.rule === 'file-name')).toBe(true);
    expect([...folder.records.pool.keys()]).toEqual([]);
    expect([...folder.records.consultation.keys()]).toEqual([]);
    expect([...folder.records.organisation.keys()]).toEqual(['alpha']);
  });
  it('an application not yet filled in (no organisations, holes in its assessments) is checked against its call without a crash', () => {
    const call = 'id: c\ntitle: Opslaget\nareas: [psychiatry]\nscope: regional\npublished: 2026-01-01\ndeadline: 2027-02-01\nchannel: public\ncriteria: [{id: kvalitet, text: {da: Kvalitet, en: Quality}}]\n';
    const whole = 'id: a1\ncall: c\norganisations: [alpha]\namount_dkk: 1000\nkind: development\nreceived: 2026-12-01\n';
    const files = {
      ...baseFiles(),
      'calls/c.yaml': call,
      'applications/a1.yaml': whole,
      'applications/a2.yaml': 'id: a2\ncall: c\nassessments:\n  - null\n  - {assessor: X, date: 2026-12-02, scores: [null, {criterion: kvalitet, score: 9}, {criterion: pris, score: 2}]}\n',
    };
    expect(problemsOf(files)).toEqual([
      'applications/a2.yaml:1:1 schema-required', 'applications/a2.yaml:1:1 schema-required', 'applications/a2.yaml:1:1 schema-required', 'applications/a2.yaml:1:1 schema-required',
      'applications/a2.yaml:4:5 schema-type', 'applications/a2.yaml:5:46 schema-type',
      'applications/a2.yaml:5:81 application-score-scale', 'applications/a2.yaml:5:97 application-criterion',
    ]);
    // Near miss: with its fields filled in, only its own scores' problems remain.
    expect(problemsOf({ ...files, 'applications/a2.yaml': whole.replace('a1', 'a2').replace('[alpha]', '[alpha]\nassessments:\n  - {assessor: X, date: 2026-12-02, scores: [{criterion: kvalitet, score: 9}]}') }))
      .toEqual(['applications/a2.yaml:5:75 application-score-scale']);
  });
});
