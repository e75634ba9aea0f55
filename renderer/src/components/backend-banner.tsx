import { DISCONNECTED_MESSAGE } from '../api/websocket-api';
import { useBackendStore } from '../state/backend-store';

/** The page cannot reach its own backend: everything below is the last thing it heard. */
export function BackendBanner() {
  const connection = useBackendStore((s) => s.connection);
  const detail = useBackendStore((s) => s.detail);
  if (connection === 'connected') return null;
  if (connection === 'connecting') {
    return (
      <div className="banner banner-warning" role="status" data-testid="backend-connecting">
        Connecting to the app backend…
      </div>
    );
  }
  return (
    <div className="banner banner-critical" role="alert" data-testid="backend-disconnected">
      {DISCONNECTED_MESSAGE[0]?.toUpperCase()}
      {DISCONNECTED_MESSAGE.slice(1)}; retrying. What you see is the last data received.
      {detail !== null && <span className="muted"> ({detail})</span>}
    </div>
  );
}
