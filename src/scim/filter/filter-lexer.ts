import { invalidFilter } from '../errors/scim-error.js';

/** One lexical token of a filter, with the 1-based position it starts at (for error details). */
export type FilterToken =
  | { readonly kind: 'word'; readonly text: string; readonly position: number }
  | { readonly kind: 'string'; readonly value: string; readonly position: number }
  | { readonly kind: 'number'; readonly value: number; readonly text: string; readonly position: number }
  | { readonly kind: '(' | ')' | '[' | ']'; readonly position: number }
  | { readonly kind: 'end'; readonly position: number };

/** The longest filter accepted, in characters (advertised nowhere, but bounded so parsing cost is bounded). */
export const MAX_FILTER_LENGTH = 4096;

const WORD_CHAR = /[A-Za-z0-9_:$.\-]/;
const NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/;

/** Splits a filter into tokens: words (attribute paths, operators, keywords), JSON strings and numbers, brackets. */
export function tokenizeFilter(text: string): FilterToken[] {
  if (text.length > MAX_FILTER_LENGTH) {
    throw invalidFilter(`Filter is ${text.length} characters long; at most ${MAX_FILTER_LENGTH} are accepted`);
  }
  const tokens: FilterToken[] = [];
  let index = 0;
  while (index < text.length) {
    const char = text[index]!;
    const position = index + 1;
    if (char === ' ' || char === '\t' || char === '\n' || char === '\r') {
      index += 1;
    } else if (char === '(' || char === ')' || char === '[' || char === ']') {
      tokens.push({ kind: char, position });
      index += 1;
    } else if (char === '"') {
      const end = closingQuote(text, index);
      tokens.push({ kind: 'string', value: decodeString(text.slice(index, end + 1), position), position });
      index = end + 1;
    } else if (/[-0-9]/.test(char) && NUMBER.test(text.slice(index)) && !startsWord(text, index)) {
      const match = NUMBER.exec(text.slice(index))![0];
      tokens.push({ kind: 'number', value: Number(match), text: match, position });
      index += match.length;
    } else if (WORD_CHAR.test(char)) {
      let end = index;
      while (end < text.length && WORD_CHAR.test(text[end]!)) end += 1;
      tokens.push({ kind: 'word', text: text.slice(index, end), position });
      index = end;
    } else {
      throw invalidFilter(`Unexpected character '${char}' at position ${position}`);
    }
  }
  tokens.push({ kind: 'end', position: text.length + 1 });
  return tokens;
}

/** A number is only a number when it is not the start of a longer word (`2fa` is a word). */
function startsWord(text: string, index: number): boolean {
  const match = NUMBER.exec(text.slice(index))![0];
  const next = text[index + match.length];
  return next !== undefined && /[A-Za-z_:$]/.test(next);
}

function closingQuote(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i += 1) {
    if (text[i] === '\\') i += 1;
    else if (text[i] === '"') return i;
  }
  throw invalidFilter(`Unterminated string starting at position ${open + 1}`);
}

/** Decodes a JSON string literal (RFC 7644 §3.4.2.2: compValue strings are JSON strings). */
function decodeString(literal: string, position: number): string {
  try {
    return JSON.parse(literal) as string;
  } catch {
    throw invalidFilter(`Invalid string literal at position ${position}: use JSON escapes such as \\" and \\u00e9`);
  }
}
