import { sameBrokerRowState, type BrokerRow } from '../../../shared/broker-rows';
import { changeDetector } from '../../../shared/row-changes';
import { sameTopicRowState, type TopicRow } from '../../../shared/topic-rows';
import type { ClusterView } from '../engine/cluster-view';

/** Which rows changed since the previous poll: asked only for rows on screen (see changeDetector). */
export type ChangeDetector<Row> = (row: Row, index: number) => boolean;

/** Views are immutable and replaced whole, so the pair of views is the cache key. */
function memoizePerViewPair<T>(derive: (previous: ClusterView) => T): (previous: ClusterView, next: ClusterView) => T {
  const cache = new WeakMap<ClusterView, WeakMap<ClusterView, T>>();
  return (previous, next) => {
    let inner = cache.get(next);
    if (inner === undefined) {
      inner = new WeakMap();
      cache.set(next, inner);
    }
    if (inner.has(previous)) return inner.get(previous) as T;
    const value = derive(previous);
    inner.set(previous, value);
    return value;
  };
}

export const brokerChanges = memoizePerViewPair(
  (previous): ChangeDetector<BrokerRow> => changeDetector(previous.brokerRows, (r) => String(r.id), sameBrokerRowState),
);
export const topicChanges = memoizePerViewPair(
  (previous): ChangeDetector<TopicRow> => changeDetector(previous.topicRows, (r) => r.name, sameTopicRowState),
);
