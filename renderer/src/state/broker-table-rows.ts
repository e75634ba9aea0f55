import type { BrokerHealthReport, BrokerHealthRow } from '../../../shared/broker-health';
import type { BrokerRow } from '../../../shared/broker-rows';

/** A broker row from the snapshot with its health row from the latest report beside it (null when none). */
export interface BrokerTableRow extends BrokerRow {
  readonly health: BrokerHealthRow | null;
}

const cache = new WeakMap<readonly BrokerRow[], WeakMap<BrokerHealthReport, readonly BrokerTableRow[]>>();
const noReport = new WeakMap<readonly BrokerRow[], readonly BrokerTableRow[]>();

/**
 * Joins by broker id only; everything in both halves was derived in shared/. Cached per (rows,
 * report) pair so the table sees stable row objects between renders.
 */
export function brokerTableRows(rows: readonly BrokerRow[], report: BrokerHealthReport | null): readonly BrokerTableRow[] {
  if (report === null) {
    let joined = noReport.get(rows);
    if (joined === undefined) {
      joined = rows.map((row) => ({ ...row, health: null }));
      noReport.set(rows, joined);
    }
    return joined;
  }
  let perReport = cache.get(rows);
  if (perReport === undefined) {
    perReport = new WeakMap();
    cache.set(rows, perReport);
  }
  let joined = perReport.get(report);
  if (joined === undefined) {
    const byId = new Map(report.brokers.map((b) => [b.brokerId, b]));
    joined = rows.map((row) => ({ ...row, health: byId.get(row.id) ?? null }));
    perReport.set(report, joined);
  }
  return joined;
}
