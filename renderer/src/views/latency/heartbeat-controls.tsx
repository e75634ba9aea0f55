import { useState, type ReactNode } from 'react';
import type { BrokerscopeApi } from '../../../../shared/api-contract';
import { HEARTBEAT_RUN_STATE_LABELS, type HeartbeatRunState, type HeartbeatStatus } from '../../../../shared/broker-health';
import type { HeartbeatCoverage, HeartbeatFixPlan } from '../../../../shared/heartbeat-coverage';
import { useCurrentApi } from '../../api/current-api';
import { formatClock, formatDurationMs } from '../../format/units';
import { applyHeartbeatStatus } from '../../state/broker-health-store';
import { InlineConfirm } from '../../components/inline-confirm';

const STATE_PILLS: Record<HeartbeatRunState, string> = {
  off: 'pill',
  starting: 'pill pill-warning',
  running: 'pill pill-ok',
  stopping: 'pill pill-warning',
  error: 'pill pill-critical',
};

type Confirming = 'enable' | 'fix' | 'delete' | null;

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
const brokerList = (ids: readonly number[]): string => `${ids.length === 1 ? 'broker' : 'brokers'} ${ids.join(', ')}`;

function fixSummary(plan: HeartbeatFixPlan): string {
  const parts = [
    plan.createPartitions.length > 0 ? `added ${plan.createPartitions.length} partitions` : null,
    plan.reassign.length > 0 ? `reassigned ${plan.reassign.length} partitions` : null,
    plan.electPreferred.length > 0 ? `elected preferred leaders of ${plan.electPreferred.length} partitions` : null,
  ].filter((p) => p !== null);
  return parts.length === 0 ? 'Nothing needed changing.' : `Done: ${parts.join(', ')}.`;
}

function CoverageFacts({ status }: { readonly status: HeartbeatStatus }) {
  const coverage: HeartbeatCoverage | null = status.coverage;
  if (coverage === null) {
    return (
      <p className="muted" data-testid="heartbeat-coverage" data-fix-needed="unknown">
        {status.topicExists === false ? 'The topic does not exist; turning the heartbeat on creates it.' : 'Coverage not known yet (the topic has not been seen by a poll).'}
      </p>
    );
  }
  const gaps: ReactNode[] = [];
  if (coverage.uncoveredBrokers.length > 0)
    gaps.push(
      <li key="uncovered" data-testid="heartbeat-uncovered" data-broker-ids={coverage.uncoveredBrokers.join(',')}>
        Not probed: {brokerList(coverage.uncoveredBrokers)} (no heartbeat partition has them as preferred leader)
      </li>,
    );
  if (coverage.notLeadingBrokers.length > 0)
    gaps.push(
      <li key="not-leading" data-testid="heartbeat-not-leading" data-broker-ids={coverage.notLeadingBrokers.join(',')}>
        Not leading their heartbeat partition: {brokerList(coverage.notLeadingBrokers)}
      </li>,
    );
  if (coverage.misplacedPartitions.length > 0)
    gaps.push(
      <li key="misplaced" data-testid="heartbeat-misplaced">
        Misplaced partitions (replica on a departed broker or wrong replication factor): {coverage.misplacedPartitions.join(', ')}
      </li>,
    );
  return (
    <div data-testid="heartbeat-coverage" data-fix-needed={coverage.fixNeeded}>
      {gaps.length === 0 ? (
        <p className="muted">Every live broker leads a heartbeat partition (replication factor {coverage.replicationFactor}).</p>
      ) : (
        <ul className="plain-list severity-warning">{gaps}</ul>
      )}
    </div>
  );
}

/**
 * Shows the heartbeat's state and coverage and turns it on and off. Everything that writes to the
 * cluster (turning it on, fixing coverage, deleting the topic) asks first, inline, naming the topic.
 */
