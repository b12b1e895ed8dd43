// The folder a command writes many files into (the site, the letters), named by --output as every
// other command names it, or by --out as these commands always have.
import { resolve } from 'node:path';
import { UserError } from '../domain/errors.js';
import type { MessageKey } from '../i18n/index.js';

/**
 * The folder given, as typed. Both options may be given when they name the same folder once
 * resolved (`../site` and `../site/`, or its absolute path); naming two folders is refused with `twice`.
 */
export function outputFolder(cwd: string, opts: { output?: string; out?: string }, twice: MessageKey): string | undefined {
  if (opts.output !== undefined && opts.out !== undefined && resolve(cwd, opts.output) !== resolve(cwd, opts.out)) throw new UserError(twice);
  return opts.output ?? opts.out;
}
