// Guided entry: on a terminal, `add` asks for each required field the flags left out, and `edit`
// without flags asks which fields to change. The answers become flag values, checked as they are
// given by the same parsing (register/build.ts) and the same whole-folder check (register/check.ts)
// as flags, so a wrong answer is asked again with the message the flag would get, the field named by
// its question's label (no flag was typed). The record is shown before anything is saved, and can be
// corrected there field by field; the command then runs exactly as if the flags had been typed.
// The prompt library is loaded only here, when civsam is about to ask.
import { join } from 'node:path';
import type { CommandContext } from '../context/context.js';
import { resolveDataFolder } from '../context/load.js';
import type { DataFolder } from '../domain/folder.js';
import { COMMAND_OF, HAS_REACH, type RecordKind } from '../domain/kinds.js';
import { UserError } from '../domain/errors.js';
import { getPath } from '../domain/plain-data.js';
import { FUNDING_KINDS, SCOPES } from '../domain/shapes.js';
import { asciiFold, looseKey, nameKey, nfc, spellingKey, writesDanishLetter } from '../domain/text.js';
import { uniqueId } from '../domain/ids.js';
import { translate, type Message, type MessageKey, type MessageParams } from '../i18n/index.js';
import { messageOr, valueLabel } from '../i18n/values.js';
import { applyFlags, newId, parseFlag, withDefaults } from '../register/build.js';
import { refuseHappenedAfterToday } from '../register/happened-dates.js';
import { errorsIntroduced, untoldRecords } from '../register/check.js';
import { refuseBesideUntold, refuseUnreadSettings } from '../register/apply-change.js';
import { refuseOpeningDayByEdit, refuseStatusByEdit } from '../register/course-status.js';
import { FIELDS, fieldByName, optionName, type FieldSpec } from '../register/fields.js';
import { readFolder, type Problem, type RawFolder } from '../store/load-folder.js';
import { noCache } from '../store/parse-cache.js';
import { recordRel } from '../store/paths.js';
import { newRecordText, readRecordFile, refuseThroughLink } from '../store/write-record.js';
import { checkFolder, type CheckedFolder } from '../validate/check-folder.js';
import { choicesFor, fieldLabel, isAmount, missingRequired, needsReach, offered, referenceTarget, replacedBy, reviewLines, shownValue, targetChoices, type Choice, type Rec } from './guided-questions.js';
import { problemLine } from '../output/problem-line.js';
import { typedValueWording } from '../register/flag-words.js';
import { withoutColour } from '../output/plain-terminal.js';
import { keysInTurn } from './guided-keys.js';
import { wrapForTerminal, wrapText } from '../output/table.js';
import { textWidth } from '../output/text-width.js';
import { amountOutsideRange, readWholeNumber, readYear, withoutCurrency } from '../domain/whole-numbers.js';

type Prompts = typeof import('@inquirer/prompts');
type Answer = string | string[];
/** Flag values by commander's option name (`activeFrom`), as the command line would give them; undefined for one taken back (a scope replaced by municipalities). */
type Answers = Record<string, Answer | undefined>;

/** A new record's id while it has no name yet (made unique among the kind's ids): only for locating problems, never written. */
const PLACEHOLDER_ID = 'ny-post';
/** Above this many choices a list of which one is chosen is searched by typing rather than scrolled. */
const SEARCH_FROM = 7;

interface Folder {
  dir: string;
  raw: RawFolder;
  checked: CheckedFolder;
  folder: DataFolder;
}

/** The folder as it is now, read without the lock: the write reads and checks it again under the lock. */
function readNow(ctx: CommandContext): Folder {
  const dir = resolveDataFolder(ctx);
  const raw = readFolder(dir, noCache);
  const checked = checkFolder(raw);
  // Refused before any question, as the write would refuse the answers.
  refuseUnreadSettings(ctx, checked.problems);
  return { dir, raw, checked, folder: checked.folder };
}

function nothingToChoose(kind: RecordKind, spec: FieldSpec): UserError {
  const target = spec.type === 'funding' ? 'pool' : referenceTarget(kind, spec);
  const of = target && target in COMMAND_OF ? (target as RecordKind) : kind;
  return new UserError('guided.nothingToChoose', { target: { key: `kind.${of}` }, aKind: { key: `kind.a.${of}` as MessageKey }, command: COMMAND_OF[of] });
}

/**
 * A required field that must name a record (an agreement's organisations, an offer's organisation,
 * a funding line's pool) when the folder has none to choose: refused before the first question,
 * not after the user has answered the ones before it.
 */
function refuseNothingToChoose(ctx: CommandContext, kind: RecordKind, f: Folder, missing: readonly FieldSpec[]): void {
  for (const spec of missing) {
    const choices = spec.type === 'funding' ? targetChoices('pool', f.folder, ctx.lang) : spec.choices ? undefined : choicesFor(kind, spec, f.folder, ctx.lang);
    if (choices && choices.length === 0) throw nothingToChoose(kind, spec);
  }
}

