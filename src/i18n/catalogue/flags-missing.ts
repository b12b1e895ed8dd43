// Messages of a record made from flags that lacks fields: every field it lacks said at once, each
// by its flag, and where it reaches said by the flags and values a person types.
import { defineMessages } from '../define.js';

export const flagsMissing = defineMessages({
  'register.reachFlag': 'Say where it reaches: --municipalities with the municipalities, or --scope regional or --scope national.',
  'register.flagsMissing': 'The record still lacks {count, plural, one {# field} other {# fields}}; give {count, plural, one {it} other {them}} with:\n{lines}',
  'register.flagsMissingLine': '    {flag}  ({field})',
  'register.flagsMissingReach': '    --municipalities … or --scope regional/national  (reach)',
}, {
  'register.reachFlag': 'Angiv, hvor posten når ud: --municipalities med kommunerne, eller --scope regional eller --scope landsdækkende.',
  'register.flagsMissing': 'Posten mangler stadig {count, plural, one {# felt} other {# felter}}; angiv {count, plural, one {det} other {dem}} med:\n{lines}',
  'register.flagsMissingLine': '    {flag}  ({field})',
  'register.flagsMissingReach': '    --municipalities … eller --scope regional/landsdækkende  (rækkevidde)',
});
