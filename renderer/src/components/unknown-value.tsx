import type { ReactNode } from 'react';
import type { Fetched } from '../../../shared/fetched';

/** What the UI shows instead of a number it could not fetch: never a zero, always the reason on hover. */
export function UnknownValue({ error }: { readonly error: string }) {
  return (
    <span className="unknown" title={error} data-unknown="true">
      unknown
    </span>
  );
}

export function FetchedValue<T>({ value, render }: { readonly value: Fetched<T>; readonly render: (value: T) => ReactNode }) {
  return value.status === 'ok' ? <>{render(value.value)}</> : <UnknownValue error={value.error} />;
}
