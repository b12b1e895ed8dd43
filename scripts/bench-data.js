// Synthetic data folder for `npm run bench`: a region's registry at the scale of a national register
// (5,000 organisations, 20,000 offers, 10,000 agreements, 1,000 calls with their applications,
// 1,000 consultations, 5,000 hearing parties), laid out as the data folder's contract (schemas/)
// says and shaped as staff write the files by hand. Everything is valid and cross-referenced, and the same seed gives the same
// bytes on every run: the benchmark must measure civsam, not the luck of the draw.
//
//   node scripts/bench-data.js DIR [--scale F]    writes the folder (DIR must be empty or absent)
//
// Plain ESM JavaScript with Node built-ins only, so the bench runs before and without a build.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEFAULT_SIZES = Object.freeze({
  organisations: 5000,
  offers: 20000,
  agreements: 10000,
  calls: 1000,
  consultations: 1000,
  hearingParties: 5000,
});

const SCHEMA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'schemas');

// "Today" for the synthetic registry. Fixed, so statuses derived from dates never drift.
export const REFERENCE_DATE = '2026-11-01';
const SEED = 0x5eed2026;

// ---------------------------------------------------------------- randomness and dates

function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeRandom(seed) {
  const next = mulberry32(seed);
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = (list) => list[Math.floor(next() * list.length)];
  const chance = (p) => next() < p;
  const sample = (list, k) => {
    // Partial Fisher-Yates on a copy; order of the result is random.
    const copy = list.slice();
    const n = Math.min(k, copy.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(next() * (copy.length - i));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, n);
  };
  const weighted = (entries) => {
    // entries: [[weight, value], ...]
    let total = 0;
    for (const [w] of entries) total += w;
    let r = next() * total;
    for (const [w, v] of entries) {
      r -= w;
      if (r < 0) return v;
    }
    return entries[entries.length - 1][1];
  };
  return { next, int, pick, chance, sample, weighted };
}

const DAY = 86400000;
const toDay = (iso) => Math.floor(Date.parse(iso + 'T00:00:00Z') / DAY);
const toIso = (day) => new Date(day * DAY).toISOString().slice(0, 10);
const yearOf = (day) => new Date(day * DAY).getUTCFullYear();
function addMonths(day, months) {
  const d = new Date(day * DAY);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return Math.floor(target.getTime() / DAY);
}
const TODAY = toDay(REFERENCE_DATE);

// ---------------------------------------------------------------- text helpers

const FOLD = { æ: 'ae', ø: 'oe', å: 'aa', Æ: 'ae', Ø: 'oe', Å: 'aa' };

export function slugify(text, max = 63) {
  const s = text
    .replace(/[æøåÆØÅ]/g, (c) => FOLD[c])
    .replace(/&/g, ' og ')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (s.length <= max) return s || 'x';
  // Too long for an id: cut at the last whole word that fits, as a person shortening it would.
  const cut = s.slice(0, max + 1).lastIndexOf('-');
  return (cut > max / 2 ? s.slice(0, cut) : s.slice(0, max)).replace(/-+$/g, '');
}

// Names must be unique "after normalising case and punctuation". We do not know exactly how
// civsam normalises, so a name is only accepted when it is unique under several normalisations,
// from the lenient (case and punctuation) to the aggressive (letters folded to ASCII both ways).
const NORMALISERS = [
  (s) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ''),
  (s) => s.toLowerCase().replace(/[æøå]/g, (c) => FOLD[c]).normalize('NFKD').replace(/[^a-z0-9]+/g, ''),
  (s) => s.toLowerCase().replace(/æ/g, 'a').replace(/ø/g, 'o').normalize('NFKD').replace(/[^a-z0-9]+/g, ''),
];

function makeNameRegistry() {
  const seen = NORMALISERS.map(() => new Set());
  return {
    tryAdd(name) {
      const keys = NORMALISERS.map((f) => f(name));
      if (keys.some((k, i) => k === '' || seen[i].has(k))) return false;
      keys.forEach((k, i) => seen[i].add(k));
      return true;
    },
  };
}

function makeIdRegistry() {
  const seen = new Set();
  return (base) => {
    let id = base.slice(0, 63).replace(/-+$/g, '');
    for (let n = 2; seen.has(id); n++) {
      const suffix = `-${n}`;
      id = base.slice(0, 63 - suffix.length).replace(/-+$/g, '') + suffix;
    }
    seen.add(id);
    return id;
  };
}

// A title that is unique within its kind: try the candidates, then number the first one.
function makeTitleRegistry() {
  const names = makeNameRegistry();
  return (...candidates) => {
    for (const c of candidates) if (names.tryAdd(c)) return c;
    for (let n = 2; ; n++) {
      const c = `${candidates[0]} (${n})`;
      if (names.tryAdd(c)) return c;
    }
  };
}

export function cvrCheckValid(cvr) {
  if (!/^[0-9]{8}$/.test(cvr)) return false;
  const w = [2, 7, 6, 5, 4, 3, 2, 1];
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += w[i] * Number(cvr[i]);
  return sum % 11 === 0;
}

const lc = (s) => (/^[A-ZÆØÅ][a-zæøå]/.test(s) ? s[0].toLowerCase() + s.slice(1) : s);

// ---------------------------------------------------------------- YAML writing

// Plain scalars only where a YAML 1.2 core-schema reader cannot take them for anything but the
// same string; everything else is quoted, as a careful person would write it.
const PLAIN_SAFE = /^[\p{L}0-9][\p{L}0-9 .,()\/–-]*$/u;
const PLAIN_URL = /^https?:\/\/[A-Za-z0-9./-]+$/;
const PLAIN_EMAIL = /^[A-Za-z0-9._-]+@[A-Za-z0-9.-]+$/;
const LOOKS_TYPED = /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0x[0-9a-fA-F]+|0o[0-7]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|true|True|TRUE|false|False|FALSE|null|Null|NULL|~|y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/;

function scalar(value) {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const s = String(value);
  if (PLAIN_SAFE.test(s) && !/ $/.test(s) && !LOOKS_TYPED.test(s)) return s;
  if (PLAIN_URL.test(s) || PLAIN_EMAIL.test(s)) return s;
  return quoted(s);
}

function quoted(s) {
  if (s.includes("'") || /[\x00-\x1f\x7f]/.test(s)) return JSON.stringify(s);
  return `'${s}'`;
}

// A value that must stay a string although it looks like a number (CVR, phone).
class Quoted {
  constructor(text) {
    this.text = text;
  }
}
const q = (text) => new Quoted(text);

const isMultiline = (v) => typeof v === 'string' && v.includes('\n');

function emitValue(key, value, indent, out) {
  if (value === undefined) return;
  if (value instanceof Quoted) {
    out.push(`${indent}${key}: "${value.text}"`);
  } else if (isMultiline(value)) {
    // Literal block scalar: "|" keeps a single final newline, "|-" none.
    const chomp = value.endsWith('\n') ? '|' : '|-';
    out.push(`${indent}${key}: ${chomp}`);
    for (const line of value.replace(/\n$/, '').split('\n')) out.push(line === '' ? '' : `${indent}  ${line}`);
  } else if (Array.isArray(value)) {
    if (value.length === 0) {
      out.push(`${indent}${key}: []`);
      return;
    }
    out.push(`${indent}${key}:`);
    emitItems(value, `${indent}  `, out);
  } else if (value !== null && typeof value === 'object') {
    out.push(`${indent}${key}:`);
    emitMap(value, `${indent}  `, out);
  } else {
    out.push(`${indent}${key}: ${scalar(value)}`);
  }
}

function emitMap(obj, indent, out) {
  for (const [key, value] of Object.entries(obj)) emitValue(key, value, indent, out);
}

