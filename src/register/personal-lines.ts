// Where a record file's text holds personal data (domain/personal.ts: a contact person's fields, an
// assessor's name), line by line, so a preview of the file (`--dry-run`) can leave those values
// out unless --include-personal-data asks for them, as `history` does.
import type { RecordKind } from '../domain/kinds.js';
import { isPersonalField, namesAssessors, ASSESSOR } from '../domain/personal.js';
import { parseStrict } from '../store/yaml-read.js';
import { isMap, isNode, isScalar, isSeq } from 'yaml';

/** For each line (1-based) that holds personal data, the column (1-based) its value begins at; 1 for a line of a value begun above. */
export type PersonalLines = Map<number, number>;

export function personalLines(kind: RecordKind, text: string): PersonalLines {
  const lines: PersonalLines = new Map();
  if (text === '') return lines;
  const parsed = parseStrict(text);
  const { doc, lineCounter } = parsed;
  if (!doc || !lineCounter) return lines;
  const mark = (node: unknown) => {
    if (!isNode(node) || !node.range) return;
    const from = lineCounter.linePos(node.range[0]);
    // The end of a block value is the start of the line after it.
    const to = lineCounter.linePos(Math.max(node.range[0], node.range[1] - 1));
    lines.set(from.line, Math.min(lines.get(from.line) ?? Infinity, from.col));
    for (let l = from.line + 1; l <= to.line; l++) lines.set(l, 1);
  };
  if (!isMap(doc.contents)) return lines;
  for (const pair of doc.contents.items) {
    if (!isScalar(pair.key)) continue;
    const top = String(pair.key.value);
    if (namesAssessors(kind, top) && isSeq(pair.value)) {
      for (const item of pair.value.items) {
        if (!isMap(item)) continue;
        for (const p of item.items) if (isScalar(p.key) && p.key.value === ASSESSOR) mark(p.value);
      }
    } else if (isMap(pair.value)) {
      for (const p of pair.value.items) if (isScalar(p.key) && isPersonalField(kind, `${top}.${String(p.key.value)}`)) mark(p.value);
    } else if (isPersonalField(kind, top)) mark(pair.value);
  }
  return lines;
}