/** Whether Ctrl-C (or the end of input) stopped a question. */
function isStop(e: unknown): boolean {
  return e instanceof Error && (e.name === 'ExitPromptError' || e.name === 'AbortPromptError');
}

class Asker {
  private constructor(
    private readonly ctx: CommandContext,
    private readonly p: Prompts,
    private readonly kind: RecordKind,
    private readonly f: Folder,
    /** The record the answers so far make, for checking the next answer. */
    private readonly recordWith: (answers: Answers) => { id: string; rec: Rec },
  ) {}

  static async open(ctx: CommandContext, kind: RecordKind, f: Folder, recordWith: (answers: Answers) => { id: string; rec: Rec }): Promise<Asker> {
    return new Asker(ctx, await import('@inquirer/prompts'), kind, f, recordWith);
  }

  answers: Answers = {};

  private t(key: MessageKey, params?: MessageParams): string {
    return translate(this.ctx.lang, key, params);
  }

  /** The terminal's keys as every question reads them: a name pasted with its newline is taken with one Enter (guided-keys.ts). */
  private keys?: NodeJS.ReadableStream;

  private get context() {
    const terminal = this.ctx.terminal!;
    // No colour where civsam decided on none (--no-color, NO_COLOR): the questions are coloured by
    // the prompt library, which sees neither. A fresh stream per question: each question ends its own.
    const output = this.ctx.errColor.level === 0 ? withoutColour(terminal.output) : terminal.output;
    this.keys ??= keysInTurn(terminal.input);
    return { input: this.keys, output, clearPromptOnDone: false };
  }

  /** The terminal's width, which the prompt library breaks lines at wherever they reach it. */
  private get width(): number {
    return textWidth({ stdout: this.ctx.terminal!.output as { isTTY?: boolean; columns?: number }, env: this.ctx.env });
  }

  /**
   * Text after a mark of two characters (`? `, `> `) broken at words to fit the terminal, each
   * further line under the first's text: the prompt library would break it wherever it reaches
   * the edge, inside a word.
   */
  private wrapped(text: string): string {
    return text.split('\n').map((line) => wrapText(line, this.width - 2).join('\n  ')).join('\n  ');
  }

  /** A message civsam writes itself between questions, broken at words as the questions are. */
  private say(text: string, paint: (s: string) => string = (s) => s): void {
    this.ctx.stderr.write(paint(wrapForTerminal(text, this.ctx)) + '\n');
  }

  private get theme() {
    // What the library's keys do, which it says in English (its arrows and ⏎ need no words).
    const words: Record<string, MessageKey> = { navigate: 'guided.keyNavigate', select: 'guided.keySelect' };
    const c = this.ctx.errColor;
    // The prompt library's own words (a filter that matches nothing, a refused choice) in the user's language.
    const own: Record<string, MessageKey> = { 'No results found': 'guided.noMatches', 'You must provide a valid value': 'guided.notValid' };
    return {
      style: {
        keysHelpTip: (keys: [string, string][]) => c.dim(keys.map(([key, action]) => (Object.hasOwn(words, action) ? `${key} ${this.t(words[action])}` : key)).join(' • ')),
        error: (text: string) => c.red(`> ${this.wrapped(Object.hasOwn(own, text) ? this.t(own[text]) : text)}`),
        message: (text: string) => c.bold(this.wrapped(text)),
        description: (text: string) => c.cyan(wrapText(text, this.width).join('\n')),
      },
    };
  }

  /**
   * The theme of a question whose answer may be refused after it is given (`Done` with too few
   * chosen): while `refusal()` says so, the line the prompt draws as it closes is the refusal
   * (`> Vælg mindst én kommune.`), never a tick with the answer as if it were taken.
   */
  private refusableTheme(refusal: () => string | true) {
    const c = this.ctx.errColor;
    const base = this.theme;
    const wrap = (text: string) => this.wrapped(text);
    return {
      ...base,
      prefix: { get done() { return refusal() === true ? undefined : c.red('>'); } },
      style: {
        ...base.style,
        get message() { const r = refusal(); return r === true ? base.style.message : (text: string, status: string) => (status === 'done' ? wrap(r) : base.style.message(text)); },
        get answer() { return refusal() === true ? undefined : () => ''; },
      },
    };
  }

