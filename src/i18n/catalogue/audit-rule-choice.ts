// Messages of choosing audit rules by a word (civsam audit --rule, --explain): an empty choice, a
// start of an id or a title shared by several rules, one too short to pick one, and a word that names none.
import { defineMessages } from '../define.js';

export const auditRuleChoice = defineMessages({
  'auditRule.empty': '{option} was given without a rule. Write a rule\'s id, such as evaluation-overdue, or its title.',
  'auditRule.several': '{count, plural, one {# audit rule starts} other {# audit rules start}} with {given}; write more of the id:\n{rules}',
  'auditRule.severalTitles': '{count, plural, one {# audit rule has an id or a title} other {# audit rules have an id or a title}} that starts with what you gave after {option}; write more of the title, or the id:\n{rules}',
  'auditRule.tooShort': '{given} is too short to pick an audit rule: write at least {min} letters of its id ({count, plural, one {# rule starts} other {# rules start}} with {given}).',
  'auditRule.unknown': 'there is no audit rule {rule}. The rules are:\n{rules}',
  'auditRule.unknownName': 'no audit rule has the id or title given after {option}. The rules are:\n{rules}',
  'auditRule.unknownNameAt': 'no audit rule has the id or title given after {option} number {position}. The rules are:\n{rules}',
  'auditRule.unknownNear': 'there is no audit rule {rule}. {hint} The rules are:\n{rules}',
  'auditRule.unknownNameNear': 'no audit rule has the id or title given after {option}. {hint} The rules are:\n{rules}',
  'auditRule.unknownNameAtNear': 'no audit rule has the id or title given after {option} number {position}. {hint} The rules are:\n{rules}',
  'auditRule.tooLong': 'what you gave after {option} is too long to be an audit rule\'s id or title: a title has at most {max} characters. Write the rule\'s id, such as evaluation-overdue, or its title.',
  'auditRule.line': '  {id} – {title}',
}, {
  'auditRule.empty': '{option} er angivet uden en regel. Skriv reglens id, for eksempel evaluation-overdue, eller dens titel.',
  'auditRule.several': '{count, plural, one {# kontrolregel begynder} other {# kontrolregler begynder}} med {given}; skriv mere af id\'et:\n{rules}',
  'auditRule.severalTitles': '{count, plural, one {# kontrolregel har et id eller en titel} other {# kontrolregler har et id eller en titel}}, der begynder med det, der står efter {option}; skriv mere af titlen eller id\'et:\n{rules}',
  'auditRule.tooShort': '{given} er for kort til at vælge en kontrolregel: skriv mindst {min} tegn af reglens id ({count, plural, one {# regel begynder} other {# regler begynder}} med {given}).',
  'auditRule.unknown': 'der er ingen kontrolregel ved navn {rule}. Reglerne er:\n{rules}',
  'auditRule.unknownName': 'ingen kontrolregel har det id eller den titel, der står efter {option}. Reglerne er:\n{rules}',
  'auditRule.unknownNameAt': 'ingen kontrolregel har det id eller den titel, der står efter {option} nummer {position}. Reglerne er:\n{rules}',
  'auditRule.unknownNear': 'der er ingen kontrolregel ved navn {rule}. {hint} Reglerne er:\n{rules}',
  'auditRule.unknownNameNear': 'ingen kontrolregel har det id eller den titel, der står efter {option}. {hint} Reglerne er:\n{rules}',
  'auditRule.unknownNameAtNear': 'ingen kontrolregel har det id eller den titel, der står efter {option} nummer {position}. {hint} Reglerne er:\n{rules}',
  'auditRule.tooLong': 'det, der står efter {option}, er for langt til at være en kontrolregels id eller titel: en titel har højst {max} tegn. Skriv reglens id, for eksempel evaluation-overdue, eller dens titel.',
  'auditRule.line': '  {id} – {title}',
});
