// Runs civsam's main() in the test's own process, as the binary would but without starting Node for
// each run: for tests that try many command lines. No colours, English unless --lang says otherwise.
import { main } from '../../src/cli/main.js';
import type { Run } from './cli.js';

export async function civsamInProcess(args: string[], env: Record<string, string> = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { NO_COLOR: '1', LANG: 'C.UTF-8', CIVSAM_LANG: 'en', CIVSAM_NO_CACHE: '1', ...env }, {
    stdout: { write: (s: string) => { stdout += s; }, isTTY: false, columns: 100 },
    stderr: { write: (s: string) => { stderr += s; }, isTTY: false, columns: 100 },
  }, '0.0.0-test');
  return { code, stdout, stderr };
}
