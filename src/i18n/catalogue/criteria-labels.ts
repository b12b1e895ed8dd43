// The names of a criterion's own fields, as `show` writes them for people (a call's or pool's
// criteria: their weight and the kinds of funding they are for).
import { defineMessages } from '../define.js';

export const criteriaLabels = defineMessages({
  'label.weight': 'weight',
  'label.kinds': 'only for',
}, {
  'label.weight': 'vægt',
  'label.kinds': 'kun til',
});