  /**
   * A theme for a question asked with the filter hint after it: the line left once it is answered
   * is the question and the answer (`✔ Kommuner Færdig (1 valgt)`), without the hint, which is
   * about typing and is over then. The theme's own message style (a refusal's) is kept.
   */
  private hinted<T extends { style: object }>(theme: T): T {
    const c = this.ctx.errColor;
    const hint = ` ${this.t('guided.filterHint')}`;
    const inner = theme.style as { message?: (text: string, status: string) => string };
    const style = Object.defineProperties({}, {
      ...Object.getOwnPropertyDescriptors(theme.style),
      message: {
        enumerable: true,
        get: () => {
          const own = inner.message;
          return (text: string, status: string) => {
            const shown = status === 'done' && text.endsWith(hint) ? text.slice(0, -hint.length) : text;
            return own ? own(shown, status) : c.bold(shown);
          };
        },
      },
    });
    return { ...theme, style };
  }

  /** The problems the record with this answer would have at the answered field (the write's own check). */
  problemAt(spec: FieldSpec, answer: Answer | undefined): string | true {
    const flag = optionName(spec.flag);
    const answers: Answers = { ...this.answers };
    if (answer === undefined) delete answers[flag];
    else answers[flag] = answer;
    let built: { id: string; rec: Rec };
    try {
      if (answer !== undefined) parseFlag(spec, answer);
      built = this.recordWith(answers);
      // A day something happened, after today, is refused as the write will refuse it, but at once.
      refuseHappenedAfterToday(this.kind, this.recordWith({}).rec, built.rec, this.ctx.today);
    } catch (e) {
      if (e instanceof UserError) return this.inQuestionWords(spec, e.userMessage);
      throw e;
    }
    const problems = recordProblems(this.f, this.kind, built.id, built.rec);
    const top = spec.path.split('.')[0];
    const mine = problems.problems.filter((p) => problems.fieldAt(p.line) === top);
    if (mine.length === 0) return true;
    return mine.map((p) => this.answerWording(spec, p.message)).join('\n');
  }

  /**
   * A problem with an answer in words for a question, not for a file: too few chosen as a person
   * says it (`Vælg mindst ét område.`), a typed value as for a flag (no quotes to write in a file).
   */
  private answerWording(spec: FieldSpec, m: Message): string {
    if (m.key === 'problem.schema.minItems') {
      const own = messageOr(this.ctx.lang, `guided.atLeastOne.${spec.path}`, '');
      return m.params?.limit === 1 && own ? own : this.t('guided.atLeast', { limit: Number(m.params?.limit ?? 1) });
    }
    const worded = typedValueWording(m, spec.path) ?? m;
    return translate(this.ctx.lang, worded.key, worded.params);
  }

  /**
   * A message about a flag's value (`--active-from er skrevet som en dato …`) for a question, which
   * the user answered without typing a flag: the flag named by the question's label.
   */
  private inQuestionWords(spec: FieldSpec, m: Message): string {
    const flag = `--${spec.flag}`;
    const params = Object.fromEntries(Object.entries(m.params ?? {}).map(([name, value]) => [name, value === flag ? this.label(spec) : value]));
    return translate(this.ctx.lang, m.key, params);
  }

  /**
   * Asks one field and keeps the answer; `current` is the value it has (for edit). Where a record
   * says where it reaches, its scope's question asks that (municipalities or a scope).
   */
  async ask(spec: FieldSpec, current?: unknown, skippable = false): Promise<void> {
    if (spec.path === 'scope' && HAS_REACH.has(this.kind)) return this.reach(this.recordWith(this.answers).rec);
    const answer = await this.question(spec, current, skippable);
    if (answer === undefined) return;
    this.answers[optionName(spec.flag)] = this.taken(spec, answer);
    // An answer that takes another field's place takes back that field's answer too (an exemption
    // after a call), so the flags hold one or the other, as the answer says.
    for (const other of replacedBy(this.kind, spec)) if (this.answers[optionName(other.flag)] !== undefined) this.answers[optionName(other.flag)] = undefined;
  }

  /**
   * An answer as the write takes it (a CVR number as its 8 digits, a web address with https://),
   * said at once by the question's label; the write then has nothing left to say about it, by flag.
   */
  private taken(spec: FieldSpec, answer: Answer): Answer {
    if (typeof answer !== 'string') return answer;
    const notes: Message[] = [];
    const rec = applyFlags(this.kind, {}, { [optionName(spec.flag)]: answer }, (m) => notes.push(m), this.f.folder.settings?.language ?? this.ctx.lang);
    for (const m of notes) this.say(this.inQuestionWords(spec, m), this.ctx.errColor.yellow);
    const value = getPath(rec, spec.path);
    return notes.length > 0 && typeof value === 'string' ? value : answer;
  }

  private label(spec: FieldSpec): string {
    return fieldLabel(this.kind, spec, this.ctx.lang);
  }

