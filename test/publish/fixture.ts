// A small hand-built folder for the site tests, with the numbers each page must show worked out
// next to the data (as of 2026-06-01):
//
// Offers: o1 (Alpha, depression, Aarhus + Randers), o2 (Beta, depression + anxiety, the whole region)
// are active; o3 ended on 2026-01-31 and o4 belongs to an inactive organisation, so neither counts.
//   coverage  depression: Aarhus 2, Randers 2, Skive 1, total 2 · anxiety: 1, 1, 1, total 1
//             broad mental illness and diabetes: 0 everywhere · columns: Aarhus 2, Randers 2, Skive 1, all 2
// Funding (active or ended agreements; a line shared equally among its organisations):
//   pool-one 2025: budget 100,000, a2 (ended) 40,000 running costs to Alpha → remaining 60,000, Alpha 100 %
//   pool-one 2026: budget 50,000, a1 60,000 development shared by Alpha and Beta (30,000 each)
//                  → overcommitted by 10,000; the draft a3's 999,999 does not count
//   pool-two 2026: budget 200,000, a1 100,000 running costs (50,000 each) → remaining 100,000
// Calls: c-open (open until 2026-06-15), c-recent (closed 2025-11-01, selected Alpha and Beta),
//   c-old (closed 2024-03-01: earlier), c-future (published 2026-07-01: not public yet).
// Consultations: k-closed (invited Beta, Alpha, Æblehaven; Alpha answered 2026-03-01: 1 of 3),
//   k-open (open until 2026-06-30), k-planned (not public).
// Contact persons (personal data, never published): see CONTACTS.
import type { DataFolder } from '../../src/domain/folder.js';
import { readFolder } from '../../src/store/load-folder.js';
import { checkFolder } from '../../src/validate/check-folder.js';
import { baseFiles, makeFolder, type Files } from '../helpers/folder.js';
import { expect } from 'vitest';

export const AS_OF = '2026-06-01';

export const CONTACTS = {
  alpha: { name: 'Karen Testesen', email: 'karen.testesen@alpha-forening.example', phone: '+45 12 34 56 78' },
  beta: { name: 'Jens Hemmelig', email: 'jens.privat@mail.example', phone: '87654321' },
};

function organisation(id: string, name: string, lines: string[]): string {
  return [`id: ${id}`, `name: ${JSON.stringify(name)}`, ...lines, ''].join('\n');
}

