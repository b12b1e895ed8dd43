// `civsam find TEXT` as data: every record of every kind and every vocabulary entry whose id or
// name (a title, a hearing party's organisation's name) the text matches, best first, ranked by
// the same rules that suggest a name on the command line (domain/names.ts).
import type { DataFolder } from '../domain/folder.js';
import { RECORD_KINDS, VOCABULARIES, type Target } from '../domain/kinds.js';
import { targetNames, type Rank } from '../domain/names.js';
import type { Language } from '../i18n/index.js';

/** What `find` searches: the record kinds, then the vocabularies. */
export const FIND_KINDS: readonly Target[] = [...RECORD_KINDS, ...VOCABULARIES];

/** How a hit matched, best first. */
export const MATCHES = ['exact', 'prefix', 'word', 'substring', 'close'] as const;
export type Match = (typeof MATCHES)[number];

export interface FindHit {
  kind: Target;
  id: string;
  /** The name in the language asked for (a vocabulary entry's name in that language). */
  name: string;
  match: Match;
}

/** The hits for a text among the given kinds, best match first, then in the kinds' order, then by id. */
export function findInFolder(folder: DataFolder, text: string, kinds: readonly Target[], lang: Language): FindHit[] {
  const hits: Array<FindHit & { rank: Rank; order: number }> = [];
  kinds.forEach((kind, order) => {
    for (const { entry, rank } of targetNames(folder, kind).ranked(text)) {
      hits.push({ kind, id: entry.id, name: entry.display[lang], match: MATCHES[rank.tier], rank, order });
    }
  });
  hits.sort((a, b) => a.rank.tier - b.rank.tier || a.rank.distance - b.rank.distance || a.order - b.order || a.id.localeCompare(b.id));
  return hits.map(({ kind, id, name, match }) => ({ kind, id, name, match }));
}