  /** `skippable`: an optional field asked unbidden, which an empty answer leaves out. */
  private async question(spec: FieldSpec, current: unknown, skippable = false): Promise<Answer | undefined> {
    const { p } = this;
    const message = skippable ? `${this.label(spec)} ${this.t('guided.skipHint')}` : this.label(spec);
    const choices = choicesFor(this.kind, spec, this.f.folder, this.ctx.lang);
    const validate = (v: Answer) => this.problemAt(spec, v);
    switch (spec.type) {
      case 'choice':
        return this.pickOne(message, choices ?? [], spec, typeof current === 'string' ? current : undefined);
      case 'list':
        if (!choices) break;
        if (choices.length === 0) throw this.nothingToChoose(spec);
        // Every question of several choices, short or long, is typed to filter: a short list's
        // letter keys (`a` all, `i` invert) would take a typed word as choices made.
        return this.pickMany(message, choices, spec, Array.isArray(current) ? current.map(String) : []);
      case 'texts':
        return this.texts(message, spec);
      case 'funding':
        return this.funding(spec);
      case 'budgets':
        return this.budgets(spec);
      case 'date':
        return p.input({ message: `${message} ${this.t('guided.dateHint')}`, default: typeof current === 'string' ? current : undefined, validate, theme: this.theme }, this.context).then(nfc);
      default:
        break;
    }
    if (choices && spec.type === 'text') return this.pickOne(message, choices, spec, typeof current === 'string' ? current : undefined);
    // A list typed with commas (years too: `2027, 2028`, as --years takes them).
    const many = spec.type === 'list' || spec.type === 'years';
    // An amount may be typed as it is written in Danish (`250.000 kr.`): the unit is no part of the number.
    const typed = (v: string) => (isAmount(spec) ? withoutCurrency(nfc(v)) : nfc(v));
    const text = await p.input({ message, default: current === undefined ? undefined : String(current), validate: (v) => (v.trim() === '' ? skippable || this.problemAt(spec, many ? [] : '') : this.problemAt(spec, many ? splitList(v) : typed(v))), theme: this.theme }, this.context);
    if (skippable && text.trim() === '') return undefined;
    return many ? splitList(text) : typed(text);
  }

  private nothingToChoose(spec: FieldSpec): UserError {
    return nothingToChoose(this.kind, spec);
  }

  /** One of the choices: a plain list when short, else typed to filter. */
  /**
   * One of the choices: a plain list when short, else typed to filter. `checked` (the field's own
   * check, unless the choice is a part of a field, as a funding line's pool is) refuses a choice as
   * it is made; a short list, which cannot refuse, offers only the choices the check takes (an
   * edit is not offered a status that its own command sets).
   */
  private async pickOne(message: string, choices: Choice[], spec: FieldSpec, current?: string, checked = true): Promise<string> {
    if (choices.length === 0) throw this.nothingToChoose(spec);
    const validate = (v: string) => (checked ? this.problemAt(spec, v) : true);
    if (choices.length < SEARCH_FROM) {
      const taken = choices.filter((c) => c.value === current || validate(c.value) === true);
      return this.p.select({ message, choices: taken.length > 0 ? taken : choices, default: current, theme: this.theme }, this.context);
    }
    return this.p.search({
      message: `${message} ${this.t('guided.filterHint')}`,
      source: (term) => filterChoices(choices, term),
      validate, default: current, pageSize: 10, theme: this.hinted(this.theme),
    }, this.context);
  }

  /** Several of many choices, typed to filter: each choice picked turns on or off, `Done` (first when nothing is typed) ends. */
  private async pickMany(message: string, choices: Choice[], spec: FieldSpec, initial: string[]): Promise<string[]> {
    const chosen = new Set(initial);
    const DONE = '\u0000done';
    const c = this.ctx.errColor;
    // Whether `Done` was just refused: then the refusal is said under it until a choice is made.
    let told = false;
    for (;;) {
      // What `Done` would be told now. The prompt leaves a line for the choice made, `✔` for an
      // accepted one. `Done` refused leaves no line, never a tick: its refusal is said under `Done`
      // in the question asked again, and goes with that question once a choice is made, so no
      // refusal is left on the screen above an answer that was taken.
      const refusal = this.problemAt(spec, [...chosen]);
      let refused = false;
      const theme = this.hinted(this.refusableTheme(() => (refused ? refusal : true)));
      Object.defineProperty(theme.style, 'description', { enumerable: true, value: (text: string) => c.red(`> ${this.wrapped(text)}`) });
      const picked = await this.p.search<string>({
        message: `${message} ${this.t('guided.filterHint')}`,
        // While a filter is typed, Enter takes the first match; with nothing typed it is `Done`.
        source: (term) => [
          ...(term?.trim() ? [] : [{ value: DONE, name: this.t('guided.done', { count: chosen.size }), description: told && refusal !== true ? refusal : undefined }]),
          // The line left on screen says what the choice did: `+ Skive` added, `− Skive` taken out.
          ...filterChoices(choices, term).map((c) => ({ value: c.value, name: `${chosen.has(c.value) ? '[x]' : '[ ]'} ${c.name}`, short: `${chosen.has(c.value) ? '−' : '+'} ${c.name.trim()}` })),
        ],
        pageSize: 10, theme,
        // Told which choice was made before the prompt writes its last line; every choice passes
        // its check: one the check refuses is written into the filter, which the user would then
        // have to delete letter by letter.
        validate: (v) => {
          refused = v === DONE && refusal !== true;
          return true;
        },
      }, { ...this.context, get clearPromptOnDone() { return refused; } });
      told = refused;
      if (picked === DONE) {
        // In the order picked: the first organisation picked is the first applicant or party, which the id is made from.
        if (refusal === true) {
          const offered = new Set(choices.map((choice) => choice.value));
          return [...chosen].filter((v) => offered.has(v));
        }
        continue;
      }
      if (chosen.has(picked)) chosen.delete(picked);
      else chosen.add(picked);
    }
  }

