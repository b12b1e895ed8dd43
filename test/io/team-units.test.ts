// The pure parts of working as a team: the end of a day in Copenhagen, the fields two sides both
// changed in words, a record's field changes for history, a clone's folder name, and git's complaint
// without credentials.
import { describe, expect, test } from 'vitest';
import { endOfDay } from '../../src/store/folder-at-date.js';
import { fieldChanges } from '../../src/store/history.js';
import { firstLine, folderInRepository, folderPrefix, inDataFolder, inRepository, toRepoPath } from '../../src/store/git.js';
import { mkdirSync, realpathSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { makeFolder } from '../helpers/folder.js';
import { conflictWords } from '../../src/commands/sync.js';
import { folderFromUrl } from '../../src/commands/clone.js';
import { isRecordId, kindFromWord } from '../../src/context/record-args.js';

const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

describe('endOfDay (Europe/Copenhagen)', () => {
  test('winter, summer and both days the clocks change', () => {
    expect(iso(endOfDay('2026-03-01'))).toBe('2026-03-01T23:00:00.000Z'); // CET, UTC+1
    expect(iso(endOfDay('2026-06-01'))).toBe('2026-06-01T22:00:00.000Z'); // CEST, UTC+2
    expect(iso(endOfDay('2026-03-29'))).toBe('2026-03-29T22:00:00.000Z'); // summer time began that night
    expect(iso(endOfDay('2026-10-25'))).toBe('2026-10-25T23:00:00.000Z'); // summer time ended that night
    expect(iso(endOfDay('2026-12-31'))).toBe('2026-12-31T23:00:00.000Z');
  });
});

describe('conflictWords', () => {
  test('the fields in conflict by their labels: one field, two or more, entries of a list', () => {
    expect(conflictWords('da', 'organisation', [{ field: 'notes' }])).toBe('feltet »noter«');
    expect(conflictWords('da', 'organisation', [{ field: 'areas' }, { field: 'kind' }])).toBe('felterne »områder« og »art«');
    expect(conflictWords('da', 'organisation', [{ field: 'areas' }, { field: 'kind' }, { field: 'website' }])).toBe('felterne »områder«, »art« og »hjemmeside«');
    // Entries as `show` heads them: by their place where the identity is personal data, else by the identity's fields.
    expect(conflictWords('da', 'application', [{ field: 'assessments', items: [{ position: 1, keys: [] }, { position: 3, keys: [] }] }])).toBe('bedømmelse 1 og bedømmelse 3');
    expect(conflictWords('da', 'agreement', [{ field: 'funding', items: [{ position: 2, keys: [['pool', 'p1'], ['year', 2027], ['kind', 'operation']] }] }])).toBe('midler (pulje p1, år 2027, art drift)');
    expect(conflictWords('da', 'agreement', [{ field: 'reports', items: [{ position: 1, keys: [['due', '2027-03-01'], ['kind', 'final']] }] }])).toBe('rapport (frist 1. mar. 2027, art slutrapport)');
    expect(conflictWords('da', 'consultation', [
      { field: 'responses.points', items: [{ position: 2, keys: [] }], within: { field: 'responses', item: { position: 1, keys: [['party', 'lyspunktet']] } } },
      { field: 'responses.received', within: { field: 'responses', item: { position: 1, keys: [['party', 'lyspunktet']] } } },
    ])).toBe('feltet »modtaget« i svar (part lyspunktet) og bemærkning 2 i svar (part lyspunktet)');
    // A pool and a party named by their names where they are known (a party by its organisation's).
    const names = (kind: string, id: string) => ({ 'pool/p1': 'Civilsamfundspuljen', 'hearing-party/lyspunktet': 'Lyspunktet' } as Record<string, string>)[`${kind}/${id}`];
    expect(conflictWords('da', 'agreement', [{ field: 'funding', items: [{ position: 2, keys: [['pool', 'p1'], ['year', 2027], ['kind', 'operation']] }] }], names)).toBe('midler (pulje Civilsamfundspuljen, år 2027, art drift)');
    expect(conflictWords('da', 'consultation', [
      { field: 'responses.points', items: [{ position: 3, keys: [] }], within: { field: 'responses', item: { position: 1, keys: [['party', 'lyspunktet']] } } },
    ], names)).toBe('bemærkning 3 i svaret fra Lyspunktet');
    expect(conflictWords('en', 'consultation', [{ field: 'responses.received', within: { field: 'responses', item: { position: 1, keys: [['party', 'lyspunktet']] } } }], names)).toBe('the field "received" of the response from Lyspunktet');
    expect(conflictWords('da', 'organisation', [{ field: 'contact.email' }])).toBe('feltet »kontakt: e-mail«');
    expect(conflictWords('en', 'organisation', [{ field: 'notes' }])).toBe('the field "notes"');
    expect(conflictWords('en', 'application', [{ field: 'notes' }, { field: 'assessments', items: [{ position: 1, keys: [] }] }])).toBe('the field "notes" and assessment 1');
  });
});

describe('fieldChanges', () => {
  test('dotted leaf fields, lists whole, contact persons marked personal', () => {
    expect(fieldChanges('organisation', { id: 'a', areas: ['social'], contact: { name: 'X', role: 'formand' } }, { id: 'a', areas: ['social', 'health'], contact: { name: 'Y', role: 'formand' }, notes: 'n' })).toEqual([
      { field: 'areas', old: ['social'], new: ['social', 'health'], personal: false },
      { field: 'contact.name', old: 'X', new: 'Y', personal: true },
      { field: 'notes', new: 'n', personal: false },
    ]);
  });
  test('a call\'s contact is a published unit, not personal; assessors are', () => {
    expect(fieldChanges('call', { id: 'c', contact: { email: 'a@x.dk' } }, { id: 'c', contact: { email: 'b@x.dk' }, declarations: [{ assessor: 'K', date: '2025-01-01', ties: [] }] })).toEqual([
      { field: 'contact.email', old: 'a@x.dk', new: 'b@x.dk', personal: false },
      { field: 'declarations', new: [{ assessor: 'K', date: '2025-01-01', ties: [] }], personal: true },
    ]);
    expect(fieldChanges('application', { id: 'a' }, { id: 'a', assessments: [{ assessor: 'K', date: '2025-01-01', scores: [] }] })[0].personal).toBe(true);
    expect(fieldChanges('pool', { id: 'p' }, { id: 'p', contact: { phone: '11223344' } })[0].personal).toBe(false);
  });
});

describe('small checks', () => {
  test('record ids and kinds on the command line', () => {
    expect(isRecordId('lyspunktet')).toBe(true);
    expect(isRecordId('2024-psyk-001')).toBe(true);
    for (const bad of ['', '-a', 'A', '../x', 'a/b', 'a'.repeat(64)]) expect(isRecordId(bad)).toBe(false);
    expect(kindFromWord('org')).toBe('organisation');
    expect(kindFromWord('hearing-parties')).toBe('hearing-party');
    expect(kindFromWord('person')).toBeUndefined();
  });
  test('a clone\'s folder name', () => {
    expect(folderFromUrl('https://gitlab.rm.dk/civilsamfund/register.git')).toBe('register');
    expect(folderFromUrl('git@github.com:region/civsam-data.git')).toBe('civsam-data');
    expect(folderFromUrl('/srv/git/shared.git/')).toBe('shared');
  });
  test('git\'s complaint without credentials or control characters', () => {
    expect(firstLine('hint: try again\nfatal: unable to access \'https://anna:tok3n@gitlab.example/r.git/\': 403\n')).toBe('fatal: unable to access \'https://gitlab.example/r.git/\': 403');
    expect(firstLine('fatal: bad \u001b[31mthing')).toBe('fatal: bad \uFFFD[31mthing');
  });
});

describe('a data-folder file as git names it (one helper for history, sync, restore and the write path)', () => {
  test('a folder at the top, one in a subfolder, one reached through a link: the same prefix from each way in', () => {
    const top = realpathSync(makeFolder({ 'data/civsam.yaml': 'language: da\n' }));
    spawnSync('git', ['init', '-q'], { cwd: top });
    mkdirSync(join(top, 'links'));
    symlinkSync(join(top, 'data'), join(top, 'links', 'register'));
    const repo = { root: top };
    expect(toRepoPath(repo, join(top, 'data', 'organisations', 'a.yaml'))).toBe('data/organisations/a.yaml');
    expect(toRepoPath(repo, top)).toBe('');
    expect(folderPrefix(repo, top)).toBe('');
    expect(folderPrefix(repo, join(top, 'data'))).toBe('data/');
    for (const way of [join(top, 'data'), join(top, 'links', 'register')]) {
      const place = folderInRepository(way)!;
      expect(place).toEqual({ root: top, prefix: 'data/' });
      expect(inRepository(place, 'organisations/a.yaml')).toBe('data/organisations/a.yaml');
      expect(inDataFolder(place, 'data/organisations/a.yaml')).toBe('organisations/a.yaml');
      expect(inDataFolder(place, 'other/organisations/a.yaml')).toBeUndefined();
    }
  });
});
