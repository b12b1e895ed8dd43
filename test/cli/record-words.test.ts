// A record named on the command line (`civsam history org lyspunktet`, `civsam sync --mine org
// lyspunktet`) is a kind and an id. Danish help says so in Danish words, never `TYPE ID`, and the
// kind may be written as the command line takes a kind anywhere, Danish words too.
import { describe, expect, it } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';
import { git } from '../helpers/team.js';
import { catalogue } from '../../src/i18n/catalogue/index.js';
import { kindFromWord } from '../../src/context/record-args.js';

const DA = { CIVSAM_LANG: 'da' };
/** Help as one line: wrapped at the terminal's width, which the words do not depend on. */
const unwrapped = (text: string) => text.replace(/\s+/g, ' ');

describe('a record named by its kind and id, in Danish help', () => {
  it('civsam history --help says navn eller id with art foran, civsam sync --help art og navn eller id, with examples', async () => {
    const history = await civsam(['history', '--help'], { env: DA });
    expect(unwrapped(history.stdout)).toContain('hvem ændrede hvad: alle ændringer af én post, nævnt ved navn eller id, gerne med arten foran (civsam history "Foreningen Lyspunktet", civsam history org lyspunktet), eller af hele mappen siden en dato');
    const sync = await civsam(['sync', '--help'], { env: DA });
    expect(unwrapped(sync.stdout)).toContain('løs konflikter med din version (af alle poster i konflikt, eller af dem, du nævner ved art og navn eller id: civsam sync --mine org "Lys i Mørket")');
    expect(history.stdout + sync.stdout).not.toMatch(/TYPE|KIND/);
  });

  it('no Danish message holds an English placeholder word in capitals', () => {
    const english = /(?<![\p{L}_$-])(?:TYPE|KIND|ID ID|FILE|DIR|NAME|TEXT|DATE|AMOUNT|YEAR|RECORD)(?![\p{L}_-])/u;
    expect(Object.entries(catalogue.da).filter(([, text]) => english.test(text)).map(([key]) => key)).toEqual([]);
  });
});

describe('the kind of a named record', () => {
  it('is any word the command line takes for a kind, Danish too', () => {
    expect(['org', 'organisation', 'organisationer', 'aftale', 'aftaler', 'høringspart', 'Tilbud', 'hearing-parties'].map(kindFromWord))
      .toEqual(['organisation', 'organisation', 'organisation', 'agreement', 'agreement', 'hearing-party', 'offer', 'hearing-party']);
    expect(['person', 'constructor', '__proto__'].map(kindFromWord)).toEqual([undefined, undefined, undefined]);
  });

  it('civsam history takes the Danish word for the kind', async () => {
    const dir = makeFolder({ ...baseFiles(), 'organisations/alfa.yaml': org('alfa', 'Alfa') });
    for (const args of [['init', '-q'], ['add', '-A'], ['commit', '-q', '-m', 'Start']]) expect(git(dir, args).code).toBe(0);
    const r = await civsam(['history', 'organisation', 'alfa', '--data', dir, '--format', 'json']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const da = await civsam(['history', 'organisationer', 'alfa', '--data', dir, '--format', 'json'], { env: DA });
    expect(da).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(da.stdout).record).toEqual({ kind: 'organisation', id: 'alfa' });
  });
});