  private async texts(message: string, spec: FieldSpec): Promise<string[] | undefined> {
    const items: string[] = [];
    for (;;) {
      const text = nfc(await this.p.input({ message: `${message} ${this.t('guided.textsHint')}`, validate: (v) => (v.trim() === '' ? true : this.problemAt(spec, [...items, nfc(v)])), theme: this.theme }, this.context));
      if (text.trim() === '') return items.length ? items : undefined;
      items.push(text);
    }
  }

  private async yesNo(message: string, yes: MessageKey, no: MessageKey): Promise<boolean> {
    return this.p.select({ message, choices: [{ value: true, name: this.t(yes) }, { value: false, name: this.t(no) }], theme: this.theme }, this.context);
  }

  /**
   * A part of a funding line or a budget, checked when it is answered, in the question's words:
   * a year of four digits, an amount in whole kroner (the whole line is then read as the flag reads it).
   */
  private async number(message: string, part: 'year' | 'amount'): Promise<string> {
    const validate = (typed: string): string | true => {
      if (typed.trim() === '') return this.t('guided.answerNeeded');
      if (part === 'year') return readYear(typed) === undefined ? this.t('guided.badYear') : true;
      const v = withoutCurrency(typed);
      const outside = amountOutsideRange(v, { key: 'guided.theAmount' });
      if (outside) return translate(this.ctx.lang, outside.userMessage.key, outside.userMessage.params);
      return readWholeNumber(v) === undefined ? this.t('guided.badAmount') : true;
    };
    const answer = await this.p.input({ message, validate, theme: this.theme }, this.context);
    return part === 'amount' ? withoutCurrency(answer) : answer;
  }

  /** Funding lines, each asked part by part and given as the flag's POOL:YEAR:KIND:AMOUNT. */
  private async funding(spec: FieldSpec): Promise<string[]> {
    const pools = targetChoices('pool', this.f.folder, this.ctx.lang);
    if (pools.length === 0) throw nothingToChoose(this.kind, spec);
    return this.items(spec, 'guided.fundingMore', async () => {
      const pool = await this.pickOne(this.t('guided.fundingPool'), pools, spec, undefined, false);
      const year = await this.number(this.t('guided.fundingYear'), 'year');
      const kind = await this.p.select({ message: this.t('guided.fundingKind'), choices: FUNDING_KINDS.map((k) => ({ value: k, name: valueLabel(this.ctx.lang, k) })), theme: this.theme }, this.context);
      const amount = await this.number(this.t('guided.fundingAmount'), 'amount');
      return [pool, year.trim(), kind, amount.trim()].join(':');
    });
  }

  private async budgets(spec: FieldSpec): Promise<string[]> {
    return this.items(spec, 'guided.budgetMore', async () => `${(await this.number(this.t('guided.budgetYear'), 'year')).trim()}:${(await this.number(this.t('guided.budgetAmount'), 'amount')).trim()}`);
  }

  /** Items of a list asked one by one: a wrong item is said (as the flag would say it) and asked again. */
  private async items(spec: FieldSpec, more: MessageKey, item: () => Promise<string>): Promise<string[]> {
    const lines: string[] = [];
    for (;;) {
      const line = await item();
      const problem = this.problemAt(spec, [...lines, line]);
      if (problem !== true) {
        this.ctx.stderr.write(this.ctx.errColor.red(`> ${this.wrapped(problem)}`) + '\n');
        continue;
      }
      lines.push(line);
      if (!(await this.yesNo(this.t(more), 'guided.yesPlain', 'guided.noPlain'))) return lines;
    }
  }

  /**
   * The fields a menu offers for the record as the answers make it (see `offered`), less those
   * that would choose among records the folder has none of (a call, a pool): asked, such a field
   * could only stop guided entry and lose the answers given.
   */
  offeredFields(rec: Rec, replacing: boolean): FieldSpec[] {
    return FIELDS[this.kind].filter((s) => {
      if (!offered(this.kind, s, rec, replacing)) return false;
      const choices = s.type === 'funding' ? targetChoices('pool', this.f.folder, this.ctx.lang) : choicesFor(this.kind, s, this.f.folder, this.ctx.lang);
      return choices === undefined || choices.length > 0;
    });
  }

