export interface BrokerAddress {
  readonly host: string;
  readonly port: number;
}

/** A hostname, an IPv4 address, or a bracketed IPv6 address. */
const HOST = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*)$/;

/**
 * Parses a Kafka bootstrap list ("host:port,host:port"). Errors name the entry, its position and
 * what is wrong with it, because that is what a person fixes.
 */
export function parseBootstrap(text: string): BrokerAddress[] {
  const trimmed = text.trim();
  if (trimmed === '') throw new Error('Bootstrap address list is empty: expected HOST:PORT[,HOST:PORT…]');
  const entries = trimmed.split(',').map((e) => e.trim());
  return entries.map((entry, index) => {
    const where = entries.length > 1 ? ` (entry ${index + 1} of "${trimmed}")` : '';
    if (entry === '') throw new Error(`Bootstrap address list has an empty entry${where}: expected HOST:PORT`);
    const colon = entry.lastIndexOf(':');
    if (colon <= 0) throw new Error(`Bootstrap address "${entry}"${where} has no port: expected HOST:PORT`);
    const host = entry.slice(0, colon);
    const portText = entry.slice(colon + 1);
    if (!HOST.test(host)) throw new Error(`Bootstrap address "${entry}"${where} has an invalid host "${host}"`);
    if (!/^\d{1,5}$/.test(portText)) throw new Error(`Bootstrap address "${entry}"${where} has an invalid port "${portText}": expected a number`);
    const port = Number(portText);
    if (port < 1 || port > 65535) throw new Error(`Bootstrap address "${entry}"${where} has port ${port} out of range 1-65535`);
    return { host, port };
  });
}

export function formatAddress(address: BrokerAddress): string {
  return `${address.host}:${address.port}`;
}
