// The check before a write: the folder as it would be with the change in place, through the same
// readFolder + checkFolder as civsam validate.
import { expect, test } from 'vitest';
import { readFolder } from '../../src/store/load-folder.js';
import { checkFolder } from '../../src/validate/check-folder.js';
import { errorsIntroduced } from '../../src/register/check.js';
import { referenceIndex, referrersOf } from '../../src/register/refs.js';
import { serialise } from '../../src/store/yaml-write.js';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';

const OFFER = 'id: gruppe\norganisation: alpha\ntitle: Gruppe\ntype: peer-group\npatient_groups: [depression]\nmunicipalities: [aarhus]\nactive_from: 2026-01-01\n';

function setUp(extra: Record<string, string> = {}) {
  const raw = readFolder(makeFolder({ ...baseFiles(), 'offers/gruppe.yaml': OFFER, ...extra }));
  return { raw, before: checkFolder(raw) };
}
const show = (ps: Array<{ file: string; line: number; col: number; rule: string }>) => ps.map((p) => `${p.file}:${p.line}:${p.col} ${p.rule}`);

test('removing an organisation an offer refers to would leave a dangling reference', () => {
  const { raw, before } = setUp();
  const { introduced } = errorsIntroduced(before, raw, [{ rel: 'organisations/alpha.yaml', kind: 'organisation', id: 'alpha', data: undefined }]);
  expect(show(introduced)).toEqual(['offers/gruppe.yaml:2:15 reference']);
});

test('a new record that breaks its schema is refused with the problem located in its new text', () => {
  const { raw, before } = setUp();
  const data = { id: 'beta', name: 'Beta', kind: 'club', areas: ['psychiatry'], scope: 'regional', status: 'active' };
  const text = serialise(data, 'x')!;
  const { introduced } = errorsIntroduced(before, raw, [{ rel: 'organisations/beta.yaml', kind: 'organisation', id: 'beta', data, text }]);
  expect(show(introduced)).toEqual(['organisations/beta.yaml:4:7 schema-value']);
});

test('an error the folder already had elsewhere does not block an unrelated write; a clean write passes', () => {
  const { raw, before } = setUp({ 'organisations/gamma.yaml': org('gamma', 'Gamma', '12345678') });
  expect(show(before.problems)).toEqual(['organisations/gamma.yaml:5:6 cvr-checksum']);
  const data = { ...(raw.files.find((f) => f.rel === 'organisations/alpha.yaml')!.data as object), notes: 'ny note' };
  expect(errorsIntroduced(before, raw, [{ rel: 'organisations/alpha.yaml', kind: 'organisation', id: 'alpha', data }]).introduced).toEqual([]);
});

test('a duplicate name is refused even though each record alone is valid', () => {
  const { raw, before } = setUp();
  const data = { id: 'alpha-2', name: 'ALPHA forening!', kind: 'other', areas: ['health'], scope: 'regional', status: 'active' };
  expect(show(errorsIntroduced(before, raw, [{ rel: 'organisations/alpha-2.yaml', kind: 'organisation', id: 'alpha-2', data, text: serialise(data, 'x') }]).introduced)).toEqual(['organisations/alpha-2.yaml:3:7 name-unique']);
});

test('what refers to a record, from the REFERENCES table', () => {
  const { before } = setUp();
  const index = referenceIndex(before.folder);
  expect(referrersOf(index, 'organisation', 'alpha')).toEqual([{ kind: 'offer', id: 'gruppe', field: 'organisation' }]);
  expect(referrersOf(index, 'patient-groups', 'depression')).toEqual([{ kind: 'organisation', id: 'alpha', field: 'patient_groups' }, { kind: 'offer', id: 'gruppe', field: 'patient_groups' }]);
  expect(referrersOf(index, 'offer', 'gruppe')).toEqual([]);
});