  /** A field to fill in or change, or undefined for done; `fields` in the table's order. */
  async chooseField(message: string, done: string, fields: FieldSpec[], rec: Rec): Promise<FieldSpec | undefined> {
    const choices = [
      { value: '', name: done },
      ...fields.map((s) => {
        // The reach's entry shows the municipalities when the record names those rather than a scope.
        const shown = s.path === 'scope' && rec.scope === undefined && HAS_REACH.has(this.kind) ? fieldByName(this.kind, 'municipalities')! : s;
        const value = getPath(rec, shown.path);
        return { value: s.path, name: this.label(s), description: value === undefined ? undefined : shownValue(this.kind, shown, value, this.f.folder, this.ctx.lang) };
      }),
    ];
    const picked = await this.p.select({ message, choices, pageSize: 12, theme: this.theme }, this.context);
    return picked === '' ? undefined : FIELDS[this.kind].find((s) => s.path === picked);
  }

  /** Where the record reaches: municipalities (those it names already chosen) or a scope, the one answer taking the other's place. */
  async reach(rec: Rec): Promise<void> {
    const MUNICIPALITIES = '\u0000municipalities';
    const municipalities = fieldByName(this.kind, 'municipalities')!;
    const scope = fieldByName(this.kind, 'scope')!;
    const picked = await this.p.select({
      message: this.t('guided.reach'),
      choices: [{ value: MUNICIPALITIES, name: this.t('guided.reachMunicipalities') }, ...SCOPES.map((s) => ({ value: s as string, name: valueLabel(this.ctx.lang, s) }))],
      default: typeof rec.scope === 'string' ? rec.scope : rec.municipalities !== undefined ? MUNICIPALITIES : undefined,
      theme: this.theme,
    }, this.context);
    if (picked === MUNICIPALITIES) {
      const answer = await this.question(municipalities, rec.municipalities);
      if (answer === undefined) return;
      this.answers[optionName(municipalities.flag)] = answer;
      this.answers[optionName(scope.flag)] = undefined;
    } else {
      this.answers[optionName(scope.flag)] = picked;
      this.answers[optionName(municipalities.flag)] = undefined;
    }
  }

  /**
   * The record shown, then saved, corrected field by field (each correction checked and the record
   * shown again) or left unsaved. True to save. A dry run shows it and asks nothing.
   */
  async review(dryRun: boolean): Promise<boolean> {
    const SAVE = 'save';
    const CORRECT = 'correct';
    for (;;) {
      if (!(await this.untilValid())) return false;
      const { id, rec } = this.recordWith(this.answers);
      this.ctx.stderr.write(`\n${this.ctx.t('guided.review')}\n${wrapForTerminal(reviewLines(this.kind, id, rec, this.f.folder, this.ctx.lang).join('\n'), this.ctx)}\n\n`);
      if (dryRun) return true;
      const picked = await this.p.select({
        message: this.t('guided.confirm'),
        choices: [{ value: SAVE, name: this.t('guided.yes') }, { value: CORRECT, name: this.t('guided.correct') }, { value: '', name: this.t('guided.no') }],
        theme: this.theme,
      }, this.context);
      if (picked === SAVE) return true;
      if (picked !== CORRECT) return false;
      const spec = await this.chooseField(this.t('guided.correctWhich'), this.t('guided.correctBack'), this.offeredFields(rec, true), rec);
      if (spec) await this.ask(spec, getPath(rec, spec.path));
    }
  }

  /**
   * Until the whole record passes the write's check: the problems, then a field to correct.
   * False when the user stops instead.
   */
  async untilValid(): Promise<boolean> {
    for (;;) {
      const { id, rec } = this.recordWith(this.answers);
      const { problems, fieldAt } = recordProblems(this.f, this.kind, id, rec);
      if (problems.length === 0) return true;
      this.ctx.stderr.write(wrapForTerminal(problemText(this.ctx, recordRel(this.kind, id), problems), this.ctx));
      const named = new Set(problems.map((p) => fieldAt(p.line)));
      const fields = FIELDS[this.kind].filter((s) => named.has(s.path.split('.')[0]));
      const spec = await this.chooseField(this.t('guided.fix'), this.t('guided.fixStop'), fields.length ? fields : this.offeredFields(rec, true), rec);
      if (!spec) return false;
      await this.ask(spec, getPath(rec, spec.path));
    }
  }
}

function splitList(v: string): string[] {
  return v.split(',').map((s) => nfc(s.trim())).filter(Boolean);
}