export function siteFiles(): Files {
  const files: Files = { ...baseFiles() };
  delete files['organisations/alpha.yaml'];
  Object.assign(files, {
    'organisations/alpha.yaml': organisation('alpha', 'Alpha Forening', [
      'kind: patient-association', 'cvr: "12345674"', 'areas: [psychiatry]', 'patient_groups: [depression]', 'municipalities: [aarhus]',
      'status: active', 'website: https://alpha.example/', 'contact:', '  role: formand', `  name: ${CONTACTS.alpha.name}`,
      `  email: ${CONTACTS.alpha.email}`, `  phone: "${CONTACTS.alpha.phone}"`, '  confirmed: 2025-01-01',
      'notes: Intern note om bestyrelsen, må ikke offentliggøres',
    ]),
    'organisations/beta.yaml': organisation('beta', 'Beta <Forening> & Co', [
      'kind: volunteer-organisation', 'areas: [psychiatry]', 'patient_groups: [depression, angst]', 'scope: regional', 'status: active',
      'website: "https://jens:hemmelig@beta.example/"', 'contact:', `  name: ${CONTACTS.beta.name}`, `  email: ${CONTACTS.beta.email}`, `  phone: "${CONTACTS.beta.phone}"`,
    ]),
    'organisations/gamma.yaml': organisation('gamma', 'Gamma Klubben', [
      'kind: patient-association', 'areas: [health]', 'patient_groups: [diabetes]', 'municipalities: [aarhus]', 'status: inactive',
      `website: 'https://gamma.example/"><script>alert(1)</script>'`,
    ]),
    'organisations/aeblehaven.yaml': organisation('aeblehaven', 'Æblehaven', [
      'kind: user-association', 'areas: [psychiatry]', 'patient_groups: [depression]', 'municipalities: [skive]', 'status: active',
      'website: https://aeblehaven.example',
    ]),
    'offers/o1.yaml': 'id: o1\norganisation: alpha\ntitle: Samtalegruppe for voksne\ntype: peer-group\npatient_groups: [depression]\nmunicipalities: [aarhus, randers]\nactive_from: 2025-01-01\nagreement: a1\ndescription: Hver tirsdag aften.\n',
    'offers/o2.yaml': 'id: o2\norganisation: beta\ntitle: Telefonlinjen\ntype: hotline\npatient_groups: [depression, angst]\nscope: regional\nactive_from: 2024-01-01\n',
    'offers/o3.yaml': 'id: o3\norganisation: alpha\ntitle: Angstcafé (lukket)\ntype: peer-group\npatient_groups: [angst]\nmunicipalities: [skive]\nactive_from: 2024-01-01\nactive_until: 2026-01-31\n',
    'offers/o4.yaml': 'id: o4\norganisation: gamma\ntitle: Diabetesmotion\ntype: peer-group\npatient_groups: [diabetes]\nmunicipalities: [aarhus]\nactive_from: 2024-01-01\n',
    'pools/pool-one.yaml': 'id: pool-one\nname: Pulje Et\nareas: [psychiatry]\neligible_kinds: [development, operation]\nbudgets:\n  - year: 2025\n    amount_dkk: 100000\n  - year: 2026\n    amount_dkk: 50000\ncriteria:\n  - Tilbuddet når patienter i hele regionen.\ndescription: Regionens pulje til psykiatrien.\n',
    'pools/pool-two.yaml': 'id: pool-two\nname: Pulje To\nareas: [psychiatry]\neligible_kinds: [operation]\nbudgets:\n  - year: 2026\n    amount_dkk: 200000\n',
    'agreements/a1.yaml': 'id: a1\ntitle: Fælles samtaletilbud\norganisations: [alpha, beta]\nareas: [psychiatry]\npatient_groups: [depression]\nmunicipalities: [aarhus]\nstart: 2025-01-01\nend: 2026-12-31\nstatus: active\nfunding:\n  - pool: pool-one\n    year: 2026\n    kind: development\n    amount_dkk: 60000\n  - pool: pool-two\n    year: 2026\n    kind: operation\n    amount_dkk: 100000\nestablished_by:\n  call: c-recent\nnotes: Intern bemærkning om forhandlingen\n',
    'agreements/a2.yaml': 'id: a2\ntitle: Drift af samtalegruppen\norganisations: [alpha]\nareas: [psychiatry]\npatient_groups: [depression]\nmunicipalities: [aarhus]\nstart: 2025-01-01\nend: 2025-12-31\nstatus: ended\nfunding:\n  - pool: pool-one\n    year: 2025\n    kind: operation\n    amount_dkk: 40000\nestablished_by:\n  exemption:\n    reason: Kun én forening kunne løse opgaven\n    approved_by: Direktionen\n    date: 2024-12-01\n',
    'agreements/a3.yaml': 'id: a3\ntitle: Udkast til ny aftale\norganisations: [beta]\nareas: [psychiatry]\npatient_groups: [angst]\nscope: regional\nstart: 2026-09-01\nstatus: draft\nfunding:\n  - pool: pool-one\n    year: 2026\n    kind: operation\n    amount_dkk: 999999\n',
    'calls/c-open.yaml': 'id: c-open\ntitle: Åbent opslag om peer-støtte\npool: pool-one\nareas: [psychiatry]\npatient_groups: [depression]\nscope: regional\npublished: 2026-05-01\ndeadline: 2026-06-15\nchannel: public\ncriteria:\n  - Frivillige med egen erfaring.\ndescription: Regionen søger en forening.\n',
    'calls/c-recent.yaml': 'id: c-recent\ntitle: Samtaletilbud 2026\npool: pool-one\nareas: [psychiatry]\npatient_groups: [depression]\nmunicipalities: [aarhus]\npublished: 2025-09-01\ndeadline: 2025-11-01\nchannel: public\napplicants: [alpha, beta, aeblehaven]\nselected: [alpha, beta]\n',
    'calls/c-old.yaml': 'id: c-old\ntitle: Gammelt opslag\nareas: [psychiatry]\nscope: regional\npublished: 2024-01-01\ndeadline: 2024-03-01\nchannel: invited\ninvited: [alpha]\nchannel_reason: Kun én forening arbejdede med målgruppen.\nselected: [alpha]\n',
    'calls/c-future.yaml': 'id: c-future\ntitle: Kommende opslag om hemmelige planer\nareas: [psychiatry]\nscope: regional\npublished: 2026-07-01\ndeadline: 2026-08-15\nchannel: public\n',
    'hearing-parties/hp-alpha.yaml': 'id: hp-alpha\norganisation: alpha\nareas: [psychiatry]\npatient_groups: [depression]\nsince: 2020-01-01\nstatus: active\n',
    'hearing-parties/hp-beta.yaml': 'id: hp-beta\norganisation: beta\nareas: [psychiatry]\npatient_groups: [depression]\nsince: 2021-01-01\nstatus: active\n',
    'hearing-parties/hp-aeble.yaml': 'id: hp-aeble\norganisation: aeblehaven\nareas: [psychiatry]\npatient_groups: [depression]\nsince: 2022-01-01\nstatus: active\n',
    'consultations/k-closed.yaml': 'id: k-closed\ntitle: Høring om udskrivning\nareas: [psychiatry]\npatient_groups: [depression]\nopens: 2026-01-10\ndeadline: 2026-03-10\nselection: all\ninvited: [hp-beta, hp-alpha, hp-aeble]\nresponses:\n  - party: hp-alpha\n    received: 2026-03-01\nstatus: closed\n',
    'consultations/k-open.yaml': 'id: k-open\ntitle: Høring om pårørende\nareas: [psychiatry]\npatient_groups: [depression]\nopens: 2026-05-20\ndeadline: 2026-06-30\nselection: limited\nseats: 1\ninvited: [hp-alpha]\nstatus: open\n',
    'consultations/k-planned.yaml': 'id: k-planned\ntitle: Planlagt høring om fremtiden\nareas: [psychiatry]\nopens: 2026-09-01\ndeadline: 2026-10-15\nselection: all\nstatus: planned\n',
  });
  return files;
}

export function loadFiles(files: Files): DataFolder {
  const { folder, problems } = checkFolder(readFolder(makeFolder(files)));
  expect(problems.filter((p) => p.severity === 'error').map((p) => `${p.file}:${p.line} ${p.rule}`)).toEqual([]);
  return folder;
}

export function siteFolder(): DataFolder {
  return loadFiles(siteFiles());
}

/** The text of an HTML fragment with tags removed and whitespace collapsed, for readable assertions. */
export function textOf(html: string): string {
  return html.replace(/<script[\s\S]*?<\/script>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ').replace(/ ([,.;:])/g, '$1').trim();
}

/** The part of a page between an element with `id` and the end of its enclosing tag name (a section, article or tr). */
export function part(html: string, id: string): string {
  const start = html.indexOf(`id="${id}"`);
  if (start < 0) throw new Error(`no element with id ${id}`);
  const open = html.lastIndexOf('<', start);
  const tag = /^<([a-z0-9]+)/.exec(html.slice(open))![1];
  let depth = 0;
  const re = new RegExp(`<(/?)${tag}[\\s>]`, 'g');
  re.lastIndex = open;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return html.slice(open, m.index + tag.length + 3);
  }
  throw new Error(`unclosed ${tag} at ${id}`);
}
