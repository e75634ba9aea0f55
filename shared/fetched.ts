/**
 * A value the gateway tried to fetch. A field that could not be fetched carries the reason
 * instead of a silent zero, so every view can say "unknown" rather than lie.
 */
export type Fetched<T> =
  | { readonly status: 'ok'; readonly value: T }
  | { readonly status: 'missing'; readonly error: string };

export function ok<T>(value: T): Fetched<T> {
  return { status: 'ok', value };
}

export function missing<T = never>(error: string): Fetched<T> {
  return { status: 'missing', error };
}

export function valueOr<T, D>(field: Fetched<T>, fallback: D): T | D {
  return field.status === 'ok' ? field.value : fallback;
}
