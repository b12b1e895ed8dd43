// Messages of the vocabulary commands (`civsam vocab list|add|rename|retire`), of a retired entry
// chosen anew, of the defaults an import fills in, and of the files doctor names. Vocabulary
// entries are named by their name and id (the region's own words, never personal data).
import { defineMessages } from '../define.js';

export const vocabulary = defineMessages({
  'doctor.readableFile': '  {file}',
  'doctor.readableMore': '  and {count, plural, one {# more} other {# more}}',
  'import.defaultsUsed': 'Defaults used: {items}.',
  'import.defaultItem': '{field} = {value} ({rows, plural, one {# row} other {# rows}})',
  'import.defaultToday': 'today',
  'import.defaultOrganisation': 'as its organisation',
}, {
  'doctor.readableFile': '  {file}',
  'doctor.readableMore': '  og {count, plural, one {# mere} other {# flere}}',
  'import.defaultsUsed': 'Standardværdier brugt: {items}.',
  'import.defaultItem': '{field} = {value} ({rows, plural, one {# række} other {# rækker}})',
  'import.defaultToday': 'i dag',
  'import.defaultOrganisation': 'som organisationen',
});
