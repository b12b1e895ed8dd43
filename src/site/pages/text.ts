// Free text from the data (the model, descriptions, criteria) as paragraphs: escaped like all
// data, split where the writer left a line break (a folded YAML block keeps one between paragraphs).
import { html, type Html } from '../html.js';

export function paragraphs(text: string | undefined, className?: string): Html {
  if (!text) return html``;
  const parts = text.split(/\n\s*\n|\n/).map((p) => p.trim()).filter(Boolean);
  return html`${parts.map((p) => html`<p${className ? html` class="${className}"` : ''}>${p}</p>\n`)}`;
}
