// What `civsam audit --explain RULE` advises comes with the command that does it, and every command
// it writes out is one civsam has, with options that command takes: each is read with civsam's own
// command table (the words of a command, then its options, each with its value where it takes one,
// and its arguments as placeholders in capitals or quoted texts), in both languages.
import { describe, expect, it } from 'vitest';
import { COMMANDS, type CommandSpec } from '../../src/cli/commands.js';
import { RULES } from '../../src/audit/registry.js';
import { translate, type Language } from '../../src/i18n/index.js';
import { enumNames } from '../../src/domain/names.js';

/** The options every command takes besides its own (the program's, and those main.ts adds). */
const GLOBAL = ['--data', '--lang', '--no-color', '--no-input', '--help', '-h'];

/** A placeholder the user fills in (ID, DATO, ÅÅÅÅ-MM-DD, PULJE:ÅR:ART:BELØB, N) or a quoted text. */
const PLACEHOLDER = /^(?:[A-ZÆØÅ][A-ZÆØÅ_:=-]*|"[^"]*"|'[^']*')$/;

/** The words of a command line as a shell splits them, a quoted text as one. */
function words(text: string): string[] {
  return text.match(/"[^"]*"|'[^']*'|\S+/g) ?? [];
}

function flagsOf(spec: CommandSpec): Map<string, { value: boolean; variadic: boolean; values?: readonly string[] }> {
  const out = new Map<string, { value: boolean; variadic: boolean; values?: readonly string[] }>();
  for (const o of spec.options ?? []) {
    const long = o.flags.split(/[\s,]+/).find((f) => f.startsWith('--'))!;
    out.set(long, { value: /[<[]/.test(o.flags), variadic: o.flags.includes('...'), values: o.names && 'values' in o.names ? o.names.values : undefined });
  }
  if ((spec.options ?? []).some((o) => o.flags.startsWith('--as-of '))) out.set('--from-history', { value: false, variadic: false });
  if ((spec.options ?? []).some((o) => o.flags === '--no-commit')) out.set('--sync', { value: false, variadic: false });
  return out;
}

interface Read {
  /** The command as written, to name it in a failure. */
  text: string;
  spec?: CommandSpec;
  problems: string[];
}

/**
 * One command from where `civsam` is written: its command words, then its options and arguments
 * up to the first word that is neither (prose again), or a word that ends in a stop or a bracket.
 */
function readCommand(after: string[], lang: Language): Read {
  const problems: string[] = [];
  const spec = COMMANDS.find((c) => (c.parent ? c.parent === after[0] && c.name === clean(after[1] ?? '') : c.name === clean(after[0] ?? '')));
  if (!spec) return { text: `civsam ${after.slice(0, 3).join(' ')}`, problems: ['no such command'] };
  let i = spec.parent ? 2 : 1;
  const used = after.slice(0, i);
  const ended = (w: string) => /[.,;:)]$/.test(w);
  const flags = flagsOf(spec);
  const positional = (spec.args ?? '').match(/[<[][^>\]]+[>\]]/g) ?? [];
  const variadicArgs = positional.some((p) => p.includes('...'));
  let args = 0;
  if (!ended(used[used.length - 1])) {
    while (i < after.length) {
      const raw = after[i];
      const w = clean(raw);
      if (w.startsWith('--')) {
        const flag = flags.get(w) ?? (GLOBAL.includes(w) ? { value: w === '--data' || w === '--lang', variadic: false } : undefined);
        used.push(raw);
        i++;
        if (!flag) {
          problems.push(`${w} is not an option of civsam ${spec.parent ?? ''} ${spec.name}`.replace('  ', ' '));
          // What follows it is taken as its value, not as an argument.
          if (!ended(raw) && after[i] !== undefined && PLACEHOLDER.test(clean(after[i]))) used.push(after[i++]);
        } else if (flag.value && !ended(raw)) {
          // Its value (several for a variadic option): a placeholder, a quoted text, or a fixed value it takes.
          do {
            const v = after[i];
            if (v === undefined || v.startsWith('--')) {
              problems.push(`${w} has no value`);
              break;
            }
            used.push(v);
            i++;
            const value = clean(v).replace(/^"(.*)"$/, '$1');
            if (!PLACEHOLDER.test(clean(v)) && flag.values) {
              const found = enumNames(flag.values).resolve(value);
              if (found.status !== 'found') problems.push(`${w} does not take ${value}`);
            }
            if (ended(v)) break;
          } while (flag.variadic && after[i] !== undefined && !after[i].startsWith('--') && PLACEHOLDER.test(clean(after[i])));
        }
        if (ended(used[used.length - 1])) break;
        continue;
      }
      if (!PLACEHOLDER.test(w)) break; // prose goes on
      used.push(raw);
      i++;
      args++;
      if (ended(raw)) break;
    }
  }
  if (args > positional.length && !variadicArgs) problems.push(`${args} arguments, where it takes ${positional.length}`);
  const required = positional.filter((p) => p.startsWith('<')).length;
  if (args < required) problems.push(`${args} arguments, where it needs ${required}`);
  void lang;
  return { text: `civsam ${used.join(' ')}`, spec, problems };
}

