// The loaded data folder as every command sees it: typed records that passed their schemas,
// the vocabularies, the settings with the policy's defaults filled in, and the model.
import type { CivsamSettings, CollaborationModel, Municipality, OfferType, PatientGroup, Policy, RecordKind, RecordTypes } from './kinds.js';

export interface DataFolder {
  dir: string;
  settings: CivsamSettings | undefined;
  /** The audit policy: civsam.yaml's values over the defaults (not written back). */
  policy: Policy;
  model: CollaborationModel | undefined;
  vocabularies: { patientGroups: PatientGroup[]; municipalities: Municipality[]; offerTypes: OfferType[] };
  records: { [K in RecordKind]: Map<string, RecordTypes[K]> };
  /** The file a record was read from, relative to the data folder. */
  fileOf(kind: RecordKind, id: string): string | undefined;
}