function emitItems(list, indent, out) {
  for (const item of list) {
    if (item instanceof Quoted) out.push(`${indent}- "${item.text}"`);
    else if (item !== null && typeof item === 'object' && !Array.isArray(item)) {
      const lines = [];
      emitMap(item, `${indent}  `, lines);
      lines[0] = `${indent}- ${lines[0].slice(indent.length + 2)}`;
      out.push(...lines);
    } else out.push(`${indent}- ${scalar(item)}`);
  }
}

function toYaml(kind, data) {
  const out = [`# yaml-language-server: $schema=${path.join(SCHEMA_DIR, `${kind}.schema.json`)}`];
  if (Array.isArray(data)) emitItems(data, '', out);
  else emitMap(data, '', out);
  return out.join('\n') + '\n';
}

// ---------------------------------------------------------------- vocabularies

const MUNICIPALITIES = [
  ['favrskov', 'Favrskov', ['Hinnerup', 'Hadsten', 'Hammel', 'Ulstrup', 'Søften']],
  ['hedensted', 'Hedensted', ['Hedensted', 'Juelsminde', 'Tørring', 'Løsning']],
  ['herning', 'Herning', ['Herning', 'Sunds', 'Vildbjerg', 'Aulum', 'Kibæk', 'Gjellerup']],
  ['holstebro', 'Holstebro', ['Holstebro', 'Vinderup', 'Ulfborg']],
  ['horsens', 'Horsens', ['Horsens', 'Brædstrup', 'Gedved', 'Hovedgård']],
  ['ikast-brande', 'Ikast-Brande', ['Ikast', 'Brande', 'Bording', 'Nørre Snede']],
  ['lemvig', 'Lemvig', ['Lemvig', 'Harboøre', 'Thyborøn']],
  ['norddjurs', 'Norddjurs', ['Grenaa', 'Auning', 'Ørsted', 'Glesborg']],
  ['odder', 'Odder', ['Odder', 'Hou', 'Saksild']],
  ['randers', 'Randers', ['Randers', 'Langå', 'Assentoft', 'Spentrup']],
  ['ringkoebing-skjern', 'Ringkøbing-Skjern', ['Ringkøbing', 'Skjern', 'Tarm', 'Hvide Sande', 'Videbæk']],
  ['samsoe', 'Samsø', ['Tranebjerg', 'Ballen', 'Nordby']],
  ['silkeborg', 'Silkeborg', ['Silkeborg', 'Kjellerup', 'Them', 'Gjern']],
  ['skanderborg', 'Skanderborg', ['Skanderborg', 'Ry', 'Galten', 'Hørning', 'Stilling']],
  ['skive', 'Skive', ['Skive', 'Roslev', 'Spøttrup', 'Jebjerg']],
  ['struer', 'Struer', ['Struer', 'Hjerm', 'Thyholm']],
  ['syddjurs', 'Syddjurs', ['Ebeltoft', 'Rønde', 'Kolind', 'Hornslet']],
  ['viborg', 'Viborg', ['Viborg', 'Bjerringbro', 'Karup', 'Stoholm', 'Møldrup']],
  ['aarhus', 'Aarhus', ['Aarhus', 'Viby', 'Åbyhøj', 'Brabrand', 'Risskov', 'Lystrup', 'Tranbjerg', 'Egå', 'Højbjerg']],
];
const TOWNS = MUNICIPALITIES.flatMap(([muni, , towns]) => towns.map((town) => ({ town, muni })));

// [id, da, en, areas, parent, stem for "<stem>foreningen <town>" or null]
const PATIENT_GROUPS = [
  ['psykisk-sygdom', 'Psykisk sygdom', 'Mental illness', ['psychiatry'], null, 'Psykiatri'],
  ['depression', 'Depression', 'Depression', ['psychiatry'], 'psykisk-sygdom', 'Depressions'],
  ['angst', 'Angst', 'Anxiety', ['psychiatry'], 'psykisk-sygdom', 'Angst'],
  ['bipolar', 'Bipolar lidelse', 'Bipolar disorder', ['psychiatry'], 'psykisk-sygdom', 'Bipolar'],
  ['skizofreni', 'Skizofreni', 'Schizophrenia', ['psychiatry'], 'psykisk-sygdom', 'Skizofreni'],
  ['spiseforstyrrelser', 'Spiseforstyrrelser', 'Eating disorders', ['psychiatry'], 'psykisk-sygdom', 'Spiseforstyrrelses'],
  ['ocd', 'OCD', 'OCD', ['psychiatry'], 'psykisk-sygdom', 'OCD-'],
  ['personlighedsforstyrrelser', 'Personlighedsforstyrrelser', 'Personality disorders', ['psychiatry'], 'psykisk-sygdom', null],
  ['selvskade', 'Selvskade', 'Self-harm', ['psychiatry'], null, 'Selvskade'],
  ['traumer', 'PTSD og traumer', 'PTSD and trauma', ['psychiatry', 'social'], null, 'Traume'],
  ['udviklingsforstyrrelser', 'Udviklingsforstyrrelser', 'Developmental disorders', ['psychiatry', 'social'], null, null],
  ['adhd', 'ADHD', 'ADHD', ['psychiatry', 'social'], 'udviklingsforstyrrelser', 'ADHD-'],
  ['autisme', 'Autisme', 'Autism', ['psychiatry', 'social'], 'udviklingsforstyrrelser', 'Autisme'],
  ['misbrug', 'Misbrug', 'Substance abuse', ['social', 'psychiatry'], null, 'Misbrugs'],
  ['alkohol', 'Alkoholafhængighed', 'Alcohol dependence', ['social'], 'misbrug', 'Alkohol'],
  ['stofmisbrug', 'Stofmisbrug', 'Drug abuse', ['social'], 'misbrug', null],
  ['hjemloeshed', 'Hjemløshed', 'Homelessness', ['social'], null, 'Hjemløse'],
  ['ensomhed', 'Ensomhed', 'Loneliness', ['social'], null, null],
  ['udsatte-unge', 'Udsatte børn og unge', 'Vulnerable children and young people', ['social'], null, null],
  ['handicap', 'Handicap', 'Disability', ['social'], null, 'Handicap'],
  ['udviklingshandicap', 'Udviklingshandicap', 'Intellectual disability', ['social'], 'handicap', null],
  ['hjerneskade', 'Erhvervet hjerneskade', 'Acquired brain injury', ['health', 'social'], 'handicap', 'Hjerneskade'],
  ['synshandicap', 'Synshandicap', 'Visual impairment', ['social', 'health'], 'handicap', 'Synshandicap'],
  ['hoeretab', 'Høretab', 'Hearing loss', ['health', 'social'], 'handicap', 'Høre'],
  ['kraeft', 'Kræft', 'Cancer', ['health'], null, 'Kræft'],
  ['brystkraeft', 'Brystkræft', 'Breast cancer', ['health'], 'kraeft', 'Brystkræft'],
  ['prostatakraeft', 'Prostatakræft', 'Prostate cancer', ['health'], 'kraeft', 'Prostatakræft'],
  ['hjertesygdom', 'Hjertesygdom', 'Heart disease', ['health'], null, 'Hjerte'],
  ['diabetes', 'Diabetes', 'Diabetes', ['health'], null, 'Diabetes'],
  ['kol', 'KOL og lungesygdom', 'COPD and lung disease', ['health'], null, 'Lunge'],
  ['gigt', 'Gigt', 'Arthritis', ['health'], null, 'Gigt'],
  ['demens', 'Demens', 'Dementia', ['health', 'social'], null, 'Demens'],
  ['alzheimer', 'Alzheimers sygdom', "Alzheimer's disease", ['health', 'social'], 'demens', 'Alzheimer'],
  ['parkinson', 'Parkinsons sygdom', "Parkinson's disease", ['health'], null, 'Parkinson'],
  ['sklerose', 'Sklerose', 'Multiple sclerosis', ['health'], null, 'Sklerose'],
  ['epilepsi', 'Epilepsi', 'Epilepsy', ['health'], null, 'Epilepsi'],
  ['kroniske-smerter', 'Kroniske smerter', 'Chronic pain', ['health'], null, 'Smerte'],
  ['sjaeldne-sygdomme', 'Sjældne sygdomme', 'Rare diseases', ['health'], null, null],
].map(([id, da, en, areas, parent, stem]) => ({ id, da, en, areas, parent, stem }));

