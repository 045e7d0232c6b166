import { createHttpsServer } from '@vercel/cosmosdb-server';

// The local Cosmos DB server as its own process (see cosmos-process.ts): prints its port.
// keepAlive: without it the server answers "Connection: close", and every request pays for a
// new TLS handshake (about two thirds of the CPU of the fan-out test).
const server = createHttpsServer({ keepAlive: true });
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`LISTENING ${typeof address === 'object' && address ? address.port : 0}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
