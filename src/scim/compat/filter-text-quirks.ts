import type { QuirkLog } from './quirk.js';

const OPERATOR_THEN_BAREWORD = /(^|[\s(])((?:eq|ne|co|sw|ew|gt|ge|lt|le)\s+)([^\s"()[\]]+)(?=$|[\s)\]])/gi;
const LITERAL = /^(true|false|null|-?\d+(\.\d+)?([eE][+-]?\d+)?)$/i;

/**
 * Quotes comparison values written without quotes (`externalId eq jyoung`, as in Entra's documentation).
 * The RFC grammar never allows a bare word after a comparison operator, so this changes only filters that
 * would otherwise be rejected; quoted strings are left untouched.
 */
export function quoteBarewordValues(filter: string, quirks: QuirkLog): string {
  let result = '';
  let index = 0;
  while (index < filter.length) {
    const quote = filter.indexOf('"', index);
    const end = quote === -1 ? filter.length : quote;
    result += quoteSegment(filter.slice(index, end), quirks);
    if (quote === -1) break;
    const closing = closingQuote(filter, quote);
    result += filter.slice(quote, closing + 1);
    index = closing + 1;
  }
  return result;
}

function quoteSegment(segment: string, quirks: QuirkLog): string {
  return segment.replace(OPERATOR_THEN_BAREWORD, (match: string, lead: string, operator: string, word: string) => {
    if (LITERAL.test(word)) return match;
    quirks.add('unquoted-filter-value');
    return `${lead}${operator}${JSON.stringify(word)}`;
  });
}

/** Index of the quote closing the string opened at `open` (or the last index when it never closes). */
function closingQuote(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i += 1) {
    if (text[i] === '\\') i += 1;
    else if (text[i] === '"') return i;
  }
  return text.length - 1;
}
