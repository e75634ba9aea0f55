import { describe, expect, it } from 'vitest';
import { instanceMappingSchema, parseInstanceMappingFile, resolveHostPattern, resolveStatic } from './instance-mapping';

describe('instance mapping', () => {
  const entries = parseInstanceMappingFile(
    {
      instances: [
        { host: 'kafka-7.internal', instanceId: 'i-host', zone: 'eu-west-1c' },
        { broker: 7, instanceId: 'i-0abc', zone: 'eu-west-1a', instanceType: 'm7g.xlarge' },
      ],
    },
    'instances.json',
  );

  it('maps a broker by id before by host', () => {
    expect(resolveStatic(entries, 7, 'kafka-7.internal')).toEqual({ brokerId: 7, instanceId: 'i-0abc', zone: 'eu-west-1a', instanceType: 'm7g.xlarge', source: 'static' });
    expect(resolveStatic(entries, 8, 'kafka-7.internal')?.instanceId).toBe('i-host');
    expect(resolveStatic(entries, 9, 'other')).toBeNull();
  });

  it('reads instance id and zone from a host name with named groups', () => {
    const pattern = /^ip-[\d-]+\.(?<zone>[a-z]+-[a-z]+-\d[a-z])\.compute\.internal$|^(?<instanceId>i-[0-9a-f]+)\.(?<zone2>\w+)/;
    expect(resolveHostPattern(/^(?<instanceId>i-[0-9a-f]+)\.(?<zone>[a-z0-9-]+)\.kafka$/, 1, 'i-0123abcd.us-east-1b.kafka')).toEqual({
      brokerId: 1,
      instanceId: 'i-0123abcd',
      zone: 'us-east-1b',
      instanceType: null,
      source: 'host-pattern',
    });
    expect(resolveHostPattern(pattern, 1, 'no-match')).toBeNull();
  });

  it('reads the instance type from its named group, unknown when the host name does not carry one', () => {
    const pattern = /^(?<instanceId>i-[0-9a-f]+)\.(?<zone>[a-z0-9-]+)(?:\.(?<instanceType>[a-z0-9]+-[a-z0-9]+))?\.kafka$/;
    expect(resolveHostPattern(pattern, 1, 'i-0abc.eu-west-1a.m7g-xlarge.kafka')).toMatchObject({ instanceId: 'i-0abc', zone: 'eu-west-1a', instanceType: 'm7g-xlarge' });
    expect(resolveHostPattern(pattern, 2, 'i-0def.eu-west-1b.kafka')).toMatchObject({ instanceId: 'i-0def', zone: 'eu-west-1b', instanceType: null });
    // A PTR name goes through the same pattern; the answer says it came from reverse DNS.
    expect(resolveHostPattern(pattern, 3, 'i-0123.eu-west-1c.c7g-large.kafka', 'reverse-dns')).toEqual({
      brokerId: 3,
      instanceId: 'i-0123',
      zone: 'eu-west-1c',
      instanceType: 'c7g-large',
      source: 'reverse-dns',
    });
  });

  it('keeps the instance type of a mapping-file entry, and leaves it unknown when the entry has none', () => {
    expect(resolveStatic(entries, 7, null)?.instanceType).toBe('m7g.xlarge');
    expect(resolveStatic(entries, 8, 'kafka-7.internal')?.instanceType).toBeNull();
  });

  it('explains what is wrong with a configuration or a mapping file', () => {
    expect(instanceMappingSchema.safeParse({ hostPattern: '^(?<id>.*)$' }).error?.issues[0]?.message).toMatch(/named group \(\?<instanceId>/);
    expect(instanceMappingSchema.safeParse({ hostPattern: '([' }).error?.issues[0]?.message).toMatch(/not a valid regular expression/);
    expect(() => parseInstanceMappingFile({ instances: [{ instanceId: 'i-1' }] }, 'm.json')).toThrow(/Invalid instance mapping in m.json: instances.0: each entry needs "broker" \(id\) or "host"/);
  });
});
