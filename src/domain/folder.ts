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
  /**
   * The same folder with, of each kind, only the records that may refer to one of these ids (every
   * record that holds one of them as a value, and maybe others), in the same order: what one
   * record's `show` needs, without reading every record. Only for a folder without errors (a
   * duplicate id could then pick another record of that id); absent where it would not pay.
   */
  mentioning?(ids: readonly string[]): DataFolder;
}
