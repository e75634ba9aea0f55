import { useState } from 'react';
import type { LatencyHistory } from '../../../../shared/broker-health';
import { useCurrentApi } from '../../api/current-api';

/**
 * The pushed series keeps only the flagged and slowest brokers; this asks once for every broker's
 * kept points. The answer is a still picture: the panel says so and offers to go back to live.
 */
export function LatencyHistoryButton({ clusterKey, onLoaded }: { readonly clusterKey: string; readonly onLoaded: (history: LatencyHistory) => void }) {
  const api = useCurrentApi();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const load = (): void => {
    if (api === null) {
      setError('Loading every broker failed: not connected to the backend');
      return;
    }
    setPending(true);
    setError(null);
    api
      .request('getLatencyHistory', { clusterKey })
      .then((history) => {
        if (history === null) setError('The backend keeps no latency history for this cluster yet');
        else onLoaded(history);
      })
      .catch((e: unknown) => setError(`Loading every broker failed: ${e instanceof Error ? e.message : String(e)}`))
      .finally(() => setPending(false));
  };
  return (
    <>
      <button type="button" className="link" data-testid="latency-load-all" disabled={pending || api === null} onClick={load}>
        {pending ? 'loading…' : 'show every broker'}
      </button>
      {error !== null && (
        <span className="severity-critical" role="alert" data-testid="latency-history-error">
          {' '}
          {error}
        </span>
      )}
    </>
  );
}
