// How many errors and warnings, said as a summary says them: a severity with none is left out
// ("1 advarsel", "2 fejl"), since "0 fejl og 1 advarsel" reads as if something were wrong.
import type { Message } from './index.js';

export function severityCounts(errors: number, warnings: number): Message {
  if (errors > 0 && warnings === 0) return { key: 'count.errors', params: { errors } };
  if (errors === 0 && warnings > 0) return { key: 'count.warnings', params: { warnings } };
  return { key: 'count.errorsAndWarnings', params: { errors, warnings } };
}
