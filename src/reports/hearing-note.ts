// The høringsnotat of a consultation as data: the parties heard in Danish alphabetical order with
// whether and when an answer came, each point their answers raised with what the region did with
// it and why, and the eligible parties that were not invited with the reason. The shape the
// state's guidance (Lovkvalitetsvejledningen 9.1.6) gives a høringsnotat. Built on the hearing
// report's own data (reports/hearing.ts), so the two never disagree; rendered by output/hearing-note.ts
// for `consultation report --format md|html` and by the site for a closed consultation.
import type { DataFolder } from '../domain/folder.js';
import type { Consultation } from '../domain/kinds.js';
import type { Language } from '../i18n/index.js';
import { closedEarly, consultationReport, openedDespite, openedLate, type Disposition, type HeardParty, type ResponsePoint } from './hearing.js';

export type { Disposition };

/** A point a party's answer raised: what it said, what the region did with it and why (the hearing report's point, without its party). */
export type NotePoint = Pick<ResponsePoint, 'summary' | 'disposition' | 'reason'>;

/** A party heard (the hearing report's, a late response still counted and marked late), with the points its answer raised. */
export interface NoteParty extends HeardParty {
  points: NotePoint[];
}

export interface HearingNote {
  consultation: { id: string; title: string; opens: string; deadline: string; days: number; status: Consultation['status']; selection: Consultation['selection']; seats: number | null };
  asOf: string;
  /** Sent out after its planned day: the day it was planned to open. */
  openedLate?: string;
  /** Sent out despite error-level findings of its hearing list: their rules' ids, and why. */
  openedDespite?: { rules: string[]; reason: string | null };
  /** Closed before its deadline (by `asOf`): the day, when recorded, and why. */
  closedEarly?: { date: string | null; reason: string | null };
  parties: NoteParty[];
  responded: number;
  /** Responses that came after the deadline. */
  late: number;
  /** Points without a disposition (the audit's hearing-points-undecided). */
  undecided: number;
  notInvited: { party: string; organisation: string; name: string; reason: string | null }[];
}

export function buildHearingNote(folder: DataFolder, c: Consultation, asOf: string, lang: Language): HearingNote {
  const json = consultationReport(folder, c, asOf, lang).json as {
    consultation: HearingNote['consultation'];
    invited: HeardParty[];
    response_rate: { responded: number };
    points: ResponsePoint[];
    not_invited: HearingNote['notInvited'];
  };
  const parties = json.invited.map((p) => ({
    ...p,
    points: json.points.filter((x) => x.party === p.party).map(({ summary, disposition, reason }) => ({ summary, disposition, reason })),
  }));
  const early = closedEarly(c, asOf);
  const late = openedLate(c);
  const despite = openedDespite(c);
  return {
    consultation: json.consultation,
    asOf,
    ...(late ? { openedLate: late } : {}),
    ...(despite ? { openedDespite: despite } : {}),
    ...(early ? { closedEarly: early } : {}),
    parties,
    responded: json.response_rate.responded,
    late: parties.filter((p) => p.late).length,
    undecided: parties.reduce((s, p) => s + p.points.filter((x) => x.disposition === null).length, 0),
    notInvited: json.not_invited,
  };
}
