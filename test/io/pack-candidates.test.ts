// The worker's file list crosses packed (src/store/parallel-read.ts): unpacked, it is the list
// that was packed, whatever its files are (records, links, pipes, errors, files of no kind).
import { describe, expect, it } from 'vitest';
import { packCandidates, unpackCandidates } from '../../src/store/parallel-read.js';
import type { Candidate } from '../../src/store/load-folder.js';

describe('packing the files a worker reads', () => {
  it('gives back every file as it was, the plain records packed and the rest as they are', () => {
    const error = Object.assign(new Error('EACCES'), { code: 'EACCES' });
    const list: Candidate[] = [
      { rel: 'civsam.yaml', what: { role: 'settings' }, kind: 'file' },
      { rel: 'vocabularies/municipalities.yaml', what: { role: 'vocabulary', name: 'municipalities' }, kind: 'file' },
      { rel: 'agreements/2026-psyk-001.yaml', what: { role: 'record', kind: 'agreement', id: '2026-psyk-001' }, kind: 'file' },
      { rel: 'organisations/lys-i-moerket.yaml', what: { role: 'record', kind: 'organisation', id: 'lys-i-moerket' }, kind: 'link' },
      { rel: 'organisations/pipe.yaml', what: { role: 'record', kind: 'organisation', id: 'pipe' }, kind: 'fifo' },
      { rel: 'organisations/locked.yaml', what: { role: 'record', kind: 'organisation', id: 'locked' }, kind: 'file', error },
      { rel: 'organisations/unseen.yaml', what: { role: 'record', kind: 'organisation', id: 'unseen' } },
      { rel: 'offers/\uFFFD-bytes.yaml', what: { role: 'record', kind: 'offer', id: 'other-name' }, kind: 'file' },
      { rel: 'hearing-parties/æble-ø.yaml', what: { role: 'record', kind: 'hearing-party', id: 'æble-ø' }, kind: 'file' },
      { rel: 'applications/2026-a.yaml', what: { role: 'record', kind: 'application', id: '2026-a' }, kind: 'file' },
    ];
    const packed = packCandidates(list);
    // Plain records (a kind's folder, ID.yaml, an entry seen, no error) go as ids: five here.
    expect(packed.others.map(([i]) => i)).toEqual([0, 1, 5, 6, 7]);
    expect(packed.ids.split('\u0000')).toEqual(['2026-psyk-001', 'lys-i-moerket', 'pipe', 'æble-ø', '2026-a', '']);
    expect(unpackCandidates(packed)).toEqual(list);
    // As it crosses to the worker (a copy, as structured cloning makes): the files without errors as they were.
    expect(unpackCandidates(structuredClone(packed)).filter((c) => !c.error)).toEqual(list.filter((c) => !c.error));
    expect(unpackCandidates(packCandidates([]))).toEqual([]);
  });
});
