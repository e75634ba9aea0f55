import net from 'node:net';
import tls from 'node:tls';
import type { ISocketFactory } from 'kafkajs';

const KEEP_ALIVE_MS = 60_000;

/**
 * kafkajs's sockets, as its own factory makes them (TCP keep-alive, SNI for host names), with one
 * fix: `unref()` on a socket that is already destroyed does nothing. Node's `Socket#unref` on a
 * socket without a handle waits for a `connect` that a destroyed socket never emits, by adding a
 * listener; kafkajs unrefs on every disconnect, and disconnects a broker's idle connections each
 * time it fails to reach that broker. While a broker is down, its last failed socket would gain a
 * listener per poll for as long as the outage lasts.
 */
export const kafkaSocketFactory: ISocketFactory = ({ host, port, ssl, onConnect }) => {
  const socket = ssl ? tls.connect({ host, port, ...(net.isIP(host) === 0 ? { servername: host } : {}), ...ssl }, onConnect) : net.connect({ host, port }, onConnect);
  socket.setKeepAlive(true, KEEP_ALIVE_MS);
  const unref = socket.unref.bind(socket);
  socket.unref = () => (socket.destroyed ? socket : unref());
  return socket;
};
