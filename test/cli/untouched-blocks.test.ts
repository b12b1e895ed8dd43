// A command keeps every field it does not change exactly as the file has it: a folded (`>-`) and a
// literal (`|`) block and comment lines in fields it does not touch stay byte for byte, whichever
// command changes an agreement, an offer or an organisation (ending an agreement once rewrote a
// folded reason as one long line).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { civsam } from '../helpers/cli.js';
import { baseFiles, makeFolder } from '../helpers/folder.js';
import { todayIs } from '../helpers/today.js';

const POOL = 'id: puljen\nname: Puljen\nareas: [psychiatry]\neligible_kinds: [operation]\nbudgets:\n  - year: 2026\n    amount_dkk: 1000000\n';
const AGREEMENT = [
  'id: angst',
  'title: Samarbejde om angstgrupper',
  'organisations: [alpha]',
  'areas: [psychiatry]',
  'municipalities: [aarhus]',
  'start: 2026-01-01',
  'status: active',
  'funding:',
  '  - pool: puljen',
  '    year: 2026',
  '    kind: operation',
  '    amount_dkk: 300000',
  'established_by:',
  '  exemption:',
  '    # Hvorfor uden opslag',
  '    reason: >-',
  '      Samarbejdet er en del af regionens handleplan for',
  '      selvmordsforebyggelse og kræver døgnvagt med uddannede frivillige.',
  '      Bevillingen blev givet direkte i planen, som var i',
  '      offentlig høring.',
  '    approved_by: Regionsrådet   # udvalget',
  '    date: 2025-09-28',
  'notes: |',
  '  Første linje af noterne.',
  '  Anden linje, der er lang nok til at en ombrydning ville ses tydeligt i filen.',
  '# Slut på aftalen',
  '',
].join('\n');
const UNTOUCHED_AGREEMENT = AGREEMENT.slice(AGREEMENT.indexOf('established_by:'), AGREEMENT.indexOf('notes: |'));
const OFFER = [
  'id: gruppe',
  'organisation: alpha',
  'title: Angstgruppe',
  'type: peer-group',
  'patient_groups: [angst]',
  'municipalities: [aarhus]',
  'active_from: 2026-01-01',
  '# Beskrivelsen er skrevet af foreningen',
  'description: >-',
  '  Gruppen mødes hver anden uge og ledes af to frivillige, der selv har',
  '  erfaring med angst; nye deltagere kan komme uden henvisning.',
  '',
].join('\n');
const UNTOUCHED_OFFER = OFFER.slice(OFFER.indexOf('# Beskrivelsen'));
const ORG_NOTES = [
  '# Noter fra første møde',
  'notes: |',
  '  Foreningen har lokaler i Aarhus.',
  '  Kontakt går gennem sekretariatet, ikke formanden, i de første måneder.',
  '',
].join('\n');
const ORG = 'id: alpha\nname: Alpha Forening\nkind: patient-association\ncvr: "12345674"\nareas: [psychiatry]\npatient_groups: [depression]\nmunicipalities: [aarhus]\nstatus: active\n' + ORG_NOTES;

const folder = () => makeFolder({ ...baseFiles(), 'organisations/alpha.yaml': ORG, 'pools/puljen.yaml': POOL, 'agreements/angst.yaml': AGREEMENT, 'offers/gruppe.yaml': OFFER });
const read = (dir: string, rel: string) => readFileSync(join(dir, rel), 'utf8');

const COMMANDS: Array<{ args: string[]; file: string; untouched: string }> = [
  { args: ['agreement', 'end', 'angst'], file: 'agreements/angst.yaml', untouched: UNTOUCHED_AGREEMENT },
  { args: ['agreement', 'end', 'angst', '--date', '2026-11-30'], file: 'agreements/angst.yaml', untouched: UNTOUCHED_AGREEMENT },
  { args: ['agreement', 'end', 'angst', '--date', '2026-12-07'], file: 'agreements/angst.yaml', untouched: UNTOUCHED_AGREEMENT },
  { args: ['agreement', 'end', 'angst', '--date', '2026-12-31'], file: 'agreements/angst.yaml', untouched: UNTOUCHED_AGREEMENT },
  { args: ['agreement', 'edit', 'angst', '--end', '2026-12-31'], file: 'agreements/angst.yaml', untouched: UNTOUCHED_AGREEMENT },
  { args: ['agreement', 'edit', 'angst', '--title', 'Angstgrupper i Aarhus'], file: 'agreements/angst.yaml', untouched: UNTOUCHED_AGREEMENT },
  { args: ['agreement', 'evaluate', 'angst', '--summary', 'Godt i gang.'], file: 'agreements/angst.yaml', untouched: UNTOUCHED_AGREEMENT },
  { args: ['agreement', 'report', 'angst', '--due', '2027-01-31', '--kind', 'progress'], file: 'agreements/angst.yaml', untouched: UNTOUCHED_AGREEMENT },
  { args: ['offer', 'end', 'gruppe', '--date', '2026-11-30'], file: 'offers/gruppe.yaml', untouched: UNTOUCHED_OFFER },
  { args: ['offer', 'edit', 'gruppe', '--title', 'Angstgruppen'], file: 'offers/gruppe.yaml', untouched: UNTOUCHED_OFFER },
  { args: ['org', 'deactivate', 'alpha', '--date', '2026-11-30'], file: 'organisations/alpha.yaml', untouched: ORG_NOTES },
  { args: ['org', 'edit', 'alpha', '--website', 'https://alpha.example'], file: 'organisations/alpha.yaml', untouched: ORG_NOTES },
];

describe('fields a command does not change stay as the file has them', () => {
  todayIs('2026-12-07');

  for (const { args, file, untouched } of COMMANDS) {
    it(`civsam ${args.join(' ')}`, async () => {
      const dir = folder();
      const run = await civsam(['--data', dir, ...args, '--no-commit'], { env: { CIVSAM_LANG: 'en' } });
      expect(run.stderr).not.toMatch(/error/);
      expect(run.code).toBe(0);
      const after = read(dir, file);
      expect(after).toContain(untouched);
    });
  }

  it('cancelling a draft agreement keeps them too', async () => {
    const dir = makeFolder({ ...baseFiles(), 'organisations/alpha.yaml': ORG, 'pools/puljen.yaml': POOL, 'agreements/angst.yaml': AGREEMENT.replace('status: active', 'status: draft') });
    expect((await civsam(['--data', dir, 'agreement', 'cancel', 'angst', '--no-commit'])).code).toBe(0);
    const after = read(dir, 'agreements/angst.yaml');
    expect(after).toContain('status: cancelled\n');
    expect(after).toContain(UNTOUCHED_AGREEMENT);
    expect(after).toContain('notes: |\n');
  });
});
