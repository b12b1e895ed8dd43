// What `civsam import` and `civsam export` are told to work on: the kinds of records (and the
// overviews) as a user types them in each language, and the answer to a word that names none.
// Every word here is one the command line takes (a test checks it), so a list or a suggestion
// can be typed as shown.
import { defineMessages } from '../define.js';

export const sheetKinds = defineMessages({
  'sheetKind.organisation': 'organisations',
  'sheetKind.offer': 'offers',
  'sheetKind.agreement': 'agreements',
  'sheetKind.pool': 'pools',
  'sheetKind.call': 'calls',
  'sheetKind.hearing-party': 'hearing-parties',
  'sheetKind.consultation': 'consultations',
  'sheetKind.application': 'applications',
  'sheetKind.overview': 'overview',
  'sheetKind.overview.offers': 'offers',
  'sheetKind.overview.coverage': 'coverage',
  'sheetKind.overview.funding': 'funding',
  'sheetKind.overview.expiring': 'expiring',
  'sheetKind.import.named': 'civsam cannot import “{kind}”. {hint}',
  'sheetKind.import.unnamed': 'civsam cannot import what you gave. {hint}',
  'sheetKind.import.choices': 'Import one of: {kinds}.',
  'sheetKind.export.named': 'civsam cannot export “{kind}”. {hint}',
  'sheetKind.export.unnamed': 'civsam cannot export what you gave. {hint}',
  'sheetKind.export.choices': 'Export one of: {kinds}.',
  'sheetKind.export.toFile': 'To write the records to a file, give {option}.',
  // `export agreements overview`: what can be exported, then words too many.
  'sheetKind.export.extraWords': '{count, plural, one {One word} other {# words}} too many after {kind}: civsam exports one thing at a time. {choices}',
  // The nearest kinds, then every kind.
  'sheetKind.nearAndChoices': '{near} {choices}',
}, {
  'sheetKind.organisation': 'organisationer',
  'sheetKind.offer': 'tilbud',
  'sheetKind.agreement': 'aftaler',
  'sheetKind.pool': 'puljer',
  'sheetKind.call': 'opslag',
  'sheetKind.hearing-party': 'høringsparter',
  'sheetKind.consultation': 'høringer',
  'sheetKind.application': 'ansøgninger',
  'sheetKind.overview': 'overblik',
  'sheetKind.overview.offers': 'tilbud',
  'sheetKind.overview.coverage': 'dækning',
  'sheetKind.overview.funding': 'finansiering',
  'sheetKind.overview.expiring': 'udløber',
  'sheetKind.import.named': 'civsam kan ikke importere »{kind}«. {hint}',
  'sheetKind.import.unnamed': 'civsam kan ikke importere det, du angav. {hint}',
  'sheetKind.import.choices': 'Importér en af: {kinds}.',
  'sheetKind.export.named': 'civsam kan ikke eksportere »{kind}«. {hint}',
  'sheetKind.export.unnamed': 'civsam kan ikke eksportere det, du angav. {hint}',
  'sheetKind.export.choices': 'Eksportér en af: {kinds}.',
  'sheetKind.export.toFile': 'Giv {option} for at skrive posterne til en fil.',
  'sheetKind.export.extraWords': 'Der står {count, plural, one {et ord} other {# ord}} for meget efter {kind}: civsam eksporterer én ting ad gangen. {choices}',
  'sheetKind.nearAndChoices': '{near} {choices}',
});
