/**
 * A JSON syntax error as an analyst can fix it (docs/configuration.md): the line and column, the line
 * itself with a mark under the place, and what is wrong there in the user's language. JSON.parse says
 * only "at position 45", in English.
 */
import { t } from '../i18n/index.ts';

/** Line and column (1-based) of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** What V8's message says, in the catalogue's words. */
function reason(message: string): string {
  if (/Unexpected end of JSON input/i.test(message)) return t('json.end');
  if (/Expected double-quoted property name/i.test(message)) return t('json.propertyName');
  if (/Expected ',' or '}'/i.test(message)) return t('json.commaOrBrace');
  if (/Expected ',' or ']'/i.test(message)) return t('json.commaOrBracket');
  if (/Bad control character/i.test(message)) return t('json.control');
  if (/Unexpected non-whitespace character after JSON/i.test(message)) return t('json.after');
  const token = /Unexpected token '?(.)'?/.exec(message)?.[1];
  if (token) return t('json.token', { token });
  return t('json.other');
}

/** The Danish (or English) text of a JSON.parse error on `text` from `file`. */
export function jsonErrorText(file: string, text: string, e: Error): string {
  const pos = Number(/position (\d+)/.exec(e.message)?.[1] ?? Number.NaN);
  const offset = Number.isNaN(pos) ? text.length : pos;
  const { line, column } = lineColumn(text, offset);
  const shown = (text.split('\n')[line - 1] ?? '').replace(/\t/g, ' ');
  return t('config.notJson', {
    file,
    line,
    column,
    reason: reason(e.message),
    excerpt: `    ${shown}\n    ${' '.repeat(Math.max(0, column - 1))}^`,
  });
}
