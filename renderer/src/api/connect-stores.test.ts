import { afterEach, describe, expect, it } from 'vitest';
import { snapshotToBytes } from '../../../shared/snapshot-wire';
import type { ApiEvents, BinaryEventName, BrokerscopeApi, EventName } from '../../../shared/api-contract';
import { localEngineClient } from '../engine/engine-client';
import { resetSnapshotStore, useSnapshotStore } from '../state/snapshot-store';
import { demoSnapshot } from '../test/demo-snapshot';
import { connectStores } from './connect-stores';

/** A transport whose events the test pushes by hand, with or without the bridge's binary events. */
function transport(withBytes: boolean) {
  const objects = new Map<EventName, ((payload: never) => void)[]>();
  const binary: ((bytes: Uint8Array) => void)[] = [];
  const api: BrokerscopeApi = {
    request: () => Promise.reject(new Error('not used here')),
    subscribe<E extends EventName>(event: E, listener: (payload: ApiEvents[E]) => void) {
      objects.set(event, [...(objects.get(event) ?? []), listener as (payload: never) => void]);
      return () => undefined;
    },
    ...(withBytes
      ? {
          subscribeBytes(event: BinaryEventName, listener: (bytes: Uint8Array) => void) {
            if (event === 'snapshot') binary.push(listener);
            return () => undefined;
          },
        }
      : {}),
  };
  return { api, objectListeners: (event: EventName) => objects.get(event) ?? [], binary };
}

describe('connectStores', () => {
  afterEach(() => resetSnapshotStore());

  it('hands snapshots the bridge keeps as bytes to the view engine unread, and never subscribes to them as objects', () => {
    const { api, objectListeners, binary } = transport(true);
    connectStores(api, localEngineClient());
    expect(objectListeners('snapshot')).toHaveLength(0);
    expect(binary).toHaveLength(1);
    // The bridge's bytes are the snapshot as the main process sends it (snapshot-wire.ts).
    binary[0]?.(snapshotToBytes(demoSnapshot()));
    expect(useSnapshotStore.getState().latest.demo?.model.totals.partitions).toBe(5);
  });

  it('takes snapshots as objects from a transport without binary events', () => {
    const { api, objectListeners } = transport(false);
    connectStores(api, localEngineClient());
    const [listener] = objectListeners('snapshot');
    (listener as (payload: ApiEvents['snapshot']) => void)(demoSnapshot());
    expect(useSnapshotStore.getState().latest.demo?.model.totals.partitions).toBe(5);
  });
});
