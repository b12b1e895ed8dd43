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
  'commit.many': '{kinds}: {parts}',
  'commit.manyAdded': '{count} added',
  'commit.manyChanged': '{count} changed',
  'commit.manyRemoved': '{count} removed',
}, {
  'commit.added': '{kind} {id}: oprettet',
  'commit.removed': '{kind} {id}: fjernet',
  'commit.changed': '{kind} {id}: {changes}',
  'commit.noChange': 'ingen ændring',
  'commit.fieldSet': '{field} udfyldt',
  'commit.fieldRemoved': '{field} fjernet',
  'commit.fieldChanged': '{field} ændret',
  'commit.many': '{kinds}: {parts}',
  'commit.manyAdded': '{count, plural, one {# oprettet} other {# oprettede}}',
  'commit.manyChanged': '{count, plural, one {# ændret} other {# ændrede}}',
  'commit.manyRemoved': '{count, plural, one {# fjernet} other {# fjernede}}',
});
