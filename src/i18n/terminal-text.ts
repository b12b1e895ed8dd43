// Text from a record, a sheet, a file name or the command line, made safe to print on a terminal.
// A control character would otherwise reach the terminal as a command (ESC ] 0 ; … BEL retitles the
// window, ESC [ 2 J clears it), and a bidirectional override would show text in another order than
// it is stored in. Every message's parameters (through the catalogue's formatter) and every table
// cell go through here: this is the only sanitiser, so no caller can forget one.

/**
 * C0 controls except the line break, DEL, C1 controls, and the bidirectional embeddings, overrides
 * and isolates (U+202A–U+202E, U+2066–U+2069).
 */
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const UNSAFE_ALL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const BREAKS = /\r\n|[\r\n]/g;

export interface TerminalSafeOptions {
  /**
   * `keep` (table cells, where a line break is part of the layout) or `space` (a value inside a
   * one-line message, where a line break could make a forged line look like civsam's own).
   */
  lineBreaks?: 'keep' | 'space';
}

/**
 * Text safe to print on a terminal: tabs become spaces, line breaks stay (or become spaces), every
 * other control character and bidirectional control shows as U+FFFD, so an escape sequence loses
 * its ESC and prints as harmless text.
 */
export function terminalSafe(text: string, opts: TerminalSafeOptions = {}): string {
  let s = text;
  if (opts.lineBreaks === 'space' && (s.includes('\n') || s.includes('\r'))) s = s.replace(BREAKS, ' ');
  return UNSAFE.test(s) ? s.replace(/\t/g, ' ').replace(UNSAFE_ALL, '\uFFFD') : s;
}
