// The sample data as `call letters` can answer it: the sample leaves one refusal without a reason
// (the audit's `decision-without-reason` finds it, and letters are refused for it); this copy gives it
// one, naming the call's criterion it rests on, as the rule asks.
import { appendFileSync, cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './cli.js';
import { makeFolder } from './folder.js';

export const UNREASONED = 'applications/2025-civilsamfundspuljen-sorggruppen-favrskov.yaml';

export function sampleWithReasons(): string {
  const dir = makeFolder({});
  cpSync(join(ROOT, 'data'), dir, { recursive: true });
  const file = join(dir, UNREASONED);
  if (!/^decision:\r?\n {2}outcome: refused\r?$/m.test(readFileSync(file, 'utf8'))) throw new Error('the sample changed: see test/helpers/sample-letters.ts');
  // `decision` is the file's last mapping: its fields are indented by two.
  appendFileSync(file, '  reason: Andre ansøgninger nåede flere i kommunen.\n  criteria: [reach]\n');
  return dir;
}