/**
 * Choices whose name or id holds every word typed, as names are compared elsewhere: case and
 * accents ignored, æ, ø, å typed as ae, oe, aa or as a, o, a (`parorende` finds `pårørendeforening`);
 * a word typed with æ, ø or å finds only those letters (and ae, oe, aa), not every a or o, unless it
 * finds nothing so: then its letters are loosened too (`parør` finds `pårørendeforening`), and
 * every spelling of them is one (spellingKey: `paroer` finds it as well).
 * Enter takes the first match, so a choice whose name or id is just what was typed comes first, as
 * names are told apart (nameKey: case, accents and punctuation aside; a record's name without the
 * id after it: `Kultur og sundhed – projekter 2026` before `… projekter 2024–2026`), then the names
 * the typing begins: a name that starts with it (`rand` → Randers), then one with a word that does
 * (`brande` → Ikast-Brande), then the rest (`rand` inside Ikast-Brande), each group in the list's
 * own order.
 */
export function filterChoices(choices: readonly Choice[], term: string | undefined): Choice[] {
  const words = (term ?? '').split(/\s+/).filter((w) => looseKey(w) !== '');
  if (words.length === 0) return [...choices];
  // A word with æ, ø or å that finds nothing so (`parør`, å typed as a) is read with the letters loosened, as a word without them is.
  const loose = new Set(words.filter((w) => !writesDanishLetter(w) || !choices.some((c) => asciiFold(`${c.name} ${c.value}`).includes(asciiFold(w).trim()))));
  const holds = (text: string, w: string) => asciiFold(text).includes(asciiFold(w).trim()) || (loose.has(w) && (looseKey(text).includes(looseKey(w)) || spellingKey(text).includes(spellingKey(w))));
  const begins = (text: string, w: string) => asciiFold(text).startsWith(asciiFold(w).trim()) || (loose.has(w) && (looseKey(text).startsWith(looseKey(w)) || spellingKey(text).startsWith(spellingKey(w))));
  const typed = nameKey(term ?? '');
  const exact = (c: Choice) => {
    const name = c.name.trim();
    const suffix = ` (${c.value})`;
    const bare = name.endsWith(suffix) ? name.slice(0, -suffix.length) : name;
    return [bare, name, c.value].some((n) => nameKey(n) === typed);
  };
  const rank = (c: Choice): number => {
    if (exact(c)) return -1;
    const nameWords = c.name.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    if (!words.every((w) => nameWords.some((n) => begins(n, w)))) return 2;
    return nameWords.length > 0 && begins(nameWords[0], words[0]) ? 0 : 1;
  };
  return choices
    .filter((c) => words.every((w) => holds(`${c.name} ${c.value}`, w)))
    .map((c, i) => ({ c, i, r: rank(c) }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map(({ c }) => c);
}

/** The errors the record would bring into the folder, and which top-level field each line of its file holds. */
function recordProblems(f: Folder, kind: RecordKind, id: string, rec: Rec): { problems: Problem[]; fieldAt: (line: number) => string | undefined } {
  const rel = recordRel(kind, id);
  const record = { id, ...rec };
  const current = readRecordFile(join(f.dir, rel));
  const made = newRecordText(f.dir, kind, current, record);
  const text = 'text' in made ? made.text : undefined;
  const { introduced } = errorsIntroduced(f.checked, f.raw, [{ rel, kind, id, data: record, text }]);
  // A field's lines run from its key to the next top-level key.
  const lines = (text ?? '').split('\n');
  const keyOf: Array<string | undefined> = [];
  let field: string | undefined;
  for (const line of lines) {
    const key = /^([A-Za-z_][\w-]*):/.exec(line)?.[1];
    if (key) field = key;
    keyOf.push(field);
  }
  return { problems: introduced.filter((p) => p.file === rel), fieldAt: (line) => keyOf[line - 1] };
}

function problemText(ctx: CommandContext, rel: string, problems: Problem[]): string {
  return problems.map((p) => `  ${problemLine(ctx.lang, ctx.dataDir, { ...p, file: rel })}`).join('\n') + '\n';
}

async function guarded<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    // Ctrl-C while a question waits: nothing has been written or locked yet.
    if (isStop(e)) throw new UserError('guided.cancelled', {}, 130);
    throw e;
  }
}

/**
 * Optional fields a guided add asks for right after the required ones: an application's title
 * names it in the ranking and letters, and its years say which year's money a grant is (without
 * them it is its call's year, which the person entering it may not know).
 */
const ASKED_AFTER_REQUIRED: Partial<Record<RecordKind, readonly string[]>> = { application: ['title', 'years'] };

/**
 * Fields a guided add offers after the required ones: every other field with a flag that the
 * record has not got (its reach counts as given by municipalities or a scope) and that makes sense
 * with the answers so far.
 */
function optionalFields(asker: Asker, kind: RecordKind, rec: Rec): FieldSpec[] {
  const reached = HAS_REACH.has(kind) && !needsReach(kind, rec);
  return asker.offeredFields(rec, false).filter((s) => getPath(rec, s.path) === undefined && !(reached && s.path === 'scope'));
}