const OFFER_TYPES = [
  ['peer-group', 'Samtalegruppe', 'Peer group'],
  ['counselling', 'Rådgivning', 'Counselling'],
  ['activity', 'Aktivitetstilbud', 'Activity'],
  ['visiting-friend', 'Besøgsven', 'Visiting friend'],
  ['companion', 'Bisidder', 'Companion at appointments'],
  ['course', 'Kursus', 'Course'],
  ['network-cafe', 'Netværkscafé', 'Network café'],
  ['helpline', 'Telefonlinje', 'Helpline'],
].map(([id, da, en]) => ({ id, da, en }));

const AREAS = ['social', 'psychiatry', 'health'];
const AREA_ABBR = { social: 'soc', psychiatry: 'psyk', health: 'sund' };
const AREA_DA = { social: 'socialområdet', psychiatry: 'psykiatrien', health: 'sundhedsområdet' };

const FIRST_NAMES = ['Anne', 'Mette', 'Hanne', 'Susanne', 'Lene', 'Kirsten', 'Marianne', 'Camilla', 'Louise', 'Ida', 'Sofie', 'Freja', 'Birgit', 'Jytte', 'Inge', 'Søren', 'Jens', 'Lars', 'Niels', 'Henrik', 'Peter', 'Morten', 'Rasmus', 'Mads', 'Anders', 'Kasper', 'Thomas', 'Ole', 'Bjørn', 'Jørgen', 'Åse', 'Mikkel', 'Frederik', 'Maja', 'Nanna', 'Emil', 'Astrid', 'Troels', 'Gitte', 'Bodil'];
const SURNAMES = ['Jensen', 'Nielsen', 'Hansen', 'Pedersen', 'Andersen', 'Christensen', 'Larsen', 'Sørensen', 'Rasmussen', 'Jørgensen', 'Petersen', 'Madsen', 'Kristensen', 'Olsen', 'Thomsen', 'Christiansen', 'Poulsen', 'Johansen', 'Møller', 'Mortensen', 'Holm', 'Knudsen', 'Lund', 'Bech', 'Kjær', 'Dahl', 'Østergaard', 'Nørgaard', 'Bærentsen', 'Skovgaard', 'Vestergaard', 'Lauridsen', 'Friis', 'Damgaard', 'Søndergaard', 'Ærenlund', 'Brøndum', 'Krogh', 'Fog', 'Winther'];
const GENITIVE_S = ['Sankt Markus', 'Sankt Lukas', 'Sankt Thomas', 'Sankt Andreas', 'Sankt Nikolaus', 'Jens', 'Lars', 'Niels', 'Hans', 'Klaus', 'Mads', 'Anders'];
const CAFE_WORDS = ['Hjertelyst', 'Solsikken', 'Fristedet', 'Trappen', 'Lyspunktet', 'Ankeret', 'Fyrtårnet', 'Pusterummet', 'Kompasset', 'Mødestedet'];
const PAIRS = ['Mad & Mod', 'Krop & Sind', 'Hjem & Håb', 'Ro & Rum', 'Liv & Lyst', 'Hånd & Hjerte', 'Jord & Job'];
const WORKSHOPS = ['Genbrugsværkstedet', 'Cykelværkstedet', 'Havecaféen', 'Køkkenet', 'Trykkeriet', 'Møbelværkstedet', 'Bageriet'];
const HOUSE_WORDS = ['Lindehuset', 'Solhuset', 'Egehuset', 'Fønixhuset', 'Havnehuset', 'Kastaniehuset', 'Bøgehuset'];
const ROLES = ['formand', 'næstformand', 'kasserer', 'koordinator', 'daglig leder', 'sekretær', 'frivilligkoordinator'];
const REGION_UNITS = [
  'Psykiatrien, Aarhus Universitetshospital',
  'Regionspsykiatrien Midt',
  'Regionspsykiatrien Vest',
  'Regionspsykiatrien Randers',
  'Regionspsykiatrien Horsens',
  'Aarhus Universitetshospital',
  'Regionshospitalet Gødstrup',
  'Hospitalsenheden Horsens',
  'Regionshospitalet Randers',
  'Hospitalsenhed Midt',
  'Specialområde Autisme',
  'Specialområde Socialpsykiatri Voksne',
  'Sundhedsstaben, Region Midtjylland',
  'Regional Udvikling',
];
const POOL_NAMES = [
  ['Psykiatriplanens midler til civilsamfundssamarbejde', ['psychiatry']],
  ['Puljen til styrkelse af samarbejdet med civilsamfundet', ['social', 'psychiatry', 'health']],
  ['Sundhedsfremmepuljen', ['health']],
  ['Socialområdets udviklingspulje', ['social']],
  ['Kulturpuljen: kultur på recept', ['health', 'psychiatry']],
  ['Pulje til pårørendeindsatser', ['psychiatry', 'health']],
  ['Frivillighedspuljen', ['social', 'health']],
  ['Puljen til peer-støtte', ['psychiatry']],
  ['Pulje til indsatser mod ensomhed', ['social']],
  ['Patientforeningspuljen', ['health']],
  ['Puljen til sårbare børn og unge', ['social', 'psychiatry']],
  ['Rehabiliteringspuljen', ['health', 'social']],
  ['Pulje til recovery-orienterede tilbud', ['psychiatry']],
  ['Demenspuljen', ['health', 'social']],
  ['Puljen for sjældne sygdomme', ['health']],
  ['Udsatte-puljen § 18-lignende midler', ['social']],
  ['Puljen til frivillige besøgsvenner', ['health', 'social']],
  ['Misbrugspuljen', ['social', 'psychiatry']],
  ['Puljen til ligestilling i sundhed', ['health']],
  ["Puljen 'Sammen om trivsel'", ['psychiatry', 'social']],
  ['Landdistriktspuljen', ['social', 'health']],
  ['Puljen til digitale fællesskaber', ['social', 'psychiatry', 'health']],
];
const CRITERIA = [
  'Indsatsen bygger på frivillige kræfter og brugernes egne erfaringer.',
  'Indsatsen supplerer og erstatter ikke regionens egne opgaver.',
  'Indsatsen kan forankres og fortsætte, når støtten ophører.',
  'Indsatsen når borgere i flere kommuner.',
  'Organisationen har en demokratisk struktur og et CVR-nummer.',
  'Budgettet er realistisk og står i forhold til aktiviteterne.',
  'Indsatsen evalueres, og resultaterne deles med regionen.',
  'Indsatsen retter sig mod grupper, som ellers ikke nås.',
];
const EVALUATION_SUMMARIES = [
  'Indsatsen har nået flere deltagere end forventet.',
  'Tilbuddet fungerer godt; ventelisten er kortere end sidste år.',
  'Få deltagere i yderkommunerne. Organisationen afprøver nye mødesteder.',
  'Målene er nået. Samarbejdet fortsætter uændret.',
  'Frivilligkorpset er vokset, men koordinationen er presset.\nRegionen og foreningen aftaler et opfølgningsmøde.\n',
];
const CONSULTATION_DOCS = [
  'Udkast til psykiatriplan',
  'Udkast til sundhedsaftale',
  'Handleplan for',
  'Strategi for samarbejdet om',
  'Forslag til nye retningslinjer for',
  'Udkast til kvalitetsstandard for',
  'Forslag til ændret tilbudsstruktur for',
];

