// HTML as tagged templates that escape every interpolated value unless it is already `Html`
// (made by this module): a record's text can never become markup on the public site.

/** A piece of markup this module built or escaped; the only thing interpolated without escaping. */
export class Html {
  constructor(readonly text: string) {}
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

/** `html\`<p>${text}</p>\`` escapes `text`; nested `html` and arrays of it pass through. `false`/`null` render nothing. */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): Html {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1];
  return make(out);
}

/** Markup from a trusted constant of this module (the stylesheet link, an SVG built here). */
export function trusted(text: string): Html {
  return make(text);
}

export function join(parts: readonly Html[], separator: Html | string = ''): Html {
  const sep = render(separator);
  return make(parts.map((p) => p.text).join(sep));
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
