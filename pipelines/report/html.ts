/** Small HTML pieces the report blocks share. */
import { statusWord } from '../core/describe.ts';

export const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A status in words, coloured by the report's and the site's CSS (.s-on_track, …). */
export const statusBadge = (status: string | null) =>
  `<span class="status s-${status ?? 'suppressed'}">${escapeHtml(statusWord(status))}</span>`;

/** A table cell with a status badge. */
export const statusCell = (status: string | null) => `<td>${statusBadge(status)}</td>`;

/** A table with a header row; cells are HTML already escaped by the caller. */
export function htmlTable(cls: string, head: string[], rows: string[]): string {
  return `<table class="${cls}"><thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}