export function HeartbeatControls({ clusterKey, status }: { readonly clusterKey: string; readonly status: HeartbeatStatus | null }) {
  const api = useCurrentApi();
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const [typedTopic, setTypedTopic] = useState('');

  if (status === null) return <p className="empty" data-testid="heartbeat-status" data-state="unknown">No heartbeat status from the backend yet.</p>;

  const run = (what: string, action: (api: BrokerscopeApi) => Promise<string | null>): void => {
    if (api === null) {
      setError(`${what}: not connected to the backend`);
      return;
    }
    setPending(true);
    setError(null);
    setResult(null);
    action(api)
      .then((message) => {
        setConfirming(null);
        setTypedTopic('');
        setResult(message);
      })
      .catch((e: unknown) => setError(`${what} failed: ${messageOf(e)}`))
      .finally(() => setPending(false));
  };

  const setEnabled = (enabled: boolean): void =>
    run(enabled ? 'Turning the heartbeat on' : 'Turning the heartbeat off', async (a) => {
      applyHeartbeatStatus(await a.request('setHeartbeat', { clusterKey, enabled, topic: status.topic }));
      return null;
    });
  const fixCoverage = (): void =>
    run('Fixing heartbeat coverage', async (a) => {
      const fixed = await a.request('fixHeartbeatCoverage', { clusterKey, confirm: true });
      applyHeartbeatStatus(fixed.status);
      return fixSummary(fixed.plan);
    });
  const deleteTopic = (): void =>
    run(`Deleting ${status.topic}`, async (a) => {
      const deleted = await a.request('deleteHeartbeatTopic', { clusterKey, topic: status.topic, confirmTopic: typedTopic });
      return deleted.deleted ? `Deleted topic ${deleted.topic}.` : `Topic ${deleted.topic} was not deleted.`;
    });
  const ask = (what: Confirming): void => {
    setConfirming(what);
    setError(null);
    setResult(null);
    setTypedTopic('');
  };

  const disabled = pending || api === null;
  return (
    <div className="heartbeat-controls" data-testid="heartbeat-status" data-state={status.state} data-enabled={status.enabled}>
      <div className="heartbeat-line">
        <button
          type="button"
          role="switch"
          aria-checked={status.enabled}
          className={status.enabled ? 'switch switch-on' : 'switch'}
          data-testid="heartbeat-toggle"
          data-enabled={status.enabled}
          disabled={disabled}
          title={api === null ? 'Not connected to the backend' : undefined}
          onClick={() => (status.enabled ? setEnabled(false) : ask('enable'))}
        >
          <span aria-hidden="true">{status.enabled ? '● ' : '○ '}</span>
          heartbeat {status.enabled ? 'on' : 'off'}
        </button>
        <span className={STATE_PILLS[status.state]} data-testid="heartbeat-state" data-state={status.state}>
          {HEARTBEAT_RUN_STATE_LABELS[status.state]}
          {status.since !== null && ` since ${formatClock(status.since)}`}
        </span>
        <span>
          topic <code data-testid="heartbeat-topic">{status.topic}</code>
          {status.topicExists === false && <span className="muted"> (does not exist)</span>}
        </span>
        <span className="muted">every {formatDurationMs(status.intervalMs)}</span>
        {status.coverage?.fixNeeded === true && (
          <button type="button" data-testid="heartbeat-fix" disabled={disabled} onClick={() => ask('fix')}>
            Fix coverage…
          </button>
        )}
        {!status.enabled && status.topicExists === true && (
          <button type="button" className="danger" data-testid="heartbeat-delete" disabled={disabled} onClick={() => ask('delete')}>
            Delete topic…
          </button>
        )}
      </div>
      {status.error !== null && (
        <p className="severity-critical" data-testid="heartbeat-error">
          {status.error}
        </p>
      )}
      <CoverageFacts status={status} />

      {confirming === 'enable' && (
        <InlineConfirm
          label="Turn the heartbeat on"
          testId="heartbeat-confirm"
          yesTestId="heartbeat-confirm-yes"
          cancelTestId="heartbeat-confirm-cancel"
          yesLabel={`Turn on and write to ${status.topic}`}
          disabled={disabled}
          onYes={() => setEnabled(true)}
          onCancel={() => setConfirming(null)}
        >
          Turning the heartbeat on <strong>writes to cluster {clusterKey}</strong>: it creates the topic <code>{status.topic}</code> if it does not exist (one
          partition led by each broker) and produces a small message to it every {formatDurationMs(status.intervalMs)}.
        </InlineConfirm>
      )}
      {confirming === 'fix' && (
        <InlineConfirm
          label="Fix heartbeat coverage"
          testId="heartbeat-fix-confirm"
          yesTestId="heartbeat-fix-confirm-yes"
          cancelTestId="heartbeat-fix-cancel"
          yesLabel={`Fix coverage of ${status.topic}`}
          disabled={disabled}
          onYes={fixCoverage}
          onCancel={() => setConfirming(null)}
        >
          This changes topic <code>{status.topic}</code> on cluster {clusterKey}: it may add partitions, reassign replicas and elect preferred leaders so every live
          broker is probed.
        </InlineConfirm>
      )}
      {confirming === 'delete' && (
        <div className="inline-confirm" role="dialog" aria-label="Delete the heartbeat topic" data-testid="heartbeat-delete-confirm">
          <label>
            Type <code>{status.topic}</code> to delete it from cluster {clusterKey}:{' '}
            <input data-testid="heartbeat-delete-input" value={typedTopic} onChange={(e) => setTypedTopic(e.target.value)} autoComplete="off" spellCheck={false} />
          </label>{' '}
          <button type="button" className="danger" data-testid="heartbeat-delete-confirm-yes" disabled={disabled || typedTopic !== status.topic} onClick={deleteTopic}>
            Delete topic
          </button>{' '}
          <button type="button" data-testid="heartbeat-delete-cancel" onClick={() => setConfirming(null)}>
            Cancel
          </button>
        </div>
      )}
      {pending && <p className="muted">Working…</p>}
      {error !== null && (
        <p className="severity-critical" role="alert" data-testid="heartbeat-request-error">
          {error}
        </p>
      )}
      {result !== null && (
        <p className="severity-ok" data-testid="heartbeat-result">
          {result}
        </p>
      )}
    </div>
  );
}
