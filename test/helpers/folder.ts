// Small data folders built in the test from an object of files, so each expectation sits next to
// the data it follows from.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll } from 'vitest';

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

export type Files = Record<string, string | Uint8Array | null>;

/** Writes the files into a fresh temporary folder; a null value leaves that file out. */
export function makeFolder(files: Files): string {
  const dir = mkdtempSync(join(tmpdir(), 'civsam-test-'));
  made.push(dir);
  for (const [rel, content] of Object.entries(files)) {
    if (content === null) continue;
    const p = join(dir, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, content);
  }
  return dir;
}

/** The smallest valid folder: settings, three vocabularies, one organisation. */
export function baseFiles(): Files {
  return {
    'civsam.yaml': 'region:\n  name: Region Test\n  website: https://region.example\nlanguage: da\n',
    'vocabularies/municipalities.yaml': '- id: aarhus\n  name: Aarhus\n- id: randers\n  name: Randers\n- id: skive\n  name: Skive\n',
    'vocabularies/patient-groups.yaml': [
      '- id: psykisk-sygdom', '  name: {da: Psykisk sygdom, en: Mental illness}', '  areas: [psychiatry]',
      '- id: depression', '  name: {da: Depression, en: Depression}', '  areas: [psychiatry]', '  parent: psykisk-sygdom',
      '- id: angst', '  name: {da: Angst, en: Anxiety}', '  areas: [psychiatry]', '  parent: psykisk-sygdom',
      '- id: diabetes', '  name: {da: Diabetes, en: Diabetes}', '  areas: [health]', '',
    ].join('\n'),
    'vocabularies/offer-types.yaml': '- id: peer-group\n  name: {da: Samtalegruppe, en: Peer group}\n- id: hotline\n  name: {da: Rådgivning, en: Helpline}\n',
    'organisations/alpha.yaml': org('alpha', 'Alpha Forening', '12345674'),
  };
}

export function org(id: string, name: string, cvr?: string, extra = ''): string {
  return `# yaml-language-server: $schema=../../schemas/organisation.schema.json\nid: ${id}\nname: ${name}\nkind: patient-association\n${cvr ? `cvr: "${cvr}"\n` : ''}areas: [psychiatry]\npatient_groups: [depression]\nmunicipalities: [aarhus]\nstatus: active\n${extra}`;
}
