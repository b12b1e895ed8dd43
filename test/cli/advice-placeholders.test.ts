// A placeholder of civsam's own advice (`--reason TEKST`, `--case JOURNALNUMMER`, `decide ID`) typed
// as it was printed is refused, so it never reaches the data (and from there a letter). Every
// upper-case word the catalogue's advice writes is checked here, found by a wider net than the
// program's own: a new placeholder in a new message is refused, or this test names it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { catalogue } from '../../src/i18n/catalogue/index.js';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder } from '../helpers/folder.js';

const DA = { CIVSAM_LANG: 'da' };

/**
 * Upper-case words in running text that are no placeholder: abbreviations, formats, names of
 * things (git's HEAD, a tool), date patterns. Anything else upper-case in a message that shows a
 * command is taken for a placeholder.
 */
const NOT_PLACEHOLDERS = new Set([
  'YAML', 'CSV', 'JSON', 'HTML', 'UTF', 'CVR', 'DK', 'DK-CVR', 'DKK', 'GDPR', 'HSDS', 'HHI', 'NFC', 'NFD', 'IT', 'HEAD', 'BFG', 'TAG',
  'CIVSAM', 'NO', 'LANG', 'DEBUG', 'DATA', 'COLOR', 'REF', 'REFERENCE', 'NUL', 'E', 'MM', 'DD',
]);

/** Every upper-case word of two letters or more in a message that shows a command or an option. */
function upperCaseWordsInAdvice(): string[] {
  const words = new Set<string>();
  for (const messages of [catalogue.en, catalogue.da] as Array<Record<string, string>>) {
    for (const [key, text] of Object.entries(messages)) {
      if (!/civsam |--|git /.test(text) && !key.endsWith('Word')) continue;
      for (const m of text.matchAll(/(?<![\p{L}\p{N}$])\p{Lu}[\p{Lu}\p{N}]+(?![\p{Ll}\p{N}])/gu)) {
        // A word that begins a compound (`CSV-filen`, `IT-afdelingen`) or an environment variable's part is no placeholder.
        const after = text.slice(m.index! + m[0].length);
        if (/^-\p{Ll}|^_/u.test(after) || text[m.index! - 1] === '_') continue;
        if (!NOT_PLACEHOLDERS.has(m[0]) && !/^(ÅÅÅÅ|YYYY)$/.test(m[0])) words.add(m[0]);
      }
    }
  }
  return [...words].sort();
}

