// Messages of names where ids and codes are asked, and of `civsam find`. They name records by
// kind, id and name or title (public), and never echo text the user typed unless it is an id.
import { defineMessages } from '../define.js';

export const names = defineMessages({
  'names.noId': 'there is no {kind} with the id {id}. {hint}',
  'names.noName': 'there is no {kind} that matches what you gave for {what}. {hint}',
  'names.didYouMean': 'Did you mean: {list}?',
  'names.findHint': 'Search with civsam find and part of the name.',
  'names.ambiguous': 'what you gave for {what} matches several: {candidates}. Give the id, or more of the name.',
  'names.badValue': '{what} does not take the value you gave. It takes: {choices}.',
}, {
  'names.noId': 'der er ingen {kind} med id\'et {id}. {hint}',
  'names.noName': 'der er ingen {kind}, der passer til det, du angav ved {what}. {hint}',
  'names.didYouMean': 'Mente du: {list}?',
  'names.findHint': 'Søg med civsam find og en del af navnet.',
  'names.ambiguous': 'det, du angav ved {what}, passer til flere: {candidates}. Angiv id\'et eller mere af navnet.',
  'names.badValue': '{what} kan ikke have den værdi, du angav. Den kan have: {choices}.',
});
