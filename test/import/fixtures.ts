// Builders for the files the import tests feed in: bytes as Danish Excel writes them.

/** Windows-1252 bytes of a string (what Danish Excel writes for "CSV (semikolonsepareret)"). */
export function cp1252(text: string): Uint8Array {
  const table: Record<string, number> = { '€': 0x80, '–': 0x96, '—': 0x97, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94 };
  return Uint8Array.from([...text].map((ch) => {
    if (table[ch] !== undefined) return table[ch];
    const c = ch.charCodeAt(0);
    if (c > 0xff) throw new Error(`not in Windows-1252: ${ch}`);
    return c;
  }));
}
