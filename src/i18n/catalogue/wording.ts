// Messages whose words depend on what they name: a folder that is not a record, a kind with its
// article (Danish nouns are en or et, and the pronoun that follows them den or det), a text's length
// said so it agrees with any field's name. They name kinds, fields and folders; never a value.
import { defineMessages } from '../define.js';

export const wording = defineMessages({
  'problem.unexpectedFolder': 'This folder is not a record (records are files named <id>.yaml) and is ignored. Move it out of {folder}/ if it does not belong there.',
}, {
  'problem.unexpectedFolder': 'Mappen er ikke en post (poster er filer, der hedder <id>.yaml) og bliver ignoreret. Flyt den ud af {folder}/, hvis den ikke hører hjemme der.',
});
