// The whole message catalogue: every part's messages in English and Danish. The build writes it as one
// JSON file per language, which the built program reads instead of these modules (scripts/build.js).
import { cli } from './cli.js';
import { problems } from './problems.js';
import { importExport } from './import-export.js';
import { audit } from './audit.js';
import { hearing } from './hearing.js';
import { overview } from './overview.js';
import { publish } from './publish.js';
import { register } from './register.js';
import { writeBatch } from './write-batch.js';
import { values } from './values.js';
import { fileSystem } from './file-system.js';
import { team } from './team.js';
import { consultationCourse } from './consultation-course.js';
import { validPart } from './valid-part.js';
import { names } from './names.js';
import { guided } from './guided.js';
import { vocabulary } from './vocabulary.js';
import { openSite } from './open-site.js';
import { fieldLabels } from './field-labels.js';
import { commit } from './commit.js';
import { plan } from './plan.js';
import { offersView } from './offers-view.js';
import { initSteps } from './init-steps.js';
import { applications } from './applications.js';
import { siteParts } from './site-parts.js';
import { openData } from './open-data.js';
import { stoppedOutput } from './stopped-output.js';
import { offerStatus } from './offer-status.js';
import { plainWords } from './plain-words.js';
import { readingWords } from './reading-words.js';
import { criteriaLabels } from './criteria-labels.js';
import { placeholders } from './placeholders.js';
import { wording } from './wording.js';
import { auditRuleChoice } from './audit-rule-choice.js';
import { cvr } from './cvr.js';
import { guidedChoices } from './guided-choices.js';
import { flagsMissing } from './flags-missing.js';
import { sheetKinds } from './sheet-kinds.js';
import { restore } from './restore.js';
import { narrowTables } from './narrow-tables.js';

/** The catalogue's parts, in the order they are merged (a test checks no key is in two of them: the later would win silently). */
export const catalogueParts = [cli, problems, importExport, hearing, audit, overview, publish, register, writeBatch, values, fileSystem, team, consultationCourse, validPart, names, guided, vocabulary, openSite, fieldLabels, commit, plan, offersView, initSteps, applications, siteParts, openData, stoppedOutput, offerStatus, plainWords, readingWords, criteriaLabels, placeholders, wording, auditRuleChoice, cvr, guidedChoices, flagsMissing, sheetKinds, restore, narrowTables] as const;

type Merge<T extends readonly { en: Record<string, string> }[]> = T extends readonly [infer H extends { en: Record<string, string> }, ...infer R extends readonly { en: Record<string, string> }[]] ? H['en'] & Merge<R> : unknown;
type All = Merge<typeof catalogueParts>;
export type MessageKey = Extract<keyof All, string>;

export const catalogue: { en: Record<MessageKey, string>; da: Record<MessageKey, string> } = {
  en: Object.assign({}, ...catalogueParts.map((p) => p.en)),
  da: Object.assign({}, ...catalogueParts.map((p) => p.da)),
};
