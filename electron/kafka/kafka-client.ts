import { Kafka, logLevel, type SASLOptions } from 'kafkajs';
import type { ClusterProfile } from '../../shared/cluster-profile';
import { kafkaSocketFactory } from './socket-factory';

/**
 * A kafkajs client for one profile, configured the same way for the poll and the heartbeat: the
 * profile's credentials and timeouts, no kafkajs retry storms (callers own retrying), no console logging.
 */
export function createKafkaClient(profile: ClusterProfile, clientId: string): Kafka {
  const bootstrap = profile.bootstrap.split(',').map((s) => s.trim());
  return new Kafka({
    clientId,
    brokers: bootstrap,
    ssl: profile.ssl,
    socketFactory: kafkaSocketFactory,
    ...(profile.sasl ? { sasl: saslOptions(profile.sasl) } : {}),
    connectionTimeout: Math.min(profile.requestTimeoutMs, 3_000),
    authenticationTimeout: profile.requestTimeoutMs,
    requestTimeout: profile.requestTimeoutMs,
    // The poller owns retrying (with backoff); kafkajs only rotates through the bootstrap list once.
    retry: { retries: Math.max(0, bootstrap.length - 1), initialRetryTime: 100, maxRetryTime: 500 },
    // kafkajs logs connection failures (with broker addresses) to the console; the app reports them instead.
    logLevel: logLevel.NOTHING,
  });
}

function saslOptions(sasl: NonNullable<ClusterProfile['sasl']>): SASLOptions {
  return { mechanism: sasl.mechanism, username: sasl.username, password: sasl.password } as SASLOptions;
}
