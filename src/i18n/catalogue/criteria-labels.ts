// The names of a criterion's own fields, as `show` writes them for people (a call's or pool's
// criteria: their weight and the kinds of funding they are for), and an empty list inside an item
// (an assessor's declaration of no ties says "none", not nothing).
import { defineMessages } from '../define.js';

export const criteriaLabels = defineMessages({
  'label.weight': 'weight',
  'label.kinds': 'only for',
  'show.emptyList': 'none',
  // An empty list of patient groups on a record for which it means every group of its areas.
  'show.allGroupsOfAreas': 'all patient groups in its areas',
  // One of an assessor's ties: the organisation's name and the kind of tie.
  'show.tie': '{organisation} ({relation})',
}, {
  'label.weight': 'vægt',
  'label.kinds': 'kun til',
  'show.emptyList': 'ingen',
  'show.allGroupsOfAreas': 'alle patientgrupper inden for områderne',
  'show.tie': '{organisation} ({relation})',
});
