// A value as it is typed in a command civsam prints for people to paste: a word the POSIX shell
// takes as it is stays bare; anything else is put in single quotes (a quote inside as '\''), so
// no `"`, `$(…)` or backtick in a criterion's text or an address runs when the line is pasted.
const BARE = /^[A-Za-z0-9@%+=:,./_~-]+$/;

export function shellWord(s: string): string {
  return BARE.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
