// A field that may take one of several forms (a criterion is a text or a mapping with an id) says
// the problem of the form the value has, not that of every other form it could have taken.
import { describe, expect, it } from 'vitest';
import { baseFiles } from '../helpers/folder.js';
import { messagesOf } from '../helpers/check.js';
import { civsamInProcess } from '../helpers/in-process.js';
import { makeFolder } from '../helpers/folder.js';

const CALL = 'id: c\ntitle: Opslag\nareas: [psychiatry]\nscope: regional\npublished: 2024-01-01\ndeadline: 2024-02-01\nchannel: public\ncriteria:\n';
const long = 'a'.repeat(30_000);
const callWith = (criteria: string) => ({ ...baseFiles(), 'calls/c.yaml': CALL + criteria });

describe('a value that fits none of its field\'s forms', () => {
  it('a text over the limit: only its length, in Danish and English', () => {
    const files = callWith(`  - ${long}\n`);
    expect(messagesOf(files, 'da')).toEqual(['calls/c.yaml:9:5 schema-length Kriterium nr. 1 må højst have 20.000 tegn (har 30.000).']);
    expect(messagesOf(files, 'en')).toEqual(['calls/c.yaml:9:5 schema-length Criterion no. 1 must be at most 20,000 characters long (it is 30,000).']);
  });

  it('a mapping: only what the mapping lacks or breaks', () => {
    expect(messagesOf(callWith('  - id: reach\n'), 'da')).toEqual(['calls/c.yaml:9:5 schema-required Feltet kriterium nr. 1: ordlyd mangler. Tilføj en linje text: med værdien.']);
    expect(messagesOf(callWith(`  - id: reach\n    text: {da: ${long}}\n`), 'en')).toEqual(['calls/c.yaml:10:16 schema-length Criterion no. 1: wording: Danish must be at most 20,000 characters long (it is 30,000).']);
    // The criterion's wording is named in words in either language, as show heads it.
    expect(messagesOf(callWith(`  - id: reach\n    text: {da: ${long}}\n`), 'da')).toEqual(['calls/c.yaml:10:16 schema-length Kriterium nr. 1: ordlyd: dansk må højst have 20.000 tegn (har 30.000).']);
  });

  it('a value of no allowed form (a number): one line, for the first form', () => {
    expect(messagesOf(callWith('  - 5\n'), 'da')).toEqual(['calls/c.yaml:9:5 schema-type Kriterium nr. 1 skal være tekst. Sæt værdien i anførselstegn (et tal som 0800 ville ellers miste sit foranstillede nul).']);
  });

  it('each criterion is judged by its own form, and a valid one says nothing', () => {
    expect(messagesOf(callWith(`  - Kvalitet\n  - id: reach\n  - ${long}\n  - id: ok\n    text: {da: Rækkevidde}\n`)).map((m) => m.split(' ').slice(0, 2).join(' '))).toEqual(['calls/c.yaml:10:5 schema-required', 'calls/c.yaml:11:5 schema-length']);
  });

  it('call add --criteria with a too-long text says only its length', async () => {
    const dir = makeFolder(baseFiles());
    const r = await civsamInProcess(['--data', dir, '--lang', 'da', 'call', 'add', '--title', 'Opslag', '--areas', 'psykiatri', '--scope', 'regional', '--published', '2024-01-01', '--deadline', '2024-02-01', '--channel', 'offentligt', '--criteria', long]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('  --criteria må højst have 20.000 tegn (har 30.000).\nfejl: ændringen blev afvist på grund af problemet ovenfor; intet er skrevet.\n');
  });
});
