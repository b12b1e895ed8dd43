// A control character (an escape code) in what a person types or writes is said everywhere it is,
// in one run. Before, a change with four such options was refused for one of them per run, validate
// told only the first in a file (and none beside schema errors), and an option that is no record
// field (`--assessor`, `--point`) was pointed at as a line of a file civsam had not written.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder, org } from '../helpers/folder.js';

const ESC = '\u001b[31m';
const CONTROL_DA = 'indeholder hver et kontroltegn (fx en escape-kode), som ville nå terminaler og regneark som en kommando. Fjern dem; linjeskift og tabulatorer er i orden.';
const da = (dir: string, ...args: string[]) => civsam(['--data', dir, ...args], { env: { CIVSAM_LANG: 'da', COLUMNS: '80' } });

const CALL = { id: 'c1', title: 'Opslag', areas: ['psychiatry'], scope: 'regional', published: '2026-01-05', deadline: '2026-02-01', channel: 'public', criteria: [{ id: 'reach', text: { da: 'Rækkevidde' } }] };
const APPLICATION = { id: 'a1', call: 'c1', organisations: ['alpha'], amount_dkk: 1000, kind: 'development', received: '2026-01-20' };
const PARTY = 'id: hp\norganisation: alpha\nareas: [psychiatry]\nsince: 2020-01-01\nstatus: active\n';
const CONSULTATION = 'id: h1\ntitle: Høring\nareas: [psychiatry]\nopens: 2026-03-01\ndeadline: 2026-04-01\nselection: all\ninvited: [hp]\nstatus: open\n';

function folder(): { dir: string; files: () => string } {
  const dir = makeFolder({
    ...baseFiles(),
    'calls/c1.yaml': JSON.stringify(CALL) + '\n',
    'applications/a1.yaml': JSON.stringify(APPLICATION) + '\n',
    'hearing-parties/hp.yaml': PARTY,
    'consultations/h1.yaml': CONSULTATION,
  });
  const files = () => ['applications/a1.yaml', 'consultations/h1.yaml', 'organisations/alpha.yaml'].map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
  return { dir, files };
}