// ---------------------------------------------------------------- generation

export function generateBench(sizes = {}) {
  const n = { ...DEFAULT_SIZES, pools: 20, ...sizes };
  const rnd = makeRandom(SEED);
  const { int, pick, chance, sample, weighted } = rnd;

  const groupsById = new Map(PATIENT_GROUPS.map((g) => [g.id, g]));
  const groupsByArea = Object.fromEntries(AREAS.map((a) => [a, PATIENT_GROUPS.filter((g) => g.areas.includes(a))]));
  const muniIds = MUNICIPALITIES.map(([id]) => id);
  const muniName = Object.fromEntries(MUNICIPALITIES.map(([id, name]) => [id, name]));
  const dateBetween = (from, to) => int(toDay(from), toDay(to));
  const groupAreas = (groupIds) => [...new Set(groupIds.flatMap((id) => groupsById.get(id).areas))];
  const inOrder = (list, order) => order.filter((x) => list.includes(x));
  const areasInOrder = (list) => inOrder(list, AREAS);
  const reachFrom = (rec) => (rec.scope ? { scope: rec.scope } : { municipalities: rec.municipalities });
  const amount = (lo, hi) => Math.round(int(lo, hi) / 5000) * 5000;
  const description = (lines) => (lines.length > 1 ? lines.join('\n') + '\n' : lines[0]);

  // ---- pools
  const poolIdOf = makeIdRegistry();
  const pools = [];
  for (let i = 0; i < n.pools; i++) {
    const [baseName, areas] = POOL_NAMES[i % POOL_NAMES.length];
    const name = i < POOL_NAMES.length ? baseName : `${baseName} ${Math.floor(i / POOL_NAMES.length) + 1}`;
    // The first three fund both kinds, so every area has a pool for development and operation.
    const eligible = i < 3 ? ['development', 'operation'] : weighted([[2, ['development', 'operation']], [1, ['development']], [1, ['operation']]]);
    pools.push({
      id: poolIdOf(slugify(name, 48)),
      name,
      areas,
      eligible_kinds: eligible,
      budgets: [],
      criteria: sample(CRITERIA, int(2, 4)),
      description: i % 4 === 0
        ? description([`${name} støtter samarbejder med civilsamfundet på ${areas.map((a) => AREA_DA[a]).join(' og ')}.`, 'Ansøgninger behandles to gange om året.'])
        : chance(0.5) ? `Midler til samarbejder på ${AREA_DA[areas[0]]}.` : undefined,
    });
  }
  const poolsFor = (area, kind) => pools.filter((p) => p.areas.includes(area) && p.eligible_kinds.includes(kind));

  // ---- organisations
  const orgNames = makeNameRegistry();
  const orgIdOf = makeIdRegistry();
  const cvrs = new Set();
  const makeCvr = () => {
    for (;;) {
      const digits = [int(1, 4), ...Array.from({ length: 6 }, () => int(0, 9))];
      const w = [2, 7, 6, 5, 4, 3, 2];
      const r = digits.reduce((s, d, i) => s + d * w[i], 0) % 11;
      const check = (11 - r) % 11;
      if (check === 10) continue;
      const cvr = digits.join('') + check;
      if (!cvrs.has(cvr)) {
        cvrs.add(cvr);
        return cvr;
      }
    }
  };
  const stemGroups = PATIENT_GROUPS.filter((g) => g.stem);
  const orgTemplates = [
    [30, () => { const g = pick(stemGroups), t = pick(TOWNS); return { name: `${g.stem}foreningen ${t.town}`, kind: 'patient-association', g, t }; }],
    [12, () => { const g = pick(PATIENT_GROUPS), t = pick(TOWNS); return { name: `Landsforeningen for ${lc(g.da)}, afdeling ${t.town}`, kind: 'patient-association', g, t }; }],
    [12, () => { const g = pick(PATIENT_GROUPS), t = pick(TOWNS); return { name: `Pårørendeforeningen for ${lc(g.da)} i ${t.town}`, kind: 'relatives-association', g, t }; }],
    [6, () => { const g = pick(PATIENT_GROUPS), t = pick(TOWNS); return { name: `Brugerrådet for ${lc(g.da)} i ${t.town}`, kind: 'user-association', g, t }; }],
    [4, () => { const t = pick(TOWNS); return { name: `Frivilligcenter ${t.town}`, kind: 'volunteer-organisation', t }; }],
    [6, () => { const t = pick(TOWNS); return { name: `Café ${pick(CAFE_WORDS)} ${t.town}`, kind: 'volunteer-organisation', t }; }],
    [5, () => { const t = pick(TOWNS); return { name: `${pick(PAIRS)} ${t.town}`, kind: pick(['volunteer-organisation', 'social-enterprise']), t }; }],
    [5, () => { const t = pick(TOWNS); return { name: `${pick(GENITIVE_S)}' Venner ${t.town}`, kind: 'volunteer-organisation', t }; }],
    [4, () => { const t = pick(TOWNS); return { name: `Besøgsvennerne ${t.town}`, kind: 'volunteer-organisation', t }; }],
    [4, () => { const t = pick(TOWNS); return { name: `${pick(WORKSHOPS)} ${t.town}`, kind: 'social-enterprise', t }; }],
    [4, () => { const t = pick(TOWNS); return { name: `Den selvejende institution ${pick(HOUSE_WORDS)}, ${t.town}`, kind: 'self-governing-institution', t }; }],
    [4, () => ({ name: `${pick(FIRST_NAMES)} ${pick(SURNAMES)}s Mindefond`, kind: 'other' })],
    [2, () => { const m = pick(MUNICIPALITIES); return { name: `Samrådet af patientforeninger i ${m[1]}`, kind: 'umbrella-organisation', m: m[0] }; }],
    [2, () => { const m = pick(MUNICIPALITIES), g = pick(PATIENT_GROUPS); return { name: `Netværket for ${lc(g.da)} i ${m[1]} Kommune`, kind: 'umbrella-organisation', m: m[0], g }; }],
  ];

  const organisations = [];
  for (let tries = 0; organisations.length < n.organisations; tries++) {
    if (tries > n.organisations * 50) throw new Error('bench-data: ran out of unique organisation names');
    const draft = weighted(orgTemplates)();
    if (!orgNames.tryAdd(draft.name)) continue;
    const id = orgIdOf(slugify(draft.name));
    const groups = new Set();
    if (draft.g) groups.add(draft.g.id);
    const areas = new Set(draft.g ? draft.g.areas : []);
    if (!draft.g) areas.add(pick(AREAS));
    if (chance(0.25)) areas.add(pick(AREAS));
    for (const area of areas) {
      const extra = draft.g ? int(0, 1) : int(0, 2);
      for (const g of sample(groupsByArea[area], extra)) groups.add(g.id);
    }
    const homeMuni = draft.t ? draft.t.muni : draft.m;
    let reach;
    if (!homeMuni) reach = { scope: chance(0.4) ? 'national' : 'regional' };
    else if (draft.kind === 'umbrella-organisation' && chance(0.3)) reach = { scope: 'regional' };
    else if (chance(0.06)) reach = { scope: chance(0.5) ? 'regional' : 'national' };
    else {
      const more = chance(0.25) ? sample(muniIds.filter((m) => m !== homeMuni), int(1, 3)) : [];
      reach = { municipalities: inOrder([homeMuni, ...more], muniIds) };
    }
    const registeredDay = chance(0.9) ? dateBetween('2005-01-01', '2026-09-30') : undefined;
    const domain = slugify(draft.name, 30) + '.dk';
    let contact;
    if (chance(0.8)) {
      const first = pick(FIRST_NAMES), last = pick(SURNAMES);
      const functional = chance(0.3);
      contact = {
        role: pick(ROLES),
        name: `${first} ${last}`,
        email: functional ? `info@${domain}` : `${slugify(first).replace(/-/g, '')}.${slugify(last).replace(/-/g, '')}@${domain}`,
        phone: q(chance(0.5) ? `+45 ${int(20, 99)} ${int(10, 99)} ${int(10, 99)} ${int(10, 99)}` : `${int(20, 99)}${int(10, 99)}${int(10, 99)}${int(10, 99)}`),
        confirmed: chance(0.75) ? toIso(dateBetween('2021-01-01', REFERENCE_DATE)) : undefined,
      };
    }
    const status = chance(0.93) ? 'active' : 'inactive';
    const org = {
      id,
      name: draft.name,
      kind: draft.kind,
      cvr: chance(0.75) ? q(makeCvr()) : undefined,
      areas: areasInOrder([...areas]),
      patient_groups: [...groups].length ? inOrder([...groups], PATIENT_GROUPS.map((g) => g.id)) : undefined,
      ...reach,
      status,
      registered: registeredDay === undefined ? undefined : toIso(registeredDay),
      website: chance(0.7) ? `https://www.${domain}` : undefined,
      contact,
      notes: chance(0.08)
        ? pick([
            'Foreningen har skiftet formand i år.',
            'Mødes i Frivilligcentrets lokaler.\nHar ønsket at komme på høringslisten for hele psykiatrien.\n',
            status === 'inactive' ? 'Foreningen er nedlagt; optegnelsen bevares af hensyn til historikken.' : 'Kontaktes helst pr. mail.',
          ])
        : undefined,
    };
    organisations.push(org);
    org._registeredDay = registeredDay ?? toDay('2005-01-01');
    org._groups = org.patient_groups ?? [];
    org._town = draft.t ? draft.t.town : homeMuni ? muniName[homeMuni] : 'Midtjylland';
  }
  const orgsByArea = Object.fromEntries(AREAS.map((a) => [a, organisations.filter((o) => o.areas.includes(a))]));

  const groupsForRecord = (org, k) => {
    const own = org._groups.length ? org._groups : groupsByArea[org.areas[0]].map((g) => g.id);
    return inOrder(sample(own, k), PATIENT_GROUPS.map((g) => g.id));
  };
  const subReach = (org) => {
    if (org.scope) return chance(0.6) ? { scope: org.scope } : { municipalities: inOrder(sample(muniIds, int(1, 3)), muniIds) };
    return { municipalities: inOrder(sample(org.municipalities, int(1, org.municipalities.length)), muniIds) };
  };

  // ---- offers
  const offerIdOf = makeIdRegistry();
  const offerTitle = makeTitleRegistry();
  const offers = [];
  const offersByOrg = new Map();
  for (let i = 0; i < n.offers; i++) {
    const org = organisations.length ? organisations[i < organisations.length ? i : int(0, organisations.length - 1)] : null;
    if (!org) break;
    const type = pick(OFFER_TYPES);
    const groups = groupsForRecord(org, weighted([[6, 1], [3, 2], [1, 3]]));
    const main = groupsById.get(groups[0]);
    const audience = pick(['', '', ' for unge', ' for pårørende', ' for voksne', ' for seniorer']);
    const base = `${type.da}${audience} om ${lc(main.da)}`;
    const title = offerTitle(base, `${base} i ${org._town}`, `${base} – ${org.name}`);
    const fromDay = Math.max(org._registeredDay, dateBetween('2012-01-01', '2026-10-01'));
    const areas = areasInOrder(groupAreas(groups).filter((a) => org.areas.includes(a)));
    const offer = {
      id: offerIdOf(slugify(`${type.da}-${main.id}-${org._town}`)),
      organisation: org.id,
      title,
      type: type.id,
      patient_groups: groups,
      areas: areas.length ? areas : areasInOrder(groupAreas(groups)),
      ...subReach(org),
      active_from: toIso(fromDay),
      active_until: chance(0.2) ? toIso(fromDay + int(90, 2500)) : undefined,
      agreement: undefined,
      description: chance(0.15)
        ? description([`${type.da} for mennesker med ${lc(main.da)} og deres pårørende.`, 'Vi mødes hver anden tirsdag kl. 17–19.', `Tilmelding: skriv til foreningen eller mød op. Det er gratis at deltage & alle er velkomne.`])
        : chance(0.3) ? `${type.da} for alle med ${lc(main.da)}.` : undefined,
    };
    offers.push(offer);
    if (!offersByOrg.has(org.id)) offersByOrg.set(org.id, []);
    offersByOrg.get(org.id).push(offer);
  }

  // ---- calls (before agreements, which pick the call they came from)
  const callIdOf = makeIdRegistry();
  const callTitle = makeTitleRegistry();
  const calls = [];
  for (let i = 0; i < n.calls; i++) {
    const pool = pools.length && chance(0.85) ? pick(pools) : undefined;
    const areas = pool ? areasInOrder(sample(pool.areas, int(1, pool.areas.length))) : [pick(AREAS)];
    const groups = chance(0.7) ? inOrder(sample(groupsByArea[areas[0]].map((g) => g.id), int(1, 3)), PATIENT_GROUPS.map((g) => g.id)) : undefined;
    const publishedDay = dateBetween('2015-01-15', '2026-10-20');
    const year = yearOf(publishedDay);
    const topic = groups ? lc(groupsById.get(groups[0]).da) : AREA_DA[areas[0]];
    const base = `${pick(['Ansøgningsrunde', 'Opslag', 'Invitation til samarbejde', 'Partnerskabsopslag'])} ${year}: ${topic}`;
    const channel = chance(0.8) ? 'public' : 'invited';
    const pool_ = pool;
    const call = {
      id: callIdOf(`${year}-${slugify(pick(['opslag', 'runde', 'partnerskab']) + '-' + topic, 40)}`),
      title: callTitle(base, `${base} (${pool_ ? pool_.name : AREA_DA[areas[0]]})`),
      pool: pool?.id,
      areas,
      patient_groups: groups,
      ...(chance(0.6) ? { scope: 'regional' } : { municipalities: inOrder(sample(muniIds, int(1, 4)), muniIds) }),
      published: toIso(publishedDay),
      deadline: toIso(publishedDay + int(21, 70)),
      channel,
      invited: undefined,
      channel_reason: undefined,
      applicants: undefined,
      selected: undefined,
      criteria: pool ? pool.criteria.slice(0, int(1, pool.criteria.length)) : sample(CRITERIA, 2),
      description: chance(0.3)
        ? description([`Regionen inviterer foreninger til at søge om støtte til ${topic}.`, 'Læs kriterierne, før I søger.', 'Spørgsmål besvares på regionens hjemmeside.'])
        : undefined,
    };
    const pool0 = orgsByArea[areas[0]] ?? [];
    const invited = channel === 'invited' ? new Set(sample(pool0, int(3, 10)).map((o) => o.id)) : null;
    if (channel === 'invited' && chance(0.5)) call.channel_reason = 'Kun foreninger med erfaring fra et tidligere samarbejde kunne løfte opgaven inden for fristen.';
    const applicants = new Set(sample(invited ? [...invited] : pool0.map((o) => o.id), int(2, 12)));
    const deadlineDay = toDay(call.deadline);
    // Nobody is selected before the deadline has passed.
    const selected = new Set(deadlineDay < TODAY ? sample([...applicants], int(0, 2)) : []);
    Object.assign(call, { _day: publishedDay, _deadline: deadlineDay, _invited: invited, _applicants: applicants, _selected: selected });
    calls.push(call);
  }
  const callsByPool = new Map();
  for (const c of calls) {
    const key = c.pool ?? '';
    if (!callsByPool.has(key)) callsByPool.set(key, []);
    callsByPool.get(key).push(c);
  }
  for (const list of callsByPool.values()) list.sort((a, b) => a._day - b._day);
  // The latest call of a pool whose deadline passed before `day` (and before today), published
  // at most a year before it: found by binary search, no scans.
  const callBefore = (poolId, startDay) => {
    const day = Math.min(startDay, TODAY) - 71;
    const list = callsByPool.get(poolId ?? '') ?? [];
    let lo = 0, hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]._day <= day) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo - 1; i >= 0 && i >= lo - 5; i--) {
      if (list[i]._day < day - 365) break;
      if (list[i]._deadline < Math.min(startDay, TODAY)) return list[i];
    }
    return undefined;
  };

  // ---- agreements
  const agreementTitle = makeTitleRegistry();
  const agreementSeq = new Map();
  const agreements = [];
  const allocated = new Map(); // pool id -> year -> kroner
  for (let i = 0; i < n.agreements && organisations.length; i++) {
    const org = pick(organisations);
    const area = org.areas[0];
    const partners = chance(0.12) ? sample((orgsByArea[area] ?? []).filter((o) => o.id !== org.id), int(1, 2)) : [];
    const startDay = dateBetween('2016-01-01', '2027-03-01');
    const months = weighted([[12, 6], [10, 9], [18, 12], [20, 24], [15, 36], [10, 48], [15, 0]]);
    const endDay = months ? addMonths(startDay, months) - 1 : undefined;
    let status;
    if (startDay > TODAY) status = 'draft';
    else if (endDay !== undefined && endDay < TODAY) status = weighted([[85, 'ended'], [10, 'active'], [5, 'cancelled']]);
    else status = weighted([[92, 'active'], [3, 'cancelled'], [5, 'draft']]);
    const startYear = yearOf(startDay);
    const key = `${startYear}-${AREA_ABBR[area]}`;
    agreementSeq.set(key, (agreementSeq.get(key) ?? 0) + 1);
    const id = `${key}-${String(agreementSeq.get(key)).padStart(3, '0')}`;
    const groups = groupsForRecord(org, int(1, 2));
    const mainGroup = groupsById.get(groups[0]);
    const topic = pick(['Peer-støtte', 'Samarbejde om', 'Partnerskab om', 'Frivillige besøgsvenner', 'Rådgivning og bisidning', 'Netværksgrupper']);
    const base = topic.endsWith('om') ? `${topic} ${lc(mainGroup.da)} i ${org._town}` : `${topic} for ${lc(mainGroup.da)} i ${org._town}`;
    const free = (offersByOrg.get(org.id) ?? []).filter((o) => o.agreement === undefined);
    const linked = sample(free, weighted([[3, 0], [4, 1], [2, 2], [1, 3]]));
    for (const o of linked) o.agreement = id;

    const development = months > 0 && months <= 12 ? true : chance(0.4);
    const kind = development ? 'development' : 'operation';
    const funding = [];
    let fundingPool;
    if (chance(0.85) && status !== 'draft' || chance(0.3)) {
      const candidates = poolsFor(area, kind);
      if (candidates.length) {
        fundingPool = pick(candidates);
        const lastYear = Math.min(endDay === undefined ? startYear + 3 : yearOf(endDay), startYear + 3);
        const perYear = amount(25000, development ? 300000 : 600000);
        for (let y = startYear; y <= lastYear; y++) {
          funding.push({ pool: fundingPool.id, year: y, kind, amount_dkk: perYear });
          if (status === 'active' || status === 'ended') {
            if (!allocated.has(fundingPool.id)) allocated.set(fundingPool.id, new Map());
            const byYear = allocated.get(fundingPool.id);
            byYear.set(y, (byYear.get(y) ?? 0) + perYear);
          }
        }
        if (chance(0.1)) {
          // A second line from another pool, as when a project is co-funded.
          const other = pick(poolsFor(area, 'development').filter((p) => p !== fundingPool));
          if (other) {
            const extra = amount(20000, 200000);
            funding.push({ pool: other.id, year: startYear, kind: 'development', amount_dkk: extra });
            if (status === 'active' || status === 'ended') {
              if (!allocated.has(other.id)) allocated.set(other.id, new Map());
              const byYear = allocated.get(other.id);
              byYear.set(startYear, (byYear.get(startYear) ?? 0) + extra);
            }
          }
        }
      }
    }

    let established_by;
    const how = weighted([[60, 'call'], [25, 'exemption'], [15, 'none']]);
    if (how === 'call') {
      // A call's round ends in at most three applications, so at most three organisations are
      // selected by it; an agreement that would make a fourth is established otherwise.
      const fits = (c) => c && [org, ...partners].filter((o) => !c._selected.has(o.id)).length + c._selected.size <= 3;
      const found = callBefore(fundingPool?.id, startDay) ?? callBefore(undefined, startDay);
      const call = fits(found) ? found : undefined;
      if (call) {
        established_by = { call: call.id };
        for (const o of [org, ...partners]) {
          call._applicants.add(o.id);
          call._selected.add(o.id);
          if (call._invited) call._invited.add(o.id);
        }
      }
    }
    if (how === 'exemption' || (how === 'call' && !established_by)) {
      established_by = {
        exemption: {
          reason: chance(0.9)
            ? pick([
                'Foreningen er den eneste, der driver et tilbud til målgruppen i området.',
                'Videreførelse af et eksisterende samarbejde, som udvalget har besluttet at forlænge.',
                'Akut behov under omlægningen af tilbuddene;\nen åben runde følger i næste budgetår.\n',
              ])
            : undefined,
          approved_by: chance(0.85) ? pick(['Psykiatri- og socialudvalget', 'Regionsrådet', 'Direktionen', 'Udvalget for nære sundhedstilbud']) : undefined,
          date: chance(0.9) ? toIso(startDay - int(10, 120)) : undefined,
        },
      };
      if (Object.values(established_by.exemption).every((v) => v === undefined)) established_by.exemption.reason = 'Forlængelse af tidligere aftale.';
    }

    const evaluations = [];
    if (status !== 'draft' && chance(0.3)) {
      let d = startDay;
      for (let k = int(1, 2); k > 0; k--) {
        d += int(180, 400);
        if (d > TODAY || (endDay !== undefined && d > endDay)) break;
        evaluations.push({ date: toIso(d), summary: pick(EVALUATION_SUMMARIES) });
      }
    }
    const agreement = {
      id,
      title: agreementTitle(base, `${base} (${startYear})`),
      organisations: [org.id, ...partners.map((p) => p.id)],
      region_unit: chance(0.9) ? pick(REGION_UNITS) : undefined,
      areas: areasInOrder([area, ...(chance(0.2) ? org.areas.slice(1, 2) : [])]),
      patient_groups: groups,
      ...subReach(org),
      offers: linked.length ? linked.map((o) => o.id) : undefined,
      start: toIso(startDay),
      end: endDay === undefined ? undefined : toIso(endDay),
      status,
      funding: funding.length ? funding : undefined,
      established_by,
      evaluation_due: status === 'active' && chance(0.7) ? toIso(TODAY + int(-200, 400)) : undefined,
      evaluations: evaluations.length ? evaluations : undefined,
      notes: chance(0.05) ? 'Aftalen genforhandles, når puljens ramme for næste år kendes.\nSe sagsnummer i ESDH.\n' : undefined,
    };
    agreements.push(agreement);
  }
  for (const call of calls) {
    call.invited = call._invited ? inOrder([...call._invited], organisations.map((o) => o.id)) : undefined;
    if (call.channel !== 'invited') call.channel_reason = undefined;
    call.applicants = call._applicants.size ? [...call._applicants].sort() : undefined;
    call.selected = call._selected.size ? [...call._selected].sort() : undefined;
  }

  // Budgets follow what was allocated, with headroom; every fifth pool overspends one year, as
  // real registries do (the audit's pool-overcommitted rule has something to find).
  pools.forEach((pool, i) => {
    const byYear = allocated.get(pool.id) ?? new Map();
    for (let y = 2015; y <= 2028; y++) {
      const spent = byYear.get(y) ?? 0;
      const factor = i % 5 === 0 && y === 2024 ? 0.9 : 1.1 + (((i * 7 + y) % 5) / 10);
      const budget = Math.max(500000, Math.ceil((spent * factor) / 100000) * 100000);
      pool.budgets.push({ year: y, amount_dkk: budget });
    }
  });

  // ---- hearing parties (the standing hearing list)
  const hearingParties = [];
  const hpIdOf = makeIdRegistry();
  const partiesByKey = new Map(); // `${area}|${group}` -> parties
  const orgById = new Map(organisations.map((o) => [o.id, o]));
  for (let i = 0; i < n.hearingParties && organisations.length; i++) {
    const org = organisations[i % organisations.length];
    const groups = groupsForRecord(org, int(1, 2));
    const sinceDay = Math.max(org._registeredDay, dateBetween('2012-01-01', '2026-10-15'));
    const party = {
      id: hpIdOf(org.id),
      organisation: org.id,
      areas: org.areas,
      patient_groups: groups,
      since: toIso(sinceDay),
      status: chance(0.92) ? 'active' : 'withdrawn',
    };
    hearingParties.push(party);
    party._since = sinceDay;
    for (const a of party.areas) {
      for (const g of groups) {
        const k = `${a}|${g}`;
        if (!partiesByKey.has(k)) partiesByKey.set(k, []);
        partiesByKey.get(k).push(party);
      }
    }
  }

  // ---- consultations
  const consultationIdOf = makeIdRegistry();
  const consultationTitle = makeTitleRegistry();
  const consultations = [];
  for (let i = 0; i < n.consultations; i++) {
    const area = pick(AREAS);
    const groups = inOrder(sample(groupsByArea[area].map((g) => g.id), weighted([[3, 1], [1, 2]])), PATIENT_GROUPS.map((g) => g.id));
    const opensDay = dateBetween('2016-01-01', '2027-01-31');
    const short = chance(0.2);
    const deadlineDay = opensDay + (short ? int(10, 27) : int(28, 56));
    const topic = lc(groupsById.get(groups[0]).da);
    const doc = pick(CONSULTATION_DOCS);
    const base = doc.endsWith('for') || doc.endsWith('om') ? `${doc} ${topic}` : `${doc} ${yearOf(opensDay) + 1}: ${topic}`;
    const eligible = new Map();
    for (const g of groups) {
      for (const p of partiesByKey.get(`${area}|${g}`) ?? []) {
        if (p.status === 'active' && p._since <= opensDay && orgById.get(p.organisation).status === 'active') eligible.set(p.id, p);
      }
    }
    const eligibleIds = [...eligible.keys()];
    const limited = chance(0.25);
    let invited, omitted, seats;
    if (limited) {
      seats = int(3, 12);
      invited = sample(eligibleIds, seats);
    } else {
      const left = chance(0.3) ? sample(eligibleIds, int(1, 2)) : [];
      omitted = left.length
        ? left.map((party) => ({ party, reason: pick(['Har selv bedt om kun at blive hørt om regionale planer.', 'Foreningen er under opløsning.', 'Høres i stedet gennem sin landsforening.']) }))
        : undefined;
      const dropped = chance(0.05) ? sample(eligibleIds, 1) : []; // left out without a word: the audit's business
      const out = new Set([...left, ...dropped]);
      invited = eligibleIds.filter((id) => !out.has(id));
    }
    const status = deadlineDay < TODAY ? 'closed' : opensDay > TODAY ? 'planned' : 'open';
    const responses = [];
    if (status !== 'planned') {
      const lastDay = Math.min(deadlineDay, TODAY);
      for (const party of sample(invited, Math.round(invited.length * (0.2 + 0.4 * rnd.next())))) {
        responses.push({ party, received: toIso(int(opensDay, lastDay)) });
      }
      responses.sort((a, b) => (a.received < b.received ? -1 : a.received > b.received ? 1 : a.party < b.party ? -1 : 1));
    }
    const consultation = {
      id: consultationIdOf(`${yearOf(opensDay)}-hoering-${slugify(topic, 30)}`),
      title: consultationTitle(base, `${base} (${toIso(opensDay)})`),
      areas: [area],
      patient_groups: groups,
      opens: toIso(opensDay),
      deadline: toIso(deadlineDay),
      deadline_reason: short && chance(0.6) ? 'Kort frist, fordi udvalget behandler sagen på sit næste møde.' : undefined,
      selection: limited ? 'limited' : 'all',
      seats,
      invited: invited.sort(),
      omitted,
      responses: responses.length ? responses : undefined,
      status,
    };
    consultations.push(consultation);
  }

  // ---- applications (last, so the records drawn before keep their bytes): every call whose
  // round is decided gets an application from each selected organisation (granted) and from other
  // applicants (refused); an open call gets undecided ones. Two assessors
  // score each on the call's criteria, which get ids; the call's applicants and selected are then
  // exactly what its applications show.
  const applications = [];
  const appIdOf = makeIdRegistry();
  const poolById = new Map(pools.map((p) => [p.id, p]));
  for (const call of calls) {
    const texts = (call.criteria ?? []).map((c) => (typeof c === 'string' ? c : c.text.da));
    const operation = call.pool !== undefined && poolById.get(call.pool)?.eligible_kinds.includes('operation');
    call.criteria = texts.map((text, i) => ({ id: `k${i + 1}`, text: { da: text }, ...(i === 0 && chance(0.5) ? { weight: 2 } : {}), ...(operation && i === texts.length - 1 ? { kinds: ['operation'] } : {}) }));
    const decided = call._deadline < TODAY;
    const selected = [...call._selected].sort();
    const others = [...call._applicants].filter((o) => !call._selected.has(o)).sort();
    // One to three applications a call: the selected ones granted and, room permitting, one or
    // two refused; an open call has one to three undecided ones.
    const room = Math.max(selected.length ? 0 : 1, Math.min(int(1, 2), 3 - selected.length));
    const refused = decided ? sample(others, Math.min(others.length, room)) : sample(others.length ? others : selected, int(1, 3));
    const entries = [...(decided ? selected.map((o) => [o, 'granted']) : []), ...refused.map((o) => [o, decided ? 'refused' : undefined])];
    const assessDay = call._deadline + int(3, 14);
    const declared = toIso(call._deadline + 1);
    call.declarations = [{ assessor: 'Bedømmer A', date: declared, ties: [] }, { assessor: 'Bedømmer B', date: declared, ties: [] }];
    for (const [org, outcome] of entries) {
      const amount = int(5, 80) * 10000;
      const scores = () => call.criteria.map((c) => ({ criterion: c.id, score: int(outcome === 'granted' ? 2 : 0, outcome === 'granted' ? 5 : 3) }));
      const decision = outcome === undefined ? undefined
        : outcome === 'granted' ? { outcome, date: toIso(assessDay + 7), amount_dkk: amount, case_number: `1-30-72-${applications.length + 1}-${String(yearOf(call._deadline)).slice(2)}` }
          : { outcome, date: toIso(assessDay + 7), reason: 'Ansøgningen scorede lavere på opslagets kriterier end de bevilgede.', ...(call.criteria.length ? { criteria: [call.criteria[0].id] } : {}), case_number: `1-30-72-${applications.length + 1}-${String(yearOf(call._deadline)).slice(2)}` };
      applications.push({
        id: appIdOf(slugify(`${call.id}-${org}`)),
        call: call.id,
        organisations: [org],
        amount_dkk: amount,
        kind: operation && chance(0.5) ? 'operation' : 'development',
        received: toIso(call._deadline - int(0, 14)),
        assessments: decided || chance(0.5) ? [
          { assessor: 'Bedømmer A', date: toIso(assessDay), scores: scores() },
          { assessor: 'Bedømmer B', date: toIso(assessDay + 1), scores: scores() },
        ] : undefined,
        decision,
      });
    }
    const apps = applications.filter((x) => x.call === call.id);
    call.applicants = apps.length ? [...new Set(apps.map((x) => x.organisations[0]))].sort() : undefined;
    const granted = apps.filter((x) => x.decision?.outcome === 'granted').map((x) => x.organisations[0]);
    call.selected = granted.length ? [...new Set(granted)].sort() : undefined;
  }

  const clean = (rec) => {
    const out = {};
    for (const [k, v] of Object.entries(rec)) if (v !== undefined && !k.startsWith('_')) out[k] = v;
    return out;
  };

  return {
    settings: {
      region: { name: 'Region Midtjylland', website: 'https://www.rm.dk' },
      language: 'da',
      policy: {
        max_share: 0.4,
        hhi_warning: 2500,
        short_project_months: 12,
        short_chain_count: 3,
        hearing_min_days: 28,
        rotation_window: 5,
        contact_confirm_months: 24,
        expiring_days: 90,
      },
    },
    model: MODEL,
    vocabularies: {
      municipalities: MUNICIPALITIES.map(([id, name]) => ({ id, name })),
      'patient-groups': PATIENT_GROUPS.map((g) => ({ id: g.id, name: { da: g.da, en: g.en }, areas: g.areas, parent: g.parent ?? undefined })),
      'offer-types': OFFER_TYPES.map((t) => ({ id: t.id, name: { da: t.da, en: t.en } })),
    },
    records: {
      organisation: organisations.map(clean),
      offer: offers.map(clean),
      agreement: agreements.map(clean),
      pool: pools.map(clean),
      call: calls.map(clean),
      'hearing-party': hearingParties.map(clean),
      consultation: consultations.map(clean),
      application: applications.map(clean),
    },
  };
}

