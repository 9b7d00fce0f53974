import { createServer, type Server } from "node:net";

function listenOnAnyPort(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      if (address === null || typeof address === "string") {
        reject(new Error("listen(0) gave no TCP port"));
        return;
      }
      resolve(address.port);
    });
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

/**
 * `count` distinct TCP ports on 127.0.0.1 that were free a moment ago.
 *
 * All listeners stay open until every port is chosen, so the ports differ from each other. Another
 * process can still take one before the caller binds it; callers start services right away.
 * @example const [brokerPort, controllerPort] = await freePorts(2);
 */
export async function freePorts(count: number): Promise<number[]> {
  const servers = Array.from({ length: count }, () => createServer());
  try {
    return await Promise.all(servers.map(listenOnAnyPort));
  } finally {
    await Promise.all(servers.map(close));
  }
}
