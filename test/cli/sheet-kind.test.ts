// `civsam export WHAT` and `civsam import WHAT FILE` with a word that names nothing they can do:
// the kinds listed in the user's language, the nearest suggested, and the word repeated only when
// it is shaped like an id (a name or a file name where the kind should be is never echoed).
import { describe, expect, it } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { kindFromName, RECORD_KINDS } from '../../src/domain/kinds.js';
import { translate, type MessageKey } from '../../src/i18n/index.js';
import { OVERVIEW_NAMES, OVERVIEW_WORDS } from '../../src/commands/sheet-kind.js';

const DA = { CIVSAM_LANG: 'da' };
const EXPORT_DA = 'Eksportér en af: organisationer, tilbud, aftaler, puljer, opslag, høringsparter, høringer, ansøgninger, overblik tilbud|dækning|finansiering|udløber, 360giving.';
const EXPORT_EN = 'Export one of: organisations, offers, agreements, pools, calls, hearing-parties, consultations, applications, overview offers|coverage|funding|expiring, 360giving.';
const IMPORT_DA = 'Importér en af: organisationer, tilbud, aftaler, høringsparter.';

describe('civsam export with a word that names nothing it exports', () => {
  it('repeats an id-shaped word and lists the kinds in Danish', async () => {
    expect(await civsam(['export', 'nonsense'], { env: DA })).toEqual({ code: 2, stdout: '', stderr: `fejl: civsam kan ikke eksportere »nonsense«. ${EXPORT_DA}\n` });
  });

  it('suggests the nearest kind in the user\'s language, whichever language the word was near', async () => {
    expect((await civsam(['export', 'organisatoner'], { env: DA })).stderr).toBe(`fejl: civsam kan ikke eksportere »organisatoner«. Mente du: organisationer? ${EXPORT_DA}\n`);
    expect((await civsam(['export', 'consultatons'], { env: DA })).stderr).toBe(`fejl: civsam kan ikke eksportere »consultatons«. Mente du: høringer? ${EXPORT_DA}\n`);
    expect((await civsam(['export', 'overblik', 'fnansiering'], { env: DA })).stderr).toBe(`fejl: civsam kan ikke eksportere »overblik fnansiering«. Mente du: overblik finansiering? ${EXPORT_DA}\n`);
    expect(await civsam(['export', 'consultatons'])).toEqual({ code: 2, stdout: '', stderr: `error: civsam cannot export “consultatons”. Did you mean: consultations? ${EXPORT_EN}\n` });
  });

  it('does not repeat a word that is not id-shaped: a name, a file name, an escape code', async () => {
    for (const word of ['Anna Jensen', 'foreninger.csv', '\u001b[31morg']) {
      const r = await civsam(['export', word], { env: DA });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`fejl: civsam kan ikke eksportere det, du angav. ${EXPORT_DA}\n`);
    }
    // A file name given where --output belongs is not repeated either, and --output is named.
    expect((await civsam(['export', 'organisations', 'ud.csv'])).stderr).toBe('error: civsam cannot export what you gave. To write the records to a file, give --output <file>.\n');
    expect((await civsam(['export', 'organisationer', 'ud.csv'], { env: DA })).stderr).toBe('fejl: civsam kan ikke eksportere det, du angav. Giv --output <fil> for at skrive posterne til en fil.\n');
  });
});