/** What guided entry says before its first question, broken at words to fit the terminal. */
function intro(ctx: CommandContext, text: string): void {
  ctx.stderr.write(`${wrapForTerminal(`${text}\n${ctx.t('guided.howTo')}`, ctx)}\n`);
}

/**
 * The flags of a new record with the missing required fields asked for on the terminal, or
 * undefined when the user chose not to save. Flags that already make a whole record ask nothing.
 */
export async function guidedAdd(ctx: CommandContext, kind: RecordKind, opts: Rec): Promise<Rec | undefined> {
  const f = readNow(ctx);
  const recordWith = (answers: Answers) => {
    const rec = withDefaults(kind, applyFlags(kind, {}, { ...opts, ...answers }, undefined, f.folder.settings?.language ?? ctx.lang), f.folder, ctx.today);
    const id = typeof opts.id === 'string' ? opts.id : newId(kind, rec, f.folder) ?? uniqueId(PLACEHOLDER_ID, (taken) => f.folder.records[kind].has(taken));
    return { id, rec };
  };
  const first = recordWith({}).rec;
  if (missingRequired(kind, first).length === 0 && !needsReach(kind, first)) return opts;
  // Refused before the questions, not after them: the write would refuse the answers (see applyChange).
  refuseBesideUntold(ctx, kind, untoldRecords(f.raw, f.checked.problems, kind).filter((p) => typeof opts.id !== 'string' || p.file !== recordRel(kind, opts.id)));
  refuseNothingToChoose(ctx, kind, f, missingRequired(kind, first));
  return guarded(async () => {
    const asker = await Asker.open(ctx, kind, f, recordWith);
    intro(ctx, ctx.t('guided.intro', { kind: { key: `kind.${kind}` } }));
    for (;;) {
      const { rec } = recordWith(asker.answers);
      const next = missingRequired(kind, rec)[0];
      if (next) await asker.ask(next);
      else if (needsReach(kind, rec)) await asker.reach(rec);
      else break;
    }
    // Fields a record may be without but seldom should be, asked before the rest are offered.
    for (const spec of optionalFields(asker, kind, recordWith(asker.answers).rec).filter((s) => ASKED_AFTER_REQUIRED[kind]?.includes(s.path))) await asker.ask(spec, undefined, true);
    for (;;) {
      const spec = await asker.chooseField(ctx.t('guided.more'), ctx.t('guided.moreDone'), optionalFields(asker, kind, recordWith(asker.answers).rec), recordWith(asker.answers).rec);
      if (!spec) break;
      await asker.ask(spec);
    }
    if (!(await asker.review(opts.dryRun === true))) return notSaved(ctx);
    return { ...opts, ...asker.answers };
  });
}

/** The flags of a change chosen field by field on the terminal, or undefined when nothing is to be saved. */
export async function guidedEdit(ctx: CommandContext, kind: RecordKind, id: string, opts: Rec): Promise<Rec | undefined> {
  const f = readNow(ctx);
  const current = readRecordFile(join(f.dir, recordRel(kind, id)));
  if (current.unreadable) throw new UserError('write.unreadable', { file: join(ctx.dataDir, recordRel(kind, id)) });
  // Said before the questions, not after them: the change would be refused then.
  refuseThroughLink(current, f.dir, ctx.dataDir);
  if (!current.data) throw new UserError('register.notFound', { kind: { key: `kind.${kind}` }, id });
  const base = current.data;
  const recordWith = (answers: Answers) => {
    const rec = applyFlags(kind, base, answers, undefined, f.folder.settings?.language ?? ctx.lang);
    // A status its own command sets (`org deactivate`) is refused at the question, as the write would refuse it.
    refuseStatusByEdit(kind, base, rec, id);
    refuseOpeningDayByEdit(kind, base, rec, id);
    return { id, rec };
  };
  return guarded(async () => {
    const asker = await Asker.open(ctx, kind, f, recordWith);
    intro(ctx, ctx.t('guided.editIntro', { kind: { key: `kind.${kind}` }, id }));
    for (;;) {
      const { rec } = recordWith(asker.answers);
      const spec = await asker.chooseField(ctx.t('guided.pickField'), ctx.t('guided.pickDone'), asker.offeredFields(rec, true), rec);
      if (!spec) break;
      await asker.ask(spec, getPath(rec, spec.path));
    }
    if (Object.keys(asker.answers).length === 0) return notSaved(ctx);
    if (!(await asker.review(opts.dryRun === true))) return notSaved(ctx);
    return { ...opts, ...asker.answers };
  });
}

function notSaved(ctx: CommandContext): undefined {
  ctx.stderr.write(`${wrapForTerminal(ctx.t('guided.notSaved'), ctx)}\n`);
  return undefined;
}
