// A file's identity as the folder snapshot compares it (size, modification and change times in
// nanoseconds, inode), kept in tables of 64-bit integers: four per file, no object per file, so a
// table can be filled by a worker thread in shared memory and compared where it lies.

/** A file's identity: what a stat says, compared exactly. */
export interface Identity {
  size: bigint;
  mtimeNs: bigint;
  ctimeNs: bigint;
  ino: bigint;
}

/** Values per file in a table of identities. */
export const IDENTITY_WORDS = 4;

/** Writes an identity into a table at file `index` (values beyond 64 bits wrap, alike on both sides of a comparison). */
export function putIdentity(table: BigInt64Array, index: number, st: Identity): void {
  const at = index * IDENTITY_WORDS;
  table[at] = BigInt.asIntN(64, st.size);
  table[at + 1] = BigInt.asIntN(64, st.mtimeNs);
  table[at + 2] = BigInt.asIntN(64, st.ctimeNs);
  table[at + 3] = BigInt.asIntN(64, st.ino);
}
