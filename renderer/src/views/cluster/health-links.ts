import type { HealthReason, HealthReasonCode } from '../../../../shared/cluster-health';
import type { ViewRoute } from '../../navigation/view-route';

type RouteTarget = Partial<ViewRoute> | null;

const toBrokers = (reason: HealthReason): RouteTarget => ({ tab: 'brokers', selected: null, brokers: reason.brokers });
const toBrokersIfAny = (reason: HealthReason): RouteTarget => (reason.brokers.length > 0 ? toBrokers(reason) : null);

/** Where each health reason's rows live; exhaustive so a new reason cannot ship without a destination. */
export const HEALTH_REASON_LINKS: Record<HealthReasonCode, (reason: HealthReason) => RouteTarget> = {
  NO_QUORUM_LEADER: () => null,
  QUORUM_UNKNOWN: () => null,
  BROKERS_MISSING: toBrokers,
  BROKERS_FENCED: toBrokers,
  OFFLINE_PARTITIONS: () => ({ tab: 'topics', selected: null, partitions: 'offline' }),
  UNDER_MIN_ISR_PARTITIONS: () => ({ tab: 'topics', selected: null, partitions: 'under-min-isr' }),
  MIN_ISR_UNKNOWN: () => ({ tab: 'topics', selected: null, partitions: null }),
  UNDER_REPLICATED_PARTITIONS: () => ({ tab: 'topics', selected: null, partitions: 'under-replicated' }),
  PREFERRED_LEADER_IMBALANCE: toBrokers,
  INCOMPLETE_POLL: toBrokers,
  // The rules and their own links are in the deployment rules section, on the same tab.
  DEPLOYMENT_RULES_FAILED: () => null,
  BROKERS_OFFLINE: toBrokers,
  BROKERS_RECOVERING: toBrokers,
  SLOW_BROKER: toBrokers,
  FLAPPING_ISR: toBrokers,
  // The heartbeat probe has no view of its own yet; its reasons carry their brokers in the label line.
  HEARTBEAT_FAILING: toBrokersIfAny,
  HEARTBEAT_MESSAGES_LOST: toBrokersIfAny,
  HEARTBEAT_MESSAGES_LATE: toBrokersIfAny,
  HEARTBEAT_COVERAGE_GAP: toBrokersIfAny,
  HEARTBEAT_ERROR: () => null,
};

export const HEALTH_REASON_LINK_TEXT: Record<HealthReasonCode, string> = {
  NO_QUORUM_LEADER: '',
  QUORUM_UNKNOWN: '',
  BROKERS_MISSING: 'show brokers',
  BROKERS_FENCED: 'show brokers',
  OFFLINE_PARTITIONS: 'show partitions',
  UNDER_MIN_ISR_PARTITIONS: 'show partitions',
  MIN_ISR_UNKNOWN: 'show topics',
  UNDER_REPLICATED_PARTITIONS: 'show partitions',
  PREFERRED_LEADER_IMBALANCE: 'show brokers',
  INCOMPLETE_POLL: 'show brokers',
  DEPLOYMENT_RULES_FAILED: '',
  BROKERS_OFFLINE: 'show brokers',
  BROKERS_RECOVERING: 'show brokers',
  SLOW_BROKER: 'show brokers',
  FLAPPING_ISR: 'show brokers',
  HEARTBEAT_FAILING: 'show brokers',
  HEARTBEAT_MESSAGES_LOST: 'show brokers',
  HEARTBEAT_MESSAGES_LATE: 'show brokers',
  HEARTBEAT_COVERAGE_GAP: 'show brokers',
  HEARTBEAT_ERROR: '',
};
