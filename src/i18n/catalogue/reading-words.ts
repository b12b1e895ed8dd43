// Words for what reading a file can do to a value without the user seeing it: a comment that ends
// a value early, a field written twice (named, with both lines).
import { defineMessages } from '../define.js';

export const readingWords = defineMessages({
  'problem.commentAfterValue': 'The text from this # on is not part of the value: in YAML a space followed by # begins a comment, so the value ends before it. If the text belongs to the value, put the whole value in quotes ("…"); if it is a note, it can stay.',
  'problem.yamlDuplicateKeyNamed': 'The field {key} is written twice at the same level (the record, or one item of a list in it): on line {line} and again on this line. Keep one of the two lines and delete the other.',
}, {
  'problem.commentAfterValue': 'Teksten fra dette # og frem er ikke en del af værdien: i YAML indleder et mellemrum efterfulgt af # en kommentar, så værdien slutter før den. Hører teksten til værdien, så sæt hele værdien i anførselstegn ("…"); er den en note, kan den blive stående.',
  'problem.yamlDuplicateKeyNamed': 'Feltet {key} står to gange på samme niveau (i posten eller i ét punkt af en liste i den): i linje {line} og igen i denne linje. Behold den ene af de to linjer, og slet den anden.',
});
