// Messages of names where ids and codes are asked, and of `civsam find`. They name records by
// kind, id and name or title (public), and never echo text the user typed unless it is an id.
import { defineMessages } from '../define.js';

export const names = defineMessages({
  'names.noId': 'there is no {kind} with the id {id}. {hint}',
  'names.noName': 'there is no {kind} that matches what you gave for {what}. {hint}',
  'names.didYouMean': 'Did you mean: {list}?',
  'names.findHint': 'Search with civsam find and part of the name.',
  'names.listHint': 'See them with civsam {command} list, or search with civsam find and part of the name.',
  'names.ambiguous': 'what you gave for {what} matches several: {candidates}. Give the id, or more of the name.',
  'names.badValue': '{what} does not take the value you gave. It takes: {choices}.',
  'cmd.find.description': 'find records and vocabulary entries by id, name or title (accents and case ignored), best match first',
  'opt.find.kind': 'search only this kind (org, offer, agreement, pool, call, hearing-party, consultation, patient-group, municipality, offer-type; Danish words too); repeatable',
  'opt.find.format': 'output format',
  'opt.find.output': 'write to this file instead of the terminal (format from its extension)',
  'find.empty': 'give part of a name, a title or an id to search for.',
  'find.none': 'Nothing found that matches what you searched for. Try a shorter part of the name.',
  'find.heading': '{count, plural, one {1 match} other {# matches}}, best first',
  'find.kind': 'Kind',
  'find.leftOut': '{count, plural, one {1 file has errors and was left out of the search} other {# files have errors and were left out of the search}}; civsam validate lists them.',
}, {
  'names.noId': 'der er ingen {kind} med id\'et {id}. {hint}',
  'names.noName': 'der er ingen {kind}, der passer til det, du angav ved {what}. {hint}',
  'names.didYouMean': 'Mente du: {list}?',
  'names.findHint': 'Søg med civsam find og en del af navnet.',
  'names.listHint': 'Se dem med civsam {command} list, eller søg med civsam find og en del af navnet.',
  'names.ambiguous': 'det, du angav ved {what}, passer til flere: {candidates}. Angiv id\'et eller mere af navnet.',
  'names.badValue': '{what} kan ikke have den værdi, du angav. Den kan have: {choices}.',
  'cmd.find.description': 'find poster og ord fra ordlisterne efter id, navn eller titel (uden hensyn til accenter og store bogstaver), bedste match først',
  'opt.find.kind': 'søg kun i denne slags (org, tilbud, aftale, pulje, opslag, høringspart, høring, patientgruppe, kommune, tilbudstype); kan gentages',
  'opt.find.format': 'uddataformat',
  'opt.find.output': 'skriv til denne fil i stedet for terminalen (formatet efter filens endelse)',
  'find.empty': 'angiv en del af et navn, en titel eller et id at søge efter.',
  'find.none': 'Intet fundet, der passer til det, du søgte efter. Prøv en kortere del af navnet.',
  'find.heading': '{count, plural, one {1 resultat} other {# resultater}}, bedste først',
  'find.kind': 'Art',
  'find.leftOut': '{count, plural, one {1 fil har fejl og er ikke med i søgningen} other {# filer har fejl og er ikke med i søgningen}}; civsam validate viser dem.',
});
