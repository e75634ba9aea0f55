import { afterEach, describe, expect, it } from 'vitest';
import { snapshotToWire } from '../../../shared/snapshot-wire';
import type { ApiEvents, BrokerscopeApi, EventName, TextEventName } from '../../../shared/api-contract';
import { localEngineClient } from '../engine/engine-client';
import { resetSnapshotStore, useSnapshotStore } from '../state/snapshot-store';
import { demoSnapshot } from '../test/demo-snapshot';
import { connectStores } from './connect-stores';

/** A transport whose events the test pushes by hand, with or without the bridge's text events. */
function transport(withText: boolean) {
  const objects = new Map<EventName, ((payload: never) => void)[]>();
  const texts: ((json: string) => void)[] = [];
  const api: BrokerscopeApi = {
    request: () => Promise.reject(new Error('not used here')),
    subscribe<E extends EventName>(event: E, listener: (payload: ApiEvents[E]) => void) {
      objects.set(event, [...(objects.get(event) ?? []), listener as (payload: never) => void]);
      return () => undefined;
    },
    ...(withText
      ? {
          subscribeText(event: TextEventName, listener: (json: string) => void) {
            if (event === 'snapshot') texts.push(listener);
            return () => undefined;
          },
        }
      : {}),
  };
  return { api, objectListeners: (event: EventName) => objects.get(event) ?? [], texts };
}

describe('connectStores', () => {
  afterEach(() => resetSnapshotStore());

  it('hands snapshots the bridge keeps as JSON text to the view engine unparsed, and never subscribes to them as objects', () => {
    const { api, objectListeners, texts } = transport(true);
    connectStores(api, localEngineClient());
    expect(objectListeners('snapshot')).toHaveLength(0);
    expect(texts).toHaveLength(1);
    // The bridge's text is the snapshot as the main process sends it: in columns (snapshot-wire.ts).
    texts[0]?.(JSON.stringify(snapshotToWire(demoSnapshot())));
    expect(useSnapshotStore.getState().latest.demo?.model.totals.partitions).toBe(5);
  });

  it('takes snapshots as objects from a transport without text events', () => {
    const { api, objectListeners } = transport(false);
    connectStores(api, localEngineClient());
    const [listener] = objectListeners('snapshot');
    (listener as (payload: ApiEvents['snapshot']) => void)(demoSnapshot());
    expect(useSnapshotStore.getState().latest.demo?.model.totals.partitions).toBe(5);
  });
});
