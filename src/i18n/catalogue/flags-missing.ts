// Messages of a record made from flags that lacks fields: every field it lacks said at once, each
// by its flag, and where it reaches said by the flags and values a person types. Likewise the
// options typed with a control character: named together, in one sentence.
import { defineMessages } from '../define.js';

export const flagsMissing = defineMessages({
  'register.reachFlag': 'Say where it reaches: --municipalities with the municipalities, or --scope regional or --scope national.',
  'register.flagsMissing': 'The record still lacks {count, plural, one {# field} other {# fields}}; give {count, plural, one {it} other {them}} with:\n{lines}',
  'register.flagsMissingLine': '    {flag}  ({field})',
  'register.flagsMissingReach': '    --municipalities … or --scope regional/national  (reach)',
  'register.flagsControl': '{flags} each contain a control character (such as an escape code), which would reach terminals and spreadsheets as a command. Remove them; line breaks and tabs are fine.',
  'register.flagsDirection': '{flags} each contain an invisible character that turns the direction of the text, so that it can show on pages and in spreadsheets as something else than what is written. Remove them (retype the text, or delete the invisible character where the text turns).',
  'register.flagsInvisible': '{flags} each contain an invisible character (such as a zero-width space, which often comes along when text is copied from a web page). They cannot be seen, but go with the text into spreadsheets and onto the pages. Remove them: type the text again rather than copying it.',
}, {
  'register.reachFlag': 'Angiv, hvor posten når ud: --municipalities med kommunerne, eller --scope regional eller --scope landsdækkende.',
  'register.flagsMissing': 'Posten mangler stadig {count, plural, one {# felt} other {# felter}}; angiv {count, plural, one {det} other {dem}} med:\n{lines}',
  'register.flagsMissingLine': '    {flag}  ({field})',
  'register.flagsMissingReach': '    --municipalities … eller --scope regional/landsdækkende  (rækkevidde)',
  'register.flagsControl': '{flags} indeholder hver et kontroltegn (fx en escape-kode), som ville nå terminaler og regneark som en kommando. Fjern dem; linjeskift og tabulatorer er i orden.',
  'register.flagsDirection': '{flags} indeholder hver et usynligt tegn, der vender tekstens retning, så den på sider og i regneark kan se ud som noget andet end det, der står. Fjern dem (skriv teksten igen, eller slet det usynlige tegn dér, hvor teksten vender).',
  'register.flagsInvisible': '{flags} indeholder hver et usynligt tegn (fx et mellemrum uden bredde, som tit kommer med, når tekst kopieres fra en hjemmeside). De ses ikke, men følger med teksten ud i regneark og på siderne. Fjern dem: skriv teksten igen i stedet for at kopiere den.',
});
