// One check for every path civsam is given (the folder it runs in, --data, --out, --output, a file to
// read, init's and clone's folder): a module of its own, so a command that only makes a folder loads no more.
import { UserError } from './errors.js';

/**
 * Refuses a path with a name that is not UTF-8: it reaches Node (the working folder, an argument)
 * with U+FFFD in place of its bytes, so no such path exists; read, it is "not there", and written,
 * it is another folder or file of that lossy name. Every path civsam is given goes through here.
 */
export function refuseUnreadablePath(path: string): void {
  if (path.includes('\uFFFD')) throw new UserError('error.pathUnreadable', { dir: path });
}