const MODEL = {
  title: { da: 'Region Midtjyllands model for samarbejde med civilsamfundet', en: "Region Midtjylland's model for collaboration with civil society" },
  introduction: {
    da: 'Regionen samarbejder med foreninger og frivillige organisationer på social-, psykiatri- og sundhedsområdet.\nModellen beskriver, hvordan et samarbejde etableres, så foreninger behandles lige.\n',
    en: 'The region collaborates with associations and voluntary organisations in social services, psychiatry and health.\nThe model describes how a collaboration is established so that associations are treated equally.\n',
  },
  principles: [
    { id: 'equal-treatment', title: { da: 'Ligebehandling', en: 'Equal treatment' }, text: { da: 'Sammenlignelige foreninger tilbydes sammenlignelige samarbejder.', en: 'Comparable organisations are offered comparable collaborations.' } },
    { id: 'openness', title: { da: 'Åbenhed', en: 'Openness' }, text: { da: 'Samarbejder slås op offentligt, medmindre en undtagelse er begrundet og godkendt.', en: 'Collaborations are advertised publicly unless an exemption is justified and approved.' } },
    { id: 'long-term', title: { da: 'Langsigtethed', en: 'Long-term' }, text: { da: 'Varige indsatser finansieres som drift, ikke som en kæde af projekter.', en: 'Lasting work is funded as running costs, not as a chain of projects.' } },
    { id: 'hearing', title: { da: 'Bred høring', en: 'Broad consultation' }, text: { da: "Alle berørte parter høres; pladser på et begrænset høringspanel går på skift.", en: 'Everyone affected is consulted; seats on a limited panel rotate.' } },
  ],
  stages: [
    { id: 'need', title: { da: 'Behov', en: 'Need' }, text: { da: 'Enheden beskriver behovet og målgruppen.', en: 'The unit describes the need and the target group.' }, principles: ['equal-treatment'] },
    { id: 'call', title: { da: 'Opslag', en: 'Call' }, text: { da: 'Samarbejdet slås op, og kriterierne offentliggøres.', en: 'The collaboration is advertised and the criteria published.' }, evidence: { da: 'Opslaget og listen over ansøgere.', en: 'The call and the list of applicants.' }, principles: ['openness', 'equal-treatment'] },
    { id: 'agreement', title: { da: 'Aftale', en: 'Agreement' }, text: { da: 'Der indgås en skriftlig aftale med mål, varighed og økonomi.', en: 'A written agreement sets goals, duration and funding.' }, principles: ['long-term'] },
    { id: 'evaluation', title: { da: 'Evaluering', en: 'Evaluation' }, text: { da: 'Samarbejdet evalueres, før det forlænges.', en: 'The collaboration is evaluated before it is extended.' }, principles: ['long-term', 'openness'] },
  ],
  how_to: [
    { id: 'become-partner', title: { da: 'Sådan bliver I samarbejdspartner', en: 'How to become a partner' }, text: { da: 'Hold øje med regionens opslag, og søg inden fristen.', en: "Watch the region's calls and apply before the deadline." } },
    { id: 'hearing-list', title: { da: 'Sådan kommer I på høringslisten', en: 'How to join the hearing list' }, text: { da: 'Skriv til regionen med jeres områder og patientgrupper.', en: 'Write to the region with your areas and patient groups.' } },
  ],
};

