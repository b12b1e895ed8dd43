// Reading what the user gave the hearing commands: a consultation id, seats, areas and patient
// groups (dates are read by core/dates.ts, as in every command). Wrong input is a UserError
// (exit 2) that never echoes a record's field values.
import type { DataFolder } from '../domain/folder.js';
import { AREAS, type Area, type Consultation } from '../domain/kinds.js';
import { UserError } from '../domain/errors.js';

export function findConsultation(folder: DataFolder, id: string): Consultation {
  const c = folder.records.consultation.get(id);
  if (!c) throw new UserError('hearing.error.unknownConsultation', { id });
  return c;
}

export function parseSeats(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UserError('hearing.error.badSeats');
  return Number(value);
}

export function parseAreas(values: readonly string[]): Area[] {
  for (const v of values) if (!(AREAS as readonly string[]).includes(v)) throw new UserError('hearing.error.unknownArea', { areas: { or: AREAS } });
  return [...new Set(values)] as Area[];
}

export function parsePatientGroups(folder: DataFolder, values: readonly string[]): string[] {
  const known = new Set(folder.vocabularies.patientGroups.map((g) => g.id));
  for (const v of values) if (!known.has(v)) throw new UserError('hearing.error.unknownPatientGroup');
  return [...new Set(values)];
}
