import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { BrokerRow } from '../../../shared/broker-rows';
import type { ClusterView } from '../engine/cluster-view';
import { navigate } from '../navigation/route-store';
import { selectCluster, useClustersStore } from '../state/clusters-store';
import { useSnapshotStore } from '../state/snapshot-store';
import { compileFilter } from '../table/text-filter';

interface JumpTarget {
  readonly kind: 'broker' | 'topic';
  readonly clusterKey: string;
  readonly clusterName: string;
  readonly id: string;
  readonly label: string;
  readonly detail: string;
}

const MAX_RESULTS = 50;

const targetCache = new WeakMap<ClusterView, readonly JumpTarget[]>();

/** Where a broker is, as the jump box lists it: address, rack, and the instance, zone and instance type it runs on. */
function brokerDetail(row: BrokerRow): string {
  const place = row.host === null ? 'not registered' : `${row.host}:${row.port ?? ''}`;
  return [place, row.rack, row.instance?.instanceId, row.instance?.zone, row.instance?.instanceType].filter((part) => part !== null && part !== undefined).join(' · ');
}

// Brokers from the view's rows: a missing broker is a target too, and what the instance resolver found is searchable.
const jumpTargets = ({ snapshot, brokerRows }: ClusterView): readonly JumpTarget[] => [
  ...brokerRows.map((row) => ({
    kind: 'broker' as const,
    clusterKey: snapshot.clusterKey,
    clusterName: snapshot.profileName,
    id: String(row.id),
    label: `broker ${row.id}`,
    detail: brokerDetail(row),
  })),
  ...snapshot.topics.map((t) => ({
    kind: 'topic' as const,
    clusterKey: snapshot.clusterKey,
    clusterName: snapshot.profileName,
    id: t.name,
    label: t.name,
    detail: `${t.partitionCount} partitions`,
  })),
];

/** Built once per poll of each cluster, however often the dialog filters them. */
function targetsOf(view: ClusterView): readonly JumpTarget[] {
  let targets = targetCache.get(view);
  if (targets === undefined) {
    targets = jumpTargets(view);
    targetCache.set(view, targets);
  }
  return targets;
}

function go(target: JumpTarget): void {
  selectCluster(target.clusterKey);
  navigate({ tab: target.kind === 'broker' ? 'brokers' : 'topics', cluster: target.clusterKey, selected: target.id, partitions: null, brokers: null, cell: null, blast: null });
}

/** Ctrl/Cmd+K: any broker or topic of any cluster, by name, address, rack or instance (text or /regex/). */
export function JumpBox() {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent): void => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setOpen((o) => !o);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <>
      <button type="button" className="jump-hint" data-testid="jump-open" onClick={() => setOpen(true)} title="Jump to a broker or topic">
        Jump to… <span className="kbd">Ctrl K</span>
      </button>
      {open && <JumpDialog onClose={() => setOpen(false)} />}
    </>
  );
}

function JumpDialog({ onClose }: { readonly onClose: () => void }) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const latest = useSnapshotStore((s) => s.latest);
  const order = useClustersStore((s) => s.order);
  const selected = useClustersStore((s) => s.selectedClusterKey);
  const filter = useMemo(() => compileFilter(query), [query]);

  const results = useMemo(() => {
    if (filter.kind !== 'match') return [];
    // The selected cluster first, then the others: the same topic name in several clusters is common.
    const keys = [...order].sort((a, b) => Number(b === selected) - Number(a === selected));
    const found: JumpTarget[] = [];
    for (const key of keys) {
      const view = latest[key];
      if (view === undefined) continue;
      for (const target of targetsOf(view)) {
        if (filter.test(target.label) || filter.test(target.detail)) found.push(target);
        if (found.length >= MAX_RESULTS) return found;
      }
    }
    return found;
  }, [filter, latest, order, selected]);

  useEffect(() => inputRef.current?.focus(), []);

  const choose = (target: JumpTarget | undefined): void => {
    if (target === undefined) return;
    go(target);
    onClose();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Escape') onClose();
    else if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((a) => Math.min(a + 1, results.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (event.key === 'Enter') choose(results[active]);
  };

  return (
    <div className="jump-backdrop" onClick={onClose} data-testid="jump-box">
      <div className="jump-dialog" role="dialog" aria-label="Jump to a broker or topic" onClick={(e) => e.stopPropagation()}>
        <input
          ref={inputRef}
          className="dt-filter jump-input"
          data-testid="jump-input"
          placeholder="Broker id, host, rack, instance or topic (text or /regex/)"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          spellCheck={false}
          aria-invalid={filter.kind === 'error'}
        />
        {filter.kind === 'error' && (
          <p className="severity-critical" role="alert">
            Invalid regular expression: {filter.message}
          </p>
        )}
        <ul className="jump-results" role="listbox">
          {results.map((target, i) => (
            <li
              key={`${target.clusterKey}:${target.kind}:${target.id}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'jump-active' : undefined}
              data-testid="jump-result"
              data-kind={target.kind}
              data-cluster={target.clusterKey}
              data-id={target.id}
              onMouseEnter={() => setActive(i)}
              onClick={() => choose(target)}
            >
              <span className="pill">{target.kind}</span> <strong>{target.label}</strong> <span className="muted">{target.detail}</span>
              {order.length > 1 && <span className="muted"> · {target.clusterName}</span>}
            </li>
          ))}
          {filter.kind === 'match' && results.length === 0 && <li className="muted">No broker or topic matches.</li>}
        </ul>
      </div>
    </div>
  );
}
