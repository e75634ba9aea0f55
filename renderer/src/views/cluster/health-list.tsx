import { HEALTH_REASON_LABELS, type HealthReason } from '../../../../shared/cluster-health';
import { navigate } from '../../navigation/route-store';
import { HEALTH_REASON_LINK_TEXT, HEALTH_REASON_LINKS } from './health-links';

export function HealthList({ reasons }: { readonly reasons: readonly HealthReason[] }) {
  if (reasons.length === 0) {
    return (
      <p className="pill pill-ok" data-testid="health-ok">
        Healthy: no reasons to worry
      </p>
    );
  }
  return (
    <ul className="plain-list" data-testid="health-reasons">
      {reasons.map((reason) => {
        const target = HEALTH_REASON_LINKS[reason.code](reason);
        return (
          <li key={reason.code} data-testid="health-reason" data-code={reason.code} data-severity={reason.severity} data-count={reason.count}>
            <span className={`pill pill-${reason.severity}`}>{reason.severity}</span>{' '}
            <strong data-testid="health-reason-count">{reason.count.toLocaleString('en-US')}</strong> {HEALTH_REASON_LABELS[reason.code]}
            {reason.brokers.length > 0 && <span className="muted"> (brokers {reason.brokers.join(', ')})</span>}
            {reason.notes.length > 0 && <span className="muted" data-testid="health-reason-notes">: {reason.notes.join('; ')}</span>}
            {target !== null && (
              <>
                {' '}
                <button type="button" className="link" data-testid="health-reason-link" onClick={() => navigate(target)}>
                  {HEALTH_REASON_LINK_TEXT[reason.code]}
                </button>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}
