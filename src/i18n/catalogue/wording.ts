// Messages whose words depend on what they name: a folder that is not a record, a kind with its
// article (Danish nouns are en or et, and the pronoun that follows them den or det), a text's length
// said so it agrees with any field's name. They name kinds, fields and folders; never a value.
import { defineMessages } from '../define.js';

export const wording = defineMessages({
  // A kind with its indefinite article, and the pronoun that stands for it.
  'kind.a.organisation': 'an organisation',
  'kind.a.offer': 'an offer',
  'kind.a.agreement': 'an agreement',
  'kind.a.pool': 'a pool',
  'kind.a.call': 'a call',
  'kind.a.hearing-party': 'a hearing party',
  'kind.a.consultation': 'a consultation',
  'kind.a.application': 'an application',
  'kind.it.organisation': 'it',
  'kind.it.offer': 'it',
  'kind.it.agreement': 'it',
  'kind.it.pool': 'it',
  'kind.it.call': 'it',
  'kind.it.hearing-party': 'it',
  'kind.it.consultation': 'it',
  'kind.it.application': 'it',
  // A text's length, said so it agrees with any field's name, with the unit and how long it is now.
  'problem.schema.textTooLong': '{field} must be at most {limit} characters long (it is {length}).',
  'problem.schema.maxItems': '{field} must list at most {limit}.',
  // An id that is not one, given where a vocabulary's entry is named: where those ids are listed.
  'cli.badIdListed': '{what} is not a valid id. An id has 1 to 63 characters: lowercase letters a-z, digits and dashes, and begins with a letter or a digit. {listedBy}',
  'vocab.listedBy.municipalities': 'civsam vocab list municipalities shows the municipalities and their ids.',
  'vocab.listedBy.patient-groups': 'civsam vocab list patient-groups shows the patient groups and their ids.',
  'vocab.listedBy.offer-types': 'civsam vocab list offer-types shows the types of offer and their ids.',
  'problem.unexpectedFolder': 'This folder is not a record (records are files named <id>.yaml) and is ignored. Move it out of {folder}/ if it does not belong there.',
}, {
  'kind.a.organisation': 'en organisation',
  'kind.a.offer': 'et tilbud',
  'kind.a.agreement': 'en aftale',
  'kind.a.pool': 'en pulje',
  'kind.a.call': 'et opslag',
  'kind.a.hearing-party': 'en høringspart',
  'kind.a.consultation': 'en høring',
  'kind.a.application': 'en ansøgning',
  'kind.it.organisation': 'den',
  'kind.it.offer': 'det',
  'kind.it.agreement': 'den',
  'kind.it.pool': 'den',
  'kind.it.call': 'det',
  'kind.it.hearing-party': 'den',
  'kind.it.consultation': 'den',
  'kind.it.application': 'den',
  'problem.schema.textTooLong': '{field} må højst have {limit} tegn (har {length}).',
  'problem.schema.maxItems': '{field} må højst indeholde {limit}.',
  'cli.badIdListed': '{what} er ikke et gyldigt id. Et id har 1 til 63 tegn: små bogstaver a-z, cifre og bindestreger, og det begynder med et bogstav eller et ciffer. {listedBy}',
  'vocab.listedBy.municipalities': 'civsam vocab list kommuner viser kommunerne og deres id\'er.',
  'vocab.listedBy.patient-groups': 'civsam vocab list patientgrupper viser patientgrupperne og deres id\'er.',
  'vocab.listedBy.offer-types': 'civsam vocab list tilbudstyper viser tilbudstyperne og deres id\'er.',
  'problem.unexpectedFolder': 'Mappen er ikke en post (poster er filer, der hedder <id>.yaml) og bliver ignoreret. Flyt den ud af {folder}/, hvis den ikke hører hjemme der.',
});
