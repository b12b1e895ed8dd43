// HTML as tagged templates that escape every interpolated value unless it is already `Html`
// (made by this module): a record's text can never become markup on the public site.

/**
 * A piece of markup this module built or escaped; the only thing interpolated without escaping.
 * A long one (a page, a list of thousands of entries) is kept as pieces of some thousands of
 * characters, never joined into one string: a published page is written piece by piece, so no
 * string of hundreds of kilobytes is made for it (each such string is fresh memory, and at the bench
 * folder's size the pages are over 200 MB).
 */
export class Html {
  #text: string | undefined;
  readonly #pieces: readonly string[] | undefined;

  constructor(text: string, pieces?: readonly string[]) {
    this.#text = pieces ? undefined : text;
    this.#pieces = pieces;
  }

  /** The markup as one string (joined on first use when it is in pieces). */
  get text(): string {
    return (this.#text ??= this.#pieces!.join(''));
  }

  /** The markup in the pieces it was made in: one string for short markup. */
  get pieces(): readonly string[] {
    return this.#pieces ?? [this.#text!];
  }

  /** Whether it is kept in pieces. */
  get long(): boolean {
    return this.#pieces !== undefined;
  }
}

export type Interpolation = Html | string | number | boolean | null | undefined | readonly Interpolation[];

function make(text: string): Html {
  return new Html(text);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const NEEDS_ESCAPE = /[&<>"']/;

/** Text safe in element content and in double- or single-quoted attribute values. */
export function escapeHtml(s: string): string {
  return NEEDS_ESCAPE.test(s) ? s.replace(/[&<>"']/g, (c) => ESCAPES[c]) : s;
}

function render(v: Interpolation): string {
  if (typeof v === 'string') return escapeHtml(v);
  if (v === null || v === undefined || v === false || v === true) return '';
  if (Array.isArray(v)) {
    let out = '';
    for (const x of v) out += render(x);
    return out;
  }
  if (v instanceof Html) return v.text;
  return escapeHtml(String(v));
}

/** Past this many characters markup being made is cut into a piece (see Html). */
const PIECE = 8192;

/**
 * Markup being made: the text so far, and the pieces before it once it grew long. A piece never
 * ends between the two halves of a surrogate pair, so pieces encoded one by one give the bytes the
 * whole text would.
 */
class Builder {
  text = '';
  pieces: string[] | undefined;

  add(v: Interpolation): void {
    if (v instanceof Html) {
      if (v.long) this.addPieces(v.pieces);
      else this.append(v.text);
    } else if (Array.isArray(v)) {
      for (const x of v) this.add(x);
    } else {
      this.append(render(v));
    }
  }

  append(s: string): void {
    this.text += s;
    if (this.text.length > PIECE) this.cut();
  }

  /** Another markup's pieces, taken as they are (not copied into new ones): the text so far becomes a piece before them. */
  private addPieces(pieces: readonly string[]): void {
    if (this.text !== '' && highSurrogateAtEnd(this.text)) {
      for (const p of pieces) this.append(p);
      return;
    }
    const own = (this.pieces ??= []);
    if (this.text !== '') own.push(this.text);
    for (let i = 0; i < pieces.length - 1; i++) own.push(pieces[i]);
    this.text = pieces[pieces.length - 1];
  }

  private cut(): void {
    const t = this.text;
    const keep = highSurrogateAtEnd(t) ? 1 : 0;
    (this.pieces ??= []).push(keep ? t.slice(0, -1) : t);
    this.text = keep ? t.slice(-1) : '';
  }

  done(): Html {
    if (!this.pieces) return make(this.text);
    if (this.text !== '') this.pieces.push(this.text);
    return new Html('', this.pieces);
  }
}

function highSurrogateAtEnd(s: string): boolean {
  const last = s.charCodeAt(s.length - 1);
  return last >= 0xd800 && last <= 0xdbff;
}

/** `html\`<p>${text}</p>\`` escapes `text`; nested `html` and arrays of it pass through. `false`/`null` render nothing. */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): Html {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    // A list, or long markup, may make this long: from there on it is made in pieces.
    if (Array.isArray(v) || (v instanceof Html && v.long)) return inPieces(out, strings, values, i);
    out += render(v) + strings[i + 1];
  }
  return make(out);
}

/** The rest of `html` from the value at `from` on, in pieces once long. */
function inPieces(start: string, strings: TemplateStringsArray, values: Interpolation[], from: number): Html {
  const b = new Builder();
  b.append(start);
  for (let i = from; i < values.length; i++) {
    b.add(values[i]);
    b.append(strings[i + 1]);
  }
  return b.done();
}

/** Markup from a trusted constant of this module (the stylesheet link, an SVG built here). */
export function trusted(text: string): Html {
  return make(text);
}

/**
 * `<dl class="facts">` of label → value pairs, as `html` would make it with a `<div><dt>…</dt><dd>…</dd></div>`
 * per pair, but as one text: the site shows tens of thousands of these lists, and markup per
 * pair was most of what they cost.
 */
export function definitionList(pairs: readonly (readonly [label: string, value: Interpolation])[]): Html {
  let text = '<dl class="facts">';
  for (const [label, value] of pairs) text += `<div><dt>${escapeHtml(label)}</dt><dd>${render(value)}</dd></div>`;
  return make(`${text}</dl>`);
}

export function join(parts: readonly Html[], separator: Html | string = ''): Html {
  const b = new Builder();
  const sep = render(separator);
  parts.forEach((p, i) => {
    if (i > 0) b.append(sep);
    b.add(p);
  });
  return b.done();
}

export function toText(h: Html): string {
  return h.text;
}

/**
 * A URL from the data that may become a link: only absolute http(s) addresses without credentials.
 * Anything else (`javascript:`, relative paths, `mailto:` with a person's address) is not linked.
 */
export function publicUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  let u: URL;
  try {
    u = new URL(value.trim());
  } catch {
    return undefined;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return undefined;
  if (u.username || u.password) return undefined;
  return u.href;
}
