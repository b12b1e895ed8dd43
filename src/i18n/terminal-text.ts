// Text from a record, a sheet, a file name or the command line, made safe to print on a terminal.
// A control character would otherwise reach the terminal as a command (ESC ] 0 ; … BEL retitles the
// window, ESC [ 2 J clears it), and a bidirectional override would show text in another order than
// it is stored in. Every message's parameters (through the catalogue's formatter) and every table
// cell go through here: this is the only sanitiser, so no caller can forget one.

/**
 * C0 controls except the line break, DEL, C1 controls, and the bidirectional embeddings, overrides
 * and isolates (U+202A–U+202E, U+2066–U+2069).
 */
const UNSAFE_CHARS = '\\u0000-\\u0009\\u000b-\\u001f\\u007f-\\u009f\\u202a-\\u202e\\u2066-\\u2069';
/**
 * Combining marks, which NFD text (as macOS writes file names, and some programs paste) has after
 * its letters: a terminal draws `e` + U+0301 in one column, so text is shown composed (NFC), and a
 * table's borders line up with what its cells hold. What is stored is never changed.
 */
const COMBINING_CHARS = '\\u0300-\\u036f\\u1ab0-\\u1aff\\u1dc0-\\u1dff\\u20d0-\\u20ff\\ufe20-\\ufe2f';
const UNSAFE = new RegExp(`[${UNSAFE_CHARS}]`);
const UNSAFE_ALL = new RegExp(`[${UNSAFE_CHARS}]`, 'g');
const COMBINING = new RegExp(`[${COMBINING_CHARS}]`);
/** Either of the above, so text that has neither (nearly all) is looked at once. */
const LOOK_CLOSER = new RegExp(`[${UNSAFE_CHARS}${COMBINING_CHARS}]`);
const BREAKS = /\r\n|[\r\n]/g;

export interface TerminalSafeOptions {
  /**
   * `keep` (table cells, where a line break is part of the layout) or `space` (a value inside a
   * one-line message, where a line break could make a forged line look like civsam's own).
   */
  lineBreaks?: 'keep' | 'space';
}

const DIRECTION = /[\u202a-\u202e\u2066-\u2069]/;

/**
 * What in the text terminalSafe would show as U+FFFD, for a message that says it in words: a mark
 * that turns the direction of the text (`direction`), another control character (`control`), or
 * nothing (undefined).
 */
export function hiddenCharacters(text: string): 'direction' | 'control' | undefined {
  const unsafe = UNSAFE.test(text.replace(/\t/g, ' '));
  return !unsafe ? undefined : DIRECTION.test(text) ? 'direction' : 'control';
}

/** The text with what terminalSafe would show as U+FFFD left out (and a tab as a space): the characters as they are stored, in their order. */
export function withoutHiddenCharacters(text: string): string {
  return terminalSafe(text.replace(UNSAFE_ALL, (c) => (c === '\t' ? ' ' : '')));
}

/**
 * Text safe to print on a terminal: tabs become spaces, line breaks stay (or become spaces), every
 * other control character and bidirectional control shows as U+FFFD, so an escape sequence loses
 * its ESC and prints as harmless text; letters with combining marks are shown composed.
 */
export function terminalSafe(text: string, opts: TerminalSafeOptions = {}): string {
  let s = text;
  if (opts.lineBreaks === 'space' && (s.includes('\n') || s.includes('\r'))) s = s.replace(BREAKS, ' ');
  if (!LOOK_CLOSER.test(s)) return s;
  if (COMBINING.test(s)) s = s.normalize('NFC');
  return UNSAFE.test(s) ? s.replace(/\t/g, ' ').replace(UNSAFE_ALL, '\uFFFD') : s;
}
