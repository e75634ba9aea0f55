import { describe, expect, it } from 'vitest';
import { combinedConnection } from './backend-store';

const up = { connection: 'connected', detail: null } as const;

describe('combinedConnection', () => {
  it('is connected only when both the page and the snapshot stream are', () => {
    expect(combinedConnection(up, up)).toEqual(up);
  });

  it('says the snapshot stream is down when only it is, so frozen views are not shown as live', () => {
    expect(combinedConnection(up, { connection: 'disconnected', detail: 'code 1006' })).toEqual({
      connection: 'disconnected',
      detail: 'snapshot stream: code 1006',
    });
  });

  it("reports the page's own disconnect as it is", () => {
    const down = { connection: 'disconnected', detail: 'code 1001' } as const;
    expect(combinedConnection(down, { connection: 'connecting', detail: null })).toEqual(down);
  });
});
