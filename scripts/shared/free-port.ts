/**
 * A port on 127.0.0.1 that nothing listens on: the system picks it, and it is let go at once for the caller's server.
 */
import net from 'node:net';

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
