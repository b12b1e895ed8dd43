// Messages of guided entry's lists to choose from: too few chosen, said as a person says it, and
// the prompt library's own words (a filter that matches nothing, a refused choice).
import { defineMessages } from '../define.js';

export const guidedChoices = defineMessages({
  'guided.noMatches': 'Nothing matches what you typed. Delete a letter or two to see more.',
  'guided.notValid': 'That cannot be chosen here.',
  'guided.atLeast': '{limit, plural, one {Choose at least one.} other {Choose at least #.}}',
  'guided.atLeastOne.areas': 'Choose at least one area.',
  'guided.atLeastOne.municipalities': 'Choose at least one municipality.',
  'guided.atLeastOne.patient_groups': 'Choose at least one patient group.',
  'guided.atLeastOne.organisations': 'Choose at least one organisation.',
  'guided.atLeastOne.eligible_kinds': 'Choose at least one kind of funding.',
}, {
  'guided.noMatches': 'Intet passer til det, du har skrevet. Slet et par bogstaver for at se flere.',
  'guided.notValid': 'Det kan ikke vælges her.',
  'guided.atLeast': '{limit, plural, one {Vælg mindst én.} other {Vælg mindst #.}}',
  'guided.atLeastOne.areas': 'Vælg mindst ét område.',
  'guided.atLeastOne.municipalities': 'Vælg mindst én kommune.',
  'guided.atLeastOne.patient_groups': 'Vælg mindst én patientgruppe.',
  'guided.atLeastOne.organisations': 'Vælg mindst én organisation.',
  'guided.atLeastOne.eligible_kinds': 'Vælg mindst én form for støtte.',
});
