// What a command gets from its command line, checked and normalised in one place before any
// command's code runs (cli/main.ts calls this for every command), so a new command cannot forget it.
//
// A value is a record id when its placeholder in the command's syntax says so: `<id>`, `[id]`,
// `<ids>`, or a name ending in `-id` or `-ids` (`<organisation-id>`, `<party-ids...>`). `ids`
// may hold several separated by commas. Such a value must be a well-formed id, or the command is
// refused (exit 2) before any file is read or written. Every other text value is put in NFC, except
// file and folder paths and sheet names, which must stay as the file system and the workbook spell them.
import { nfc } from '../domain/text.js';
import { requireId } from '../domain/ids.js';
import type { CommandSpec } from './commands.js';

type Placeholder = { name: string; variadic: boolean };

/** The placeholders in a syntax text: `<id> <party-ids...>` → id, party-ids (variadic). */
export function placeholders(syntax: string | undefined): Placeholder[] {
  return [...(syntax ?? '').matchAll(/[<[]([^>\]]+?)(\.\.\.)?[>\]]/g)].map((m) => ({ name: m[1], variadic: m[2] !== undefined }));
}

function isIdName(name: string): 'one' | 'many' | undefined {
  if (name === 'id' || name.endsWith('-id')) return 'one';
  if (name === 'ids' || name.endsWith('-ids')) return 'many';
  return undefined;
}

const VERBATIM = new Set(['file', 'dir', 'name']);

/** commander's attribute name of an option (`--patient-group` → `patientGroup`, `--no-commit` → `commit`). */
function attributeName(flag: string): string {
  return flag.replace(/^--(no-)?/, '').replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

function checkIds(value: unknown, ids: 'one' | 'many', what: string): void {
  for (const v of Array.isArray(value) ? value : [value]) {
    if (typeof v !== 'string') continue;
    // Several ids may be given separated by commas (as the command splits them); an empty item
    // between commas is skipped as the command skips it, but an empty value is no id at all.
    if (ids === 'one' || v.trim() === '') requireId(v, what);
    else for (const part of v.split(',')) if (part.trim() !== '') requireId(part.trim(), what);
  }
}

function normalise(value: unknown): unknown {
  if (typeof value === 'string') return nfc(value);
  if (Array.isArray(value)) return value.map(normalise);
  return value;
}

/**
 * The positional arguments and options as the command should see them: ids checked (a refusal
 * names the option or the argument, never the value), text in NFC.
 */
export function prepareArguments(spec: CommandSpec, positional: unknown[], opts: Record<string, unknown>): { positional: unknown[]; opts: Record<string, unknown> } {
  const args = placeholders(spec.args);
  // commander gives a variadic argument (the last) as one array.
  const outArgs = positional.map((value, i) => {
    const p = args[i];
    if (!p) return value;
    const ids = isIdName(p.name);
    if (ids) {
      checkIds(value, p.variadic ? 'many' : ids, `<${p.name}${p.variadic ? '...' : ''}>`);
      return value;
    }
    return VERBATIM.has(p.name) ? value : normalise(value);
  });
  const outOpts = { ...opts };
  for (const o of spec.options ?? []) {
    const flag = o.flags.split(/[\s,]+/).find((f) => f.startsWith('--'));
    if (!flag) continue;
    const key = attributeName(flag);
    if (outOpts[key] === undefined) continue;
    const p = placeholders(o.flags.slice(o.flags.indexOf(flag) + flag.length))[0];
    if (!p) continue;
    const ids = isIdName(p.name);
    if (ids) checkIds(outOpts[key], ids, flag);
    else if (!VERBATIM.has(p.name)) outOpts[key] = normalise(outOpts[key]);
  }
  return { positional: outArgs, opts: outOpts };
}
