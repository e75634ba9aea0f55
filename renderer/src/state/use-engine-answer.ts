import { useEffect, useState } from 'react';
import type { EngineAnswer, EngineRequest } from '../engine/engine-protocol';
import { useEngine } from './engine-store';

/**
 * The engine's answer to a request, asked again on every new poll (`version`); undefined until the
 * first answer arrives, then the latest answer until a newer one replaces it.
 */
export function useEngineAnswer<R extends EngineRequest>(request: R | null, version: number | null): EngineAnswer<R> | undefined {
  const engine = useEngine();
  const key = request === null ? null : JSON.stringify(request);
  const [answer, setAnswer] = useState<{ key: string; value: EngineAnswer<R> } | null>(null);
  useEffect(() => {
    if (engine === null || key === null) return undefined;
    let live = true;
    engine
      .ask(JSON.parse(key) as R)
      .then((value) => {
        if (live) setAnswer({ key, value });
      })
      .catch((error: unknown) => console.warn('Brokerscope: view engine request failed:', error));
    return () => {
      live = false;
    };
  }, [engine, key, version]);
  return answer !== null && answer.key === key ? answer.value : undefined;
}
