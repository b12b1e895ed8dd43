// A small data folder for the overview tests, small enough to work every number out by hand.
// As of 2026-06-01:
//   offers  o-two        alpha  depression                Aarhus + Randers     active since 2025      (two municipalities)
//           o-regional   beta   depression + angst        regional (all three) active since 2024      (regional; agreement a-two-pools)
//           o-broad      beta   psykisk-sygdom (parent)   Skive                starts 2026-06-01      (starts on the day: active)
//           o-diabetes   delta  diabetes                  Randers              until 2026-06-01       (ends on the day: active)
//           o-ended      alpha  angst                     Skive                ended 2025-12-31       (not active)
//           o-future     alpha  depression                Skive                starts 2026-09-01      (not active)
//           o-inactive   gamma  depression                Aarhus               organisation inactive  (not active)
//   pools   pool-psyk "Psykiatripuljen" [psychiatry]: 2025 400,000 · 2026 500,000
//           pool-general "Almen pulje" [psychiatry, health]: 2026 500,000 (no 2027 budget)
//   agreements a-two-pools  beta         active    2026 psyk operation 300,000 + general development 100,000; 2027 general operation 50,000
//              a-shared     alpha + beta ended     2025 psyk development 200,001 (100,000.5 each)
//              a-over       delta        active    2026 general operation 450,000 → general 2026 overcommitted by 50,000
//              a-draft      delta        draft     2026 general operation 999,999 (not counted)
//              a-cancelled  alpha        cancelled 2026 psyk operation 777,777 (not counted)
//              a-expired, a-later, a-evaluation-past: active, no money, dates for the expiring overview
import { checkFolder } from '../../src/validate/check-folder.js';
import { readFolder } from '../../src/store/load-folder.js';
import type { DataFolder } from '../../src/domain/folder.js';
import { baseFiles, makeFolder, org, type Files } from '../helpers/folder.js';

export const AS_OF = '2026-06-01';

function offer(id: string, organisation: string, title: string, type: string, groups: string, reach: string, from: string, more = ''): string {
  return `id: ${id}\norganisation: ${organisation}\ntitle: ${title}\ntype: ${type}\npatient_groups: [${groups}]\n${reach}\nactive_from: ${from}\n${more}`;
}

function agreement(id: string, organisations: string, status: string, start: string, more = ''): string {
  return `id: ${id}\ntitle: Aftale ${id}\norganisations: [${organisations}]\nscope: regional\nstart: ${start}\nstatus: ${status}\n${more}`;
}

const line = (pool: string, year: number, kind: string, amount: number) => `  - pool: ${pool}\n    year: ${year}\n    kind: ${kind}\n    amount_dkk: ${amount}\n`;

