// The commit messages civsam writes into the data folder's history, in the folder's language: the
// record's kind and id and the names of the fields that changed, never a value (a status excepted,
// a fixed word such as `aktiv`).
import { defineMessages } from '../define.js';

export const commit = defineMessages({
  'commit.added': '{kind} {id}: added',
  'commit.removed': '{kind} {id}: removed',
  'commit.changed': '{kind} {id}: {changes}',
  'commit.noChange': 'no change',
  // Each changed field by its label, then what happened to it: `end: set`, `invited: 2 added`.
  'commit.fieldSet': '{field}: set',
  'commit.fieldRemoved': '{field}: removed',
  'commit.fieldChanged': '{field}: changed',
  'commit.itemsAdded': '{field}: {count} added',
  'commit.itemsRemoved': '{field}: {count} removed',
  'commit.statusSet': '{field}: {to}',
  'commit.statusChanged': '{field}: {from} → {to}',
  // A field inside another (`contact.name`): `name in contact`.
  'commit.fieldIn': '{field} in {parent}',
  'commit.fieldInLanguage': '{field} in {language}',
  'commit.many': '{kinds}: {parts}',
  'commit.manyAdded': '{count} added',
  'commit.manyChanged': '{count} changed',
  'commit.manyRemoved': '{count} removed',
  'commit.syncMerge': 'civsam sync: the shared changes merged in',
  'commit.syncMergeResolved': 'civsam sync: the shared changes merged in; conflicts resolved ({records})',
}, {
  'commit.added': '{kind} {id}: oprettet',
  'commit.removed': '{kind} {id}: fjernet',
  'commit.changed': '{kind} {id}: {changes}',
  'commit.noChange': 'ingen ændring',
  'commit.fieldSet': '{field}: sat',
  'commit.fieldRemoved': '{field}: fjernet',
  'commit.fieldChanged': '{field}: ændret',
  'commit.itemsAdded': '{field}: {count} tilføjet',
  'commit.itemsRemoved': '{field}: {count} fjernet',
  'commit.statusSet': '{field}: {to}',
  'commit.statusChanged': '{field}: {from} → {to}',
  'commit.fieldIn': '{field} i {parent}',
  'commit.fieldInLanguage': '{field} på {language}',
  'commit.many': '{kinds}: {parts}',
  'commit.manyAdded': '{count} oprettet',
  'commit.manyChanged': '{count} ændret',
  'commit.manyRemoved': '{count} fjernet',
  'commit.syncMerge': 'civsam sync: de fælles ændringer flettet ind',
  'commit.syncMergeResolved': 'civsam sync: de fælles ændringer flettet ind; konflikter løst ({records})',
});