describe('placeholders of civsam\'s advice given as values', () => {
  const words = upperCaseWordsInAdvice();

  it('finds the placeholders the reviewer met, in both languages', () => {
    for (const w of ['TEKST', 'TEXT', 'JOURNALNUMMER', 'CASENUMBER', 'ANTAL', 'NUMBER', 'BELØB', 'AMOUNT', 'ÅR', 'YEAR', 'PART', 'PARTY', 'KRITERIER', 'NAVN', 'ID']) expect(words).toContain(w);
  });

  it.each(words)('%s given to a text option is refused, naming the option and the word', async (word) => {
    const r = await civsam(['application', 'decide', 'x', '--reason', word], { env: DA });
    expect(r).toEqual({ code: 2, stdout: '', stderr: `fejl: --reason fik ${word}, men ${word} er en pladsholder: i civsams eksempler og råd står det for det, du selv skal skrive. Skriv den rigtige værdi i stedet.\n` });
  });

  it('refuses a placeholder in the place of an id, an argument and a whole syntax, in English too', async () => {
    expect((await civsam(['application', 'decide', 'ID', '--case', '1-2'])).stderr).toBe('error: the id was given ID, but ID is a placeholder: in civsam\'s examples and advice it stands for what you write yourself. Write the real value in its place.\n');
    expect((await civsam(['clone', 'URL', 'FOLDER'])).stderr).toContain('the argument url was given URL and the argument dir was given FOLDER, but those are placeholders');
    expect((await civsam(['agreement', 'add', '--title', 'x', '--funding', 'PULJE:ÅR:ART:BELØB'], { env: DA })).stderr).toContain('--funding fik PULJE:ÅR:ART:BELØB, men PULJE:ÅR:ART:BELØB er en pladsholder');
    expect((await civsam(['org', 'add', '--name', 'NYT NAVN'], { env: DA })).stderr).toContain('--name fik NYT NAVN, men NYT NAVN er en pladsholder');
  });

  it('names an argument in words in Danish, never as a usage token', async () => {
    expect((await civsam(['org', 'show', 'ID'], { env: DA })).stderr).toBe('fejl: id\'et fik ID, men ID er en pladsholder: i civsams eksempler og råd står det for det, du selv skal skrive. Skriv den rigtige værdi i stedet.\n');
    expect((await civsam(['consultation', 'respond', 'h1', 'PART'], { env: DA })).stderr).toBe('fejl: argumentet høringsparter fik PART, men PART er en pladsholder: i civsams eksempler og råd står det for det, du selv skal skrive. Skriv den rigtige værdi i stedet.\n');
  });

  it('names every placeholder given at once', async () => {
    const r = await civsam(['agreement', 'edit', 'a1', '--exemption-reason', 'TEKST', '--exemption-approved-by', 'NAVN', '--exemption-date', 'DATO'], { env: DA });
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'fejl: --exemption-reason fik TEKST, --exemption-approved-by fik NAVN og --exemption-date fik DATO, men det er pladsholdere: i civsams eksempler og råd står de for det, du selv skal skrive. Skriv de rigtige værdier i stedet.\n' });
  });

  it('lists the values of an option that takes fixed ones, by their labels', async () => {
    const r = await civsam(['consultation', 'note', 'h1', '--party', 'p1', '--index', '1', '--disposition', 'VÆRDI'], { env: DA });
    expect(r.stderr).toBe('fejl: --disposition fik VÆRDI, men VÆRDI er en pladsholder: i civsams eksempler og råd står det for det, du selv skal skrive. Skriv den rigtige værdi i stedet. --disposition kan have en af disse værdier: imødekommet, delvis imødekommet eller ikke imødekommet.\n');
    expect((await civsam(['consultation', 'note', 'h1', '--party', 'p1', '--index', '1', '--disposition', 'VALUE'])).stderr).toContain('--disposition takes one of these values: ');
  });

  it('leaves upper-case text that is no placeholder alone (an abbreviation, a name in capitals)', async () => {
    const dir = makeFolder(baseFiles());
    for (const name of ['KOL', 'ADHD', 'CSV', 'TEKST OM KOL']) {
      const r = await civsam(['--data', dir, 'org', 'add', '--name', name, '--kind', 'patient-association', '--areas', 'psychiatry', '--scope', 'regional', '--dry-run']);
      expect(r.stderr).not.toContain('placeholder');
      expect(r.code).toBe(0);
    }
  });

  it('a decision copied from the audit\'s advice with TEKST or JOURNALNUMMER is refused and the decision kept', async () => {
    const call = { id: 'c1', title: 'Opslag', areas: ['psychiatry'], scope: 'regional', published: '2026-01-05', deadline: '2026-02-01', channel: 'public', criteria: [{ id: 'kvalitet', text: { da: 'Kvalitet' } }] };
    const app = { id: 'c1-alpha', call: 'c1', organisations: ['alpha'], title: 'Samtaler', amount_dkk: 200000, kind: 'operation', received: '2026-01-20', decision: { outcome: 'granted', date: '2026-03-01', reason: 'Den rigtige begrundelse', case_number: '1-30-72' } };
    const dir = makeFolder({ ...baseFiles(), 'calls/c1.yaml': JSON.stringify(call) + '\n', 'applications/c1-alpha.yaml': JSON.stringify(app) + '\n' });
    const before = readFileSync(join(dir, 'applications/c1-alpha.yaml'), 'utf8');
    const reason = await civsam(['--data', dir, 'application', 'decide', 'c1-alpha', '--decision', 'delvist bevilget', '--date', '2026-03-01', '--amount', '100000', '--reason', 'TEKST', '--criteria', 'kvalitet', '--no-commit'], { env: DA });
    expect(reason.code).toBe(2);
    expect(reason.stderr).toContain('--reason fik TEKST');
    const caseNumber = await civsam(['--data', dir, 'application', 'decide', 'c1-alpha', '--case', 'JOURNALNUMMER', '--no-commit'], { env: DA });
    expect(caseNumber.code).toBe(2);
    expect(caseNumber.stderr).toContain('--case fik JOURNALNUMMER');
    expect(readFileSync(join(dir, 'applications/c1-alpha.yaml'), 'utf8')).toBe(before);
    expect((parse(before) as { decision: { reason: string } }).decision.reason).toBe('Den rigtige begrundelse');
  });
});
