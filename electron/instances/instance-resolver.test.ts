import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InstanceResolver } from './instance-resolver';

const brokers = [
  { id: 1, host: '10.1.2.3' },
  { id: 2, host: 'i-0b2.eu-west-1b.kafka' },
  { id: 3, host: '10.1.2.5' },
];

describe('InstanceResolver', () => {
  it('walks the chain: static file, then host pattern, then reverse DNS through the pattern', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'instances-'));
    writeFileSync(join(dir, 'instances.json'), JSON.stringify({ instances: [{ broker: 1, instanceId: 'i-0a1', zone: 'eu-west-1a' }] }));
    const lookups: string[] = [];
    const resolver = new InstanceResolver(
      { file: 'instances.json', hostPattern: '^(?<instanceId>i-[0-9a-f]+)\\.(?<zone>[a-z0-9-]+)\\.kafka$', reverseDns: true },
      {
        baseDir: dir,
        reverseLookup: async (ip) => {
          lookups.push(ip);
          return ip === '10.1.2.5' ? ['i-0c3.eu-west-1c.kafka'] : [];
        },
      },
    );
    await resolver.load();
    const result = await resolver.resolve(brokers);
    expect(result).toEqual([
      { brokerId: 1, instanceId: 'i-0a1', zone: 'eu-west-1a', instanceType: null, source: 'static' },
      { brokerId: 2, instanceId: 'i-0b2', zone: 'eu-west-1b', instanceType: null, source: 'host-pattern' },
      { brokerId: 3, instanceId: 'i-0c3', zone: 'eu-west-1c', instanceType: null, source: 'reverse-dns' },
    ]);
    await resolver.resolve(brokers);
    expect(lookups).toEqual(['10.1.2.5']); // cached
  });

  it('names the instance of a missing broker from its id in the mapping file: nothing else is known of it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'instances-'));
    writeFileSync(
      join(dir, 'instances.json'),
      JSON.stringify({ instances: [{ broker: 4, instanceId: 'i-0d4', zone: 'eu-west-1a' }, { host: '10.1.2.3', instanceId: 'i-host' }] }),
    );
    const resolver = new InstanceResolver({ file: 'instances.json', reverseDns: false }, { baseDir: dir });
    await resolver.load();
    expect(await resolver.resolve([{ id: 1, host: '10.1.2.3' }], [4, 5])).toEqual([
      { brokerId: 1, instanceId: 'i-host', zone: null, instanceType: null, source: 'static' },
      { brokerId: 4, instanceId: 'i-0d4', zone: 'eu-west-1a', instanceType: null, source: 'static' },
    ]);
  });

  it('refuses a broken mapping file at start, naming it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'instances-'));
    writeFileSync(join(dir, 'bad.json'), '{"instances": [{"broker": "one"}]}');
    const resolver = new InstanceResolver({ file: 'bad.json', reverseDns: false }, { baseDir: dir });
    await expect(resolver.load()).rejects.toThrow(/Cannot load instance mapping .*bad\.json: Invalid instance mapping/);
  });
});
