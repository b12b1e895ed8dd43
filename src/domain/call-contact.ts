// Whom an applicant to a call contacts: the call's own functional contact, else its pool's, else the
// region's (civsam.yaml `region.contact`). The site shows it on the call's page and the letters
// give it, so both name the same unit. Pure: data in, data out.
import type { DataFolder } from './folder.js';
import type { Call, PublicContact } from './kinds.js';

/** The contact for a call: its own, else its pool's, else the region's. */
export function callContactOf(folder: DataFolder, call: Pick<Call, 'contact' | 'pool'>): PublicContact | undefined {
  const pool = call.pool ? folder.records.pool.get(call.pool) : undefined;
  return call.contact ?? pool?.contact ?? folder.settings?.region.contact;
}