export function overviewFiles(): Files {
  const base = baseFiles();
  return {
    ...base,
    'vocabularies/patient-groups.yaml': `${base['vocabularies/patient-groups.yaml']}- id: kol\n  name: {da: KOL, en: COPD}\n  areas: [health]\n`,
    'organisations/beta.yaml': org('beta', 'Beta Netværket', undefined).replace('areas: [psychiatry]', 'areas: [psychiatry, health]').replace('municipalities: [aarhus]', 'scope: regional'),
    'organisations/gamma.yaml': org('gamma', 'Gamma Gruppen').replace('status: active', 'status: inactive'),
    'organisations/delta.yaml': org('delta', 'Delta Diabetesforening').replace('areas: [psychiatry]', 'areas: [health]').replace('patient_groups: [depression]', 'patient_groups: [diabetes]'),
    'offers/o-two.yaml': offer('o-two', 'alpha', 'Samtalegruppe', 'peer-group', 'depression', 'municipalities: [aarhus, randers]', '2025-01-01'),
    'offers/o-regional.yaml': offer('o-regional', 'beta', 'Telefonlinjen', 'hotline', 'depression, angst', 'scope: regional', '2024-01-01', 'agreement: a-two-pools\n'),
    'offers/o-broad.yaml': offer('o-broad', 'beta', 'Åbent hus', 'peer-group', 'psykisk-sygdom', 'municipalities: [skive]', '2026-06-01'),
    'offers/o-diabetes.yaml': offer('o-diabetes', 'delta', 'Diabetescafé', 'peer-group', 'diabetes', 'municipalities: [randers]', '2025-01-01', 'active_until: 2026-06-01\n'),
    'offers/o-ended.yaml': offer('o-ended', 'alpha', 'Angstgruppe', 'peer-group', 'angst', 'municipalities: [skive]', '2023-01-01', 'active_until: 2025-12-31\n'),
    'offers/o-future.yaml': offer('o-future', 'alpha', 'Ny gruppe', 'peer-group', 'depression', 'municipalities: [skive]', '2026-09-01'),
    'offers/o-inactive.yaml': offer('o-inactive', 'gamma', 'Gammel gruppe', 'peer-group', 'depression', 'municipalities: [aarhus]', '2024-01-01'),
    'pools/pool-psyk.yaml': 'id: pool-psyk\nname: Psykiatripuljen\nareas: [psychiatry]\neligible_kinds: [development, operation]\nbudgets:\n  - year: 2025\n    amount_dkk: 400000\n  - year: 2026\n    amount_dkk: 500000\n',
    'pools/pool-general.yaml': 'id: pool-general\nname: Almen pulje\nareas: [psychiatry, health]\neligible_kinds: [development, operation]\nbudgets:\n  - year: 2026\n    amount_dkk: 500000\n',
    'agreements/a-two-pools.yaml': agreement('a-two-pools', 'beta', 'active', '2024-01-01', `end: 2027-12-31\noffers: [o-regional]\nfunding:\n${line('pool-psyk', 2026, 'operation', 300000)}${line('pool-general', 2026, 'development', 100000)}${line('pool-general', 2027, 'operation', 50000)}`),
    'agreements/a-shared.yaml': agreement('a-shared', 'alpha, beta', 'ended', '2025-01-01', `end: 2025-12-31\noffers: [o-two]\nfunding:\n${line('pool-psyk', 2025, 'development', 200001)}`),
    'agreements/a-over.yaml': agreement('a-over', 'delta', 'active', '2026-01-01', `end: 2026-06-30\nevaluation_due: 2026-06-15\nfunding:\n${line('pool-general', 2026, 'operation', 450000)}`),
    'agreements/a-draft.yaml': agreement('a-draft', 'delta', 'draft', '2026-07-01', `end: 2026-07-01\nfunding:\n${line('pool-general', 2026, 'operation', 999999)}`),
    'agreements/a-cancelled.yaml': agreement('a-cancelled', 'alpha', 'cancelled', '2026-01-01', `end: 2026-07-01\nfunding:\n${line('pool-psyk', 2026, 'operation', 777777)}`),
    'agreements/a-expired.yaml': agreement('a-expired', 'alpha', 'active', '2024-01-01', 'end: 2026-03-31\n'),
    'agreements/a-later.yaml': agreement('a-later', 'alpha', 'active', '2025-01-01', 'end: 2026-12-31\nevaluation_due: 2026-08-30\n'),
    'agreements/a-evaluation-past.yaml': agreement('a-evaluation-past', 'beta', 'active', '2025-01-01', 'evaluation_due: 2026-05-31\n'),
  };
}

/** The fixture folder on disk. */
export function overviewDir(files: Files = overviewFiles()): string {
  return makeFolder(files);
}

/** The fixture loaded as commands load it; throws if it does not validate, so a broken fixture cannot pass silently. */
export function loadFixture(files: Files = overviewFiles()): DataFolder {
  const { folder, problems } = checkFolder(readFolder(overviewDir(files)));
  if (problems.length) throw new Error(`fixture does not validate: ${problems.map((p) => `${p.file}:${p.line}:${p.col} ${p.rule}`).join(', ')}`);
  return folder;
}
