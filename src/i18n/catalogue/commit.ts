// The commit messages civsam writes into the data folder's history, in the folder's language: the
// record's kind and id and the names of the fields that changed, never a value (a status excepted,
// a fixed word such as `aktiv`).
import { defineMessages } from '../define.js';

export const commit = defineMessages({
  'commit.added': '{kind} {id}: added',
  'commit.removed': '{kind} {id}: removed',
  'commit.changed': '{kind} {id}: {changes}',
  'commit.noChange': 'no change',
  'commit.fieldSet': '{field} set',
  'commit.fieldRemoved': '{field} removed',
  'commit.fieldChanged': '{field} changed',
  'commit.itemsAdded': '{count} added to {field}',
  'commit.itemsRemoved': '{count} removed from {field}',
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
  'commit.fieldSet': '{field} udfyldt',
  'commit.fieldRemoved': '{field} fjernet',
  'commit.fieldChanged': '{field} ændret',
  'commit.itemsAdded': '{count} tilføjet til {field}',
  'commit.itemsRemoved': '{count} fjernet fra {field}',
  'commit.many': '{kinds}: {parts}',
  'commit.manyAdded': '{count} oprettet',
  'commit.manyChanged': '{count} ændret',
  'commit.manyRemoved': '{count} fjernet',
  'commit.syncMerge': 'civsam sync: de fælles ændringer flettet ind',
  'commit.syncMergeResolved': 'civsam sync: de fælles ændringer flettet ind; konflikter løst ({records})',
});
