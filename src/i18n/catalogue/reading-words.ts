// Words for what reading a file can do to a value without the user seeing it: a comment that ends
// a value early, a field written twice (named, with both lines).
import { defineMessages } from '../define.js';

export const readingWords = defineMessages({
  'problem.commentAfterValue': 'The text from this # on is not part of the value: in YAML a space followed by # begins a comment, so the value ends before it. If the text belongs to the value, put the whole value in quotes ("…"); if it is a note, it can stay.',
}, {
  'problem.commentAfterValue': 'Teksten fra dette # og frem er ikke en del af værdien: i YAML indleder et mellemrum efterfulgt af # en kommentar, så værdien slutter før den. Hører teksten til værdien, så sæt hele værdien i anførselstegn ("…"); er den en note, kan den blive stående.',
});