/** A word without the stop, comma or bracket of the sentence it ends. */
function clean(w: string): string {
  return w.replace(/[.,;:)]+$/, '');
}

/** Every command an explanation writes out (not `civsam.yaml`, a file). */
function commandsIn(text: string, lang: Language): Read[] {
  const all = words(text);
  const out: Read[] = [];
  all.forEach((w, i) => {
    if (w.replace(/^\(/, '') === 'civsam') out.push(readCommand(all.slice(i + 1), lang));
  });
  return out;
}

/** The commands an explanation names for reading about the audit, not for putting a finding right. */
const ABOUT_AUDIT = new Set(['audit', 'model', 'validate']);

describe('audit --explain', () => {
  for (const lang of ['da', 'en'] as const) {
    it(`every rule gives a command that does what it advises, and every command written out is civsam's with options it takes (${lang})`, () => {
      const without: string[] = [];
      const wrong: string[] = [];
      for (const rule of RULES) {
        const text = translate(lang, rule.explanation);
        const commands = commandsIn(text, lang);
        for (const c of commands) if (c.problems.length > 0) wrong.push(`${rule.id}: ${c.text}: ${c.problems.join('; ')}`);
        if (!commands.some((c) => c.spec && !ABOUT_AUDIT.has(c.spec.parent ?? c.spec.name))) without.push(rule.id);
        // An option named in the text outside a command (`--funding replaces them all`) is one of the commands'.
        const named = new Set(commands.flatMap((c) => (c.spec ? [...flagsOf(c.spec).keys()] : [])));
        for (const flag of text.match(/(?<![\w-])--[a-z][a-z-]*/g) ?? []) if (!named.has(flag)) wrong.push(`${rule.id}: ${flag} is an option of none of the commands it gives`);
      }
      expect(wrong).toEqual([]);
      expect(without).toEqual([]);
    });
  }

  it('reads a command as the command table has it, and finds one that is not', () => {
    expect(commandsIn('Ret det med civsam agreement edit ID --end DATO --established-by-call OPSLAG, eller sådan.', 'da').map((c) => c.problems)).toEqual([[]]);
    expect(commandsIn('Brug civsam agreement edit ID --ending DATO.', 'da')[0].problems).toEqual(['--ending is not an option of civsam agreement edit']);
    expect(commandsIn('Brug civsam agreement stop ID.', 'da')[0].problems).toEqual(['no such command']);
    expect(commandsIn('Brug civsam application decide ID --decision afslag --date DATO.', 'da')[0].problems).toEqual([]);
    expect(commandsIn('Brug civsam application decide ID --decision måske.', 'da')[0].problems).toEqual(['--decision does not take måske']);
    expect(commandsIn('Brug civsam consultation invite.', 'da')[0].problems).toEqual(['0 arguments, where it needs 2']);
    expect(commandsIn('civsam consultation plan foreslår en rotation', 'da')[0].problems).toEqual([]);
  });
});