describe('options typed with a control character', () => {
  it('every one is named at once, in one sentence, and nothing is written', async () => {
    const { dir } = folder();
    const r = await da(dir, 'org', 'add', '--no-commit', '--name', 'Rød Forening', '--kind', 'patientforening', '--areas', 'psykiatri', '--scope', 'regional',
      '--notes', `note${ESC}`, '--contact-name', `Navn${ESC}`, '--contact-role', `formand${ESC}`, '--website', `https://x.dk/${ESC}`);
    expect(r).toEqual({ code: 2, stdout: '', stderr: `  --website, --contact-role, --contact-name og --notes ${CONTROL_DA}\nfejl: ændringen blev afvist på grund af problemet ovenfor; intet er skrevet.\n` });
    // One of them: said as before, in its own words.
    const one = await da(dir, 'org', 'add', '--no-commit', '--name', 'Rød Forening', '--kind', 'patientforening', '--areas', 'psykiatri', '--scope', 'regional', '--notes', `note${ESC}`);
    expect(one.stderr).toBe('  --notes indeholder et kontroltegn (fx en escape-kode), som ville nå terminaler og regneark som en kommando. Fjern det; linjeskift og tabulatorer er i orden.\nfejl: ændringen blev afvist på grund af problemet ovenfor; intet er skrevet.\n');
  });

  it('options that are no field of the record are named too (--assessor, --note, --point), not a line of a file never written', async () => {
    const { dir, files } = folder();
    const before = files();
    const assess = await da(dir, 'application', 'assess', 'a1', '--no-commit', '--assessor', `K${ESC}`, '--score', 'reach=3', '--note', `god${ESC}`, '--date', '2026-02-10');
    expect(assess).toEqual({ code: 2, stdout: '', stderr: `  --assessor og --note ${CONTROL_DA}\nfejl: ændringen blev afvist på grund af problemet ovenfor; intet er skrevet.\n` });
    // Two points typed with one: the option is named once.
    const respond = await da(dir, 'consultation', 'respond', 'h1', 'hp', '--no-commit', '--point', `P${ESC}`, '--point', `Q${ESC}`, '--date', '2026-03-05');
    expect(respond).toEqual({ code: 2, stdout: '', stderr: '  --point indeholder et kontroltegn (fx en escape-kode), som ville nå terminaler og regneark som en kommando. Fjern det; linjeskift og tabulatorer er i orden.\nfejl: ændringen blev afvist på grund af problemet ovenfor; intet er skrevet.\n' });
    // A mark that turns the direction of the text, in English.
    const turned = await civsam(['--data', dir, 'application', 'assess', 'a1', '--assessor', 'K\u202e', '--score', 'reach=3', '--date', '2026-02-10', '--no-commit']);
    expect(turned.stderr).toBe('  --assessor contains an invisible character that turns the direction of the text, so that it can show on pages and in spreadsheets as something else than what is written. Remove it (retype the text, or delete the invisible character where the text turns).\nerror: the change was refused because of the problem above; nothing was written.\n');
    // `../` as the id: refused as no name and no id, and the escape code is never echoed.
    const path = await da(dir, 'application', 'assess', '../a1', '--no-commit', '--assessor', `K${ESC}`, '--score', 'reach=3');
    expect(path.code).toBe(2);
    expect(path.stderr).toMatch(/^fejl: det, du angav, er hverken en posts navn eller dens id \(det ligner en sti til en fil/);
    for (const r of [assess, respond, turned, path]) expect(r.stderr).not.toMatch(/[\u001b\u202e]/);
    expect(files()).toBe(before);
  });
});

describe('validate', () => {
  const written = (extra = '', kind = 'patient-association') => makeFolder({ ...baseFiles(), 'organisations/alpha.yaml': org('alpha', 'Alpha').replace('name: Alpha', 'name: "Alpha\\e[31m"').replace('kind: patient-association', `kind: ${kind}`) + 'notes: "n\\e[31m"\n' + extra });

  it('says every value with a control character, also beside the schema\'s problems of the same file', async () => {
    const plain = await da(written(), 'validate', '--format', 'json');
    expect(plain.code).toBe(2);
    expect(JSON.parse(plain.stdout).problems.map((p: { line: number; rule: string }) => `${p.line} ${p.rule}`)).toEqual(['3 control-character', '9 control-character']);
    const broken = await da(written('registered: 2026-13-01\n', 'bogus'), 'validate', '--format', 'json');
    expect(JSON.parse(broken.stdout).problems.map((p: { line: number; rule: string }) => `${p.line} ${p.rule}`)).toEqual(['3 control-character', '4 schema-value', '9 control-character', '10 schema-format']);
    expect(broken.stdout).not.toContain('\u001b');
  });
});

describe('invisible characters (a zero-width space copied from a web page) are refused as a direction mark is', () => {
  const INVISIBLE_DA = 'indeholder et usynligt tegn (fx et mellemrum uden bredde, som tit kommer med, når tekst kopieres fra en hjemmeside). Det ses ikke, men følger med teksten ud i regneark og på siderne. Fjern det: skriv teksten igen i stedet for at kopiere den.';
  const ADD = ['org', 'add', '--no-commit', '--kind', 'patientforening', '--areas', 'psykiatri', '--scope', 'regional'];

  it('in a name typed as an option: each of U+200B, U+200C, U+200D, U+2060 and U+FEFF; nothing is written', async () => {
    const { dir } = folder();
    for (const mark of ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF']) {
      const r = await da(dir, ...ADD, '--name', `Ny${mark}Forening`);
      expect(r, JSON.stringify(mark)).toEqual({ code: 2, stdout: '', stderr: `  --name ${INVISIBLE_DA}\nfejl: ændringen blev afvist på grund af problemet ovenfor; intet er skrevet.\n` });
    }
    // A right-to-left mark is a direction mark, said as one.
    expect((await da(dir, ...ADD, '--name', 'Ny\u200FForening')).stderr).toContain('--name indeholder et usynligt tegn, der vender tekstens retning');
    // Near miss: the same name without it is written.
    expect((await da(dir, ...ADD, '--name', 'Ny Forening')).code).toBe(0);
  });

  it('but a joiner inside an emoji of several (a family) is part of the text, in a name and in a file; a joiner beside a letter is not', async () => {
    const family = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}';
    const { dir } = folder();
    expect((await da(dir, ...ADD, '--name', `Familiecaféen ${family}`)).code).toBe(0);
    expect((await da(dir, ...ADD, '--name', `Familiecaféen ${family}\u200Dx`)).code).toBe(2);
    const withFamily = makeFolder({ ...baseFiles(), 'organisations/alpha.yaml': org('alpha', `"Alpha \\U0001F468\\u200D\\U0001F469 \\U0001F44D\\U0001F3FD"`) });
    expect((await da(withFamily, 'validate')).code).toBe(0);
    const joinedLetter = makeFolder({ ...baseFiles(), 'organisations/alpha.yaml': org('alpha', '"Alpha\\u200Dx"') });
    expect((await da(joinedLetter, 'validate')).stdout.replace(/\s+/g, ' ')).toContain(`Navn ${INVISIBLE_DA}`);
  });

  it('in a file: validate says it at the value', async () => {
    const dir = makeFolder({ ...baseFiles(), 'organisations/alpha.yaml': org('alpha', '"Alpha\\u200B"') });
    const r = await da(dir, 'validate');
    expect(r.code).toBe(2);
    expect(r.stdout.replace(/\s+/g, ' ')).toContain(`organisations/alpha.yaml:3:7 Navn ${INVISIBLE_DA}`);
  });
});
