// Words for what reading a file can do to a value without the user seeing it: a comment that ends
// a value early, a field written twice (named, with both lines); and a record made from flags told
// by its flags, not by the lines of a file the user never wrote; a record added twice; a list with
// nothing in it; a Ctrl-C while the folder is read.
import { defineMessages } from '../define.js';

export const readingWords = defineMessages({
  'problem.commentAfterValue': 'The text from this # on is not part of the value: in YAML a space followed by # begins a comment, so the value ends before it. If the text belongs to the value, put the whole value in quotes ("…"); if it is a note, it can stay.',
  'problem.yamlDuplicateKeyNamed': 'The field {key} is written twice at the same level (the record, or one item of a list in it): on line {line} and again on this line. Keep one of the two lines and delete the other.',
  'problem.flag.patternPhone': '{field} must be a phone number of 8 to 20 digits and spaces, optionally starting with +.',
  'problem.flag.enum': '{field} must be one of these: {allowed}.',
  'problem.flag.minLength': '{field} was given no text: write some, or leave {field} out. A field the record has is removed with --unset {name}.',
  'problem.flag.scaleOrder': 'The score scale\'s lowest score must be lower than its highest: give both with --score-scale-min and --score-scale-max.',
  'problem.flag.dateOrder': 'The date given with {field} is before the date in {earlierField}. Correct one of the dates.',
  'register.flagProblem': '{flag}: {problem}',
  'register.nowRepeats': 'Note: the register now has {what} more than once: this one and {ids}. If it is the same thing, remove one of them; if not, give them different {names}.',
  'register.wouldRepeat': 'Note: the register would then have {what} more than once: this one and {ids}. If it is the same thing, leave this change unmade or remove one of them; if not, give them different {names}.',
  'register.repeated': 'there is already {what} in the register: {ids}. To change it, use civsam {command} edit {first}. If this is another one, give it an id of its own with --id.',
  'register.names.name': 'names',
  'register.names.title': 'titles',
  'register.same.offer': 'an offer with this title from this organisation',
  'register.same.pool': 'a pool with this name',
  'register.same.call': 'a call with this title in the same year',
  'register.same.consultation': 'a consultation with this title in the same year',
  'register.idNumbered': 'The id {base} is taken, so the new record was given the id {id}.',
  'register.idNumberedDryRun': 'The id {base} is taken, so the new record would be given the id {id}.',
  'list.none': 'There are {things}.',
  // `things` is the list heading's counted noun (list.heading.*): "2 organisations"; `kind` the kind's singular.
  'list.noneMatch': '{count, plural, one {The one {kind} in the register does not match} other {None of the {things} in the register match}} what you asked for.',
  'register.webAddressCompleted': '{flag} has no http:// or https:// in front: https:// was put in front of the address.',
}, {
  'problem.commentAfterValue': 'Teksten fra dette # og frem er ikke en del af værdien: i YAML indleder et mellemrum efterfulgt af # en kommentar, så værdien slutter før den. Hører teksten til værdien, så sæt hele værdien i anførselstegn ("…"); er den en note, kan den blive stående.',
  'problem.yamlDuplicateKeyNamed': 'Feltet {key} står to gange på samme niveau (i posten eller i ét punkt af en liste i den): i linje {line} og igen i denne linje. Behold den ene af de to linjer, og slet den anden.',
  'problem.flag.patternPhone': '{field} skal være et telefonnummer på 8 til 20 cifre og mellemrum, evt. med + foran.',
  'problem.flag.enum': '{field} skal være en af disse: {allowed}.',
  'problem.flag.minLength': '{field} er givet uden tekst: skriv en tekst, eller udelad {field}. Et felt, posten har, fjernes med --unset {name}.',
  'problem.flag.scaleOrder': 'Karakterskalaens laveste karakter skal være lavere end dens højeste: angiv begge med --score-scale-min og --score-scale-max.',
  'problem.flag.dateOrder': 'Datoen i {field} ligger før datoen i »{earlierField}«. Ret en af datoerne.',
  'register.flagProblem': '{flag}: {problem}',
  'register.nowRepeats': 'Bemærk: nu er der registreret {what} mere end én gang: denne og {ids}. Er det det samme, så slet den ene; ellers giv dem forskellige {names}.',
  'register.wouldRepeat': 'Bemærk: så ville der være registreret {what} mere end én gang: denne og {ids}. Er det det samme, så lad være med at foretage ændringen, eller slet den ene; ellers giv dem forskellige {names}.',
  'register.repeated': 'der er allerede registreret {what}: {ids}. Ret posten med civsam {command} edit {first}. Er det en anden post, så angiv et id til den med --id.',
  'register.names.name': 'navne',
  'register.names.title': 'titler',
  'register.same.offer': 'et tilbud med denne titel fra denne organisation',
  'register.same.pool': 'en pulje med dette navn',
  'register.same.call': 'et opslag med denne titel i samme år',
  'register.same.consultation': 'en høring med denne titel i samme år',
  'register.idNumbered': 'Id\'et {base} er optaget, så den nye post har fået id\'et {id}.',
  'register.idNumberedDryRun': 'Id\'et {base} er optaget, så den nye post ville få id\'et {id}.',
  'list.none': 'Der er {things}.',
  'list.noneMatch': '{count, plural, one {Registrets ene {kind} passer ikke} other {Ingen af registrets {things} passer}} til det, du har angivet.',
  'register.webAddressCompleted': '{flag} har ikke http:// eller https:// foran: https:// er sat foran adressen.',
});
