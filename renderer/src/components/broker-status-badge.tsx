import { BROKER_STATUS_LABELS, type BrokerStatus } from '../../../shared/broker-rows';

const STATUS_GLYPHS: Record<BrokerStatus, string> = { ok: '✓', fenced: '⊘', missing: '✕' };
const STATUS_PILLS: Record<BrokerStatus, string> = { ok: 'pill pill-ok', fenced: 'pill pill-critical', missing: 'pill pill-critical' };
const STATUS_TITLES: Record<BrokerStatus, string> = {
  ok: 'Registered and serving',
  fenced: 'Fenced by the controller: not serving, not eligible for leadership',
  missing: 'Not registered: an assignment or the quorum names it, but no such broker is in the cluster',
};

export function BrokerStatusBadge({ status }: { readonly status: BrokerStatus }) {
  return (
    <span className={STATUS_PILLS[status]} title={STATUS_TITLES[status]} data-testid="broker-status" data-status={status}>
      <span aria-hidden="true">{STATUS_GLYPHS[status]} </span>
      {BROKER_STATUS_LABELS[status]}
    </span>
  );
}
