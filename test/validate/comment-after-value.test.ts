// A ` #` after an unquoted value begins a YAML comment, so the value ends before it: reading says so
// (a warning, at the comment) instead of keeping a shorter text than the user wrote without a word.
import { readdirSync, readFileSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commentsAfterPlainValues } from '../../src/store/yaml-read.js';
import { readFolder } from '../../src/store/load-folder.js';
import { snapshotEntries } from '../../src/store/parse-cache.js';
import { translate } from '../../src/i18n/index.js';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';
import { civsam } from '../helpers/cli.js';
import { messagesOf } from '../helpers/check.js';

const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
const at = (text: string) => commentsAfterPlainValues(text).map((p) => `${p.line}:${p.col}`);

describe('a comment after a plain value', () => {
  it('is found at its #, where the # is glued to what follows it, after text in a field or a list, also one over two lines', () => {
    expect(at('id: a\nname: Foreningen for døve #2\n')).toEqual(['2:27']);
    expect(at('description: Vi mødes i lokale #4 # husk kaffe\n')).toEqual(['1:32']);
    expect(at('areas:\n  - social #og-mere\n')).toEqual(['2:12']);
    expect(at('notes: første linje\n  anden linje #rest\n')).toEqual(['2:15']);
    expect(at('name: a\t#2\n')).toEqual(['1:9']);
    expect(at('name: 2 døve #1\n')).toEqual(['1:14']);
  });

  it('is silent after a value that cannot have been cut (a number, a date, true/false, null), and at a note written # note', () => {
    expect(at('max_share: 0.4 # 40 pct.\nstatus: active # tjekket\nregistered: 2018-04-23 # note\n')).toEqual([]);
    expect(at('max_share: 0.4 #40\nregistered: 2018-04-23 #note\nconfirmed: true #ja\ncount: 5 #ca\nx: ~ #y\nbig: 1e3 #z\n')).toEqual([]);
    expect(at('description: Vi mødes kl. 10 # husk kaffe\nareas:\n  - social # og mere\nname: a\t# tab\n')).toEqual([]);
  });

  it('is silent where every value is whole: a comment line, after a key with its value below, after quotes, brackets or in a block of text', () => {
    expect(at('# a note\nid: a\n  # indented note\n')).toEqual([]);
    expect(at('contacts: # the list\n  - name: "A #1" # quoted\n')).toEqual([]);
    expect(at("name: 'A #1' # quoted\nareas: [a, b] # two\nmap: {a: b} # one\n")).toEqual([]);
    expect(at('notes: | # keep\n  kl. 10 # husk kaffe\n# after\nid: a\n')).toEqual([]);
    expect(at('notes: >-\n  a # b\n\n  c # d\n')).toEqual([]);
    expect(at('name: A#1\nurl: https://x.dk/#top\n')).toEqual([]);
    expect(at('')).toEqual([]);
  });

  it('is a warning in validate, at file:line:col, in both languages; the file keeps its (shorter) value', () => {
    const files = { ...baseFiles(), 'organisations/alpha.yaml': org('alpha', 'Foreningen for døve #2', '12345674') };
    expect(messagesOf(files)).toEqual(['organisations/alpha.yaml:3:27 comment-after-value The text from this # on is not part of the value: in YAML a space followed by # begins a comment, so the value ends before it. If the text belongs to the value, put the whole value in quotes ("…"); if it is a note, it can stay.']);
    expect(messagesOf(files, 'da')).toEqual(['organisations/alpha.yaml:3:27 comment-after-value Teksten fra dette # og frem er ikke en del af værdien: i YAML indleder et mellemrum efterfulgt af # en kommentar, så værdien slutter før den. Hører teksten til værdien, så sæt hele værdien i anførselstegn ("…"); er den en note, kan den blive stående.']);
    const raw = readFolder(makeFolder(files));
    expect(raw.files.find((f) => f.rel === 'organisations/alpha.yaml')?.data).toEqual(expect.objectContaining({ name: 'Foreningen for døve' }));
    expect(translate('da', 'problem.commentAfterValue')).not.toMatch(/comment|value/i);
  });

  it('is said beside the errors of a file that cannot be read, every problem in one run', () => {
    const files = { ...baseFiles(), 'organisations/alpha.yaml': org('alpha', 'Alpha', '12345674', 'notes: kl. 10 #2\nname: Igen\n') };
    expect(messagesOf(files).map((m) => m.split(' ').slice(0, 2).join(' '))).toEqual(['organisations/alpha.yaml:10:15 comment-after-value', 'organisations/alpha.yaml:11:1 yaml-duplicate-key']);
  });

  it('is said the same when the file is taken from the snapshot, and validate still exits 0 (a warning)', async () => {
    const dir = makeFolder({ ...baseFiles(), 'organisations/alpha.yaml': org('alpha', 'Alpha', '12345674', 'notes: Vi mødes kl. 10 #4\n') });
    const past = new Date(Date.now() - 60_000);
    utimesSync(join(dir, 'organisations/alpha.yaml'), past, past);
    const cache = makeFolder({});
    const env = { CIVSAM_NO_CACHE: undefined, CIVSAM_CACHE_DIR: cache, CIVSAM_SNAPSHOT_RACY_MS: '0' };
    const fresh = await civsam(['validate', '--data', dir]);
    expect(fresh.code).toBe(0);
    expect(fresh.stdout).toContain(`${join(dir, 'organisations/alpha.yaml')}:10:24  warning: The text from this # on is not part of the value`);
    const first = await civsam(['validate', '--data', dir], { env });
    const second = await civsam(['validate', '--data', dir], { env });
    const third = await civsam(['org', 'show', 'alpha', '--data', dir], { env });
    expect(first).toEqual(fresh);
    // Kept in the snapshot with the file's data, and given from there the next time.
    const [snapshot] = readdirSync(cache);
    const kept = snapshotEntries(join(cache, snapshot), VERSION)!['organisations/alpha.yaml'];
    expect(kept.data).toEqual(expect.objectContaining({ notes: 'Vi mødes kl. 10' }));
    expect(kept.problems).toEqual([expect.objectContaining({ rule: 'comment-after-value', line: 10, col: 24, severity: 'warning' })]);
    expect(second).toEqual(fresh);
    expect(third.code).toBe(0);
    expect(await civsam(['validate', '--data', dir], { env })).toEqual(fresh);
  });

  it('is said on stderr when a record comes from a file (--from-file)', async () => {
    const dir = makeFolder(baseFiles());
    const input = makeFolder({ 'beta.yaml': org('beta', 'Beta #2', '12345674').replace(/^# .*\n/, '') });
    const run = await civsam(['org', 'add', '--from-file', join(input, 'beta.yaml'), '--dry-run', '--data', dir]);
    expect(run.stderr).toContain(`${join(input, 'beta.yaml')}:2:12  warning: The text from this # on is not part of the value`);
  });
});
