import { brokerRows } from '../../../shared/broker-rows';
import { clusterOverview } from '../../../shared/cluster-overview';
import { clusterModelOf } from './cluster-model-memo';
import { memoizePerSnapshot } from './per-snapshot-memo';

/** Row builders from shared/, each run once per snapshot however many views show its rows. */
export const brokerRowsOf = memoizePerSnapshot((snapshot) => brokerRows(snapshot, clusterModelOf(snapshot)));
export const clusterOverviewOf = memoizePerSnapshot((snapshot) => clusterOverview(snapshot, clusterModelOf(snapshot)));
