/**
 * What the user typed in a table filter: a case-insensitive substring, or a regular expression when
 * written /like this/ (flags allowed: /^orders$/i). A broken expression is reported, not thrown.
 */
export type CompiledFilter =
  | { readonly kind: 'all' }
  | {
      readonly kind: 'match';
      readonly test: (value: string) => boolean;
      /** For a substring filter, the lowercased text: tells when one filter narrows another. */
      readonly needle?: string;
    }
  | { readonly kind: 'error'; readonly message: string };

const REGEX_SYNTAX = /^\/(.*)\/([a-z]*)$/s;

export function compileFilter(text: string): CompiledFilter {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'all' };
  const regex = REGEX_SYNTAX.exec(trimmed);
  if (regex !== null) {
    const [, source = '', flags = ''] = regex;
    // g and y make test() stateful (lastIndex), which would skip every other matching row.
    const safeFlags = flags.replace(/[gy]/g, '');
    try {
      const pattern = new RegExp(source, safeFlags);
      return { kind: 'match', test: (value) => pattern.test(value) };
    } catch (error) {
      return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
    }
  }
  const needle = trimmed.toLowerCase();
  return { kind: 'match', test: (value) => value.toLowerCase().includes(needle), needle };
}
