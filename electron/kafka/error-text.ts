/**
 * One line that says what failed and why, from whatever kafkajs or the protocol layer threw.
 * kafkajs wraps the cause of repeated failures (KafkaJSNumberOfRetriesExceeded → originalError);
 * the innermost cause is what a person can act on.
 */
export function errorText(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; depth < 5; depth += 1) {
    const cause = current instanceof Error ? (current as Error & { originalError?: unknown }).originalError : undefined;
    if (cause === undefined || cause === null) break;
    current = cause;
  }
  if (current instanceof Error) {
    const type = (current as Error & { type?: unknown }).type;
    const message = current.message.replace(/\s+/g, ' ').trim();
    return typeof type === 'string' && type !== 'UNKNOWN' && !message.includes(type) ? `${type}: ${message}` : message;
  }
  return String(current);
}

export class TimeoutError extends Error {
  override readonly name = 'TimeoutError';
}

/** Rejects after `ms` with a message naming what took too long; never leaves a timer behind. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`${what} timed out after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