describe('civsam export with a word too many after what it exports', () => {
  it('says the word is too many, even with --output given, and lists what can be exported', async () => {
    const extra = (after: string) => `Der står et ord for meget efter ${after}: civsam eksporterer én ting ad gangen. ${EXPORT_DA}`;
    expect(await civsam(['export', 'aftaler', 'overblik', '--output', 'x.csv'], { env: DA })).toEqual({ code: 2, stdout: '', stderr: `fejl: civsam kan ikke eksportere »aftaler overblik«. ${extra('aftaler')}\n` });
    expect((await civsam(['export', 'aftaler', 'overblik'], { env: DA })).stderr).toBe(`fejl: civsam kan ikke eksportere »aftaler overblik«. ${extra('aftaler')}\n`);
    expect((await civsam(['export', 'overview-funding', 'x'], { env: DA })).stderr).toBe(`fejl: civsam kan ikke eksportere »overview-funding x«. ${extra('overblik finansiering')}\n`);
    expect((await civsam(['export', '360giving', 'tilbud'], { env: DA })).stderr).toBe(`fejl: civsam kan ikke eksportere »360giving tilbud«. ${extra('360giving')}\n`);
    expect((await civsam(['export', 'agreements', 'overview', '--output', 'x.csv'])).stderr).toBe(`error: civsam cannot export “agreements overview”. One word too many after agreements: civsam exports one thing at a time. ${EXPORT_EN}\n`);
  });
});

describe('civsam export with more words than the command takes', () => {
  it('says how many words are too many after what, and what can be exported, not only "too many arguments"', async () => {
    const two = await civsam(['export', 'org', 'ekstra', 'ord'], { env: DA });
    expect(two).toEqual({ code: 2, stdout: '', stderr: `fejl: civsam kan ikke eksportere »org ekstra ord«. Der står 2 ord for meget efter organisationer: civsam eksporterer én ting ad gangen. ${EXPORT_DA}\n` });
    expect((await civsam(['export', 'org', 'ekstra', 'ord'])).stderr).toBe(`error: civsam cannot export “org ekstra ord”. 2 words too many after organisations: civsam exports one thing at a time. ${EXPORT_EN}\n`);
    expect((await civsam(['export', 'overblik', 'finansiering', 'ekstra', '--output', 'x.csv'], { env: DA })).stderr).toBe(`fejl: civsam kan ikke eksportere »overblik finansiering ekstra«. Der står et ord for meget efter overblik finansiering: civsam eksporterer én ting ad gangen. ${EXPORT_DA}\n`);
    // Words that are not shaped like ids (a name, perhaps) are not repeated.
    expect((await civsam(['export', 'tilbud', 'Anne Hansen', 'x'], { env: DA })).stderr).toBe(`fejl: civsam kan ikke eksportere det, du angav. Der står 2 ord for meget efter tilbud: civsam eksporterer én ting ad gangen. ${EXPORT_DA}\n`);
  });
});

describe('civsam import with a word that names nothing it imports', () => {
  it('lists the kinds it imports in Danish, suggests the nearest, and repeats only an id-shaped word', async () => {
    expect(await civsam(['import', 'ofers', 'x.csv'], { env: DA })).toEqual({ code: 2, stdout: '', stderr: `fejl: civsam kan ikke importere »ofers«. Mente du: tilbud? ${IMPORT_DA}\n` });
    expect((await civsam(['import', 'puljer', 'x.csv'], { env: DA })).stderr).toBe(`fejl: civsam kan ikke importere »puljer«. ${IMPORT_DA}\n`);
    expect((await civsam(['import', 'foreninger.csv', 'organisationer'], { env: DA })).stderr).toBe(`fejl: civsam kan ikke importere det, du angav. ${IMPORT_DA}\n`);
    expect((await civsam(['import', 'hearing', 'x.csv'])).stderr).toBe('error: civsam cannot import “hearing”. Did you mean: hearing-parties? Import one of: organisations, offers, agreements, hearing-parties.\n');
  });
});

describe('the kinds as messages list them', () => {
  it('are words the command line takes, in each language', () => {
    for (const lang of ['en', 'da'] as const) {
      for (const kind of RECORD_KINDS) expect(kindFromName(translate(lang, `sheetKind.${kind}` as MessageKey))).toBe(kind);
      expect(OVERVIEW_WORDS).toContain(translate(lang, 'sheetKind.overview'));
      for (const name of ['offers', 'coverage', 'funding', 'expiring']) expect(OVERVIEW_NAMES[translate(lang, `sheetKind.overview.${name}` as MessageKey)]).toBe(name);
    }
  });
});