const FOLDERS = {
  organisation: 'organisations',
  offer: 'offers',
  agreement: 'agreements',
  pool: 'pools',
  call: 'calls',
  'hearing-party': 'hearing-parties',
  consultation: 'consultations',
  application: 'applications',
};

export function generateBenchFolder(dir, sizes = { ...DEFAULT_SIZES }) {
  const started = process.hrtime.bigint();
  if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) {
    throw new Error(`bench-data: ${dir} is not empty; give a new or empty folder`);
  }
  const data = generateBench(sizes);
  fs.mkdirSync(path.join(dir, 'vocabularies'), { recursive: true });
  let files = 0;
  let bytes = 0;
  const write = (rel, text) => {
    fs.writeFileSync(path.join(dir, rel), text);
    files++;
    bytes += Buffer.byteLength(text);
  };
  write('civsam.yaml', toYaml('civsam', data.settings));
  write('model.yaml', toYaml('model', data.model));
  for (const [name, entries] of Object.entries(data.vocabularies)) {
    write(path.join('vocabularies', `${name}.yaml`), toYaml(name, entries.map((e) => JSON.parse(JSON.stringify(e)))));
  }
  const counts = {};
  for (const [kind, records] of Object.entries(data.records)) {
    const folder = FOLDERS[kind];
    fs.mkdirSync(path.join(dir, folder), { recursive: true });
    for (const rec of records) write(path.join(folder, `${rec.id}.yaml`), toYaml(kind, rec));
    counts[folder] = records.length;
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  return { dir, counts, files, bytes, ms };
}

// ---------------------------------------------------------------- CLI

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const scaleAt = args.indexOf('--scale');
  const scale = scaleAt >= 0 ? Number(args.splice(scaleAt, 2)[1]) : 1;
  const dir = args[0];
  if (!dir || args.length > 1 || !(scale > 0)) {
    process.stderr.write('usage: node scripts/bench-data.js DIR [--scale F]\n');
    process.exit(2);
  }
  const sizes = Object.fromEntries(Object.entries(DEFAULT_SIZES).map(([k, v]) => [k, Math.max(1, Math.round(v * scale))]));
  try {
    const r = generateBenchFolder(path.resolve(dir), sizes);
    const list = Object.entries(r.counts).map(([k, v]) => `${v} ${k}`).join(', ');
    process.stdout.write(`wrote ${r.files} files (${(r.bytes / 1048576).toFixed(1)} MiB) to ${r.dir} in ${Math.round(r.ms)} ms: ${list}\n`);
  } catch (err) {
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  }
}
