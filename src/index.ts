import { ConfigError, loadConfigFromEnvironment } from './config';
import { startApp } from './app';
import { startWhenStoreOpens } from './start-when-store-opens';

/** Production start (`npm start`, as App Service runs it): config from the environment. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfigFromEnvironment();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\nSee .env.example for every setting.\n`);
      process.exit(2);
    }
    throw err;
  }
  // A store that cannot be opened yet (a read-only or full data folder, Cosmos DB unreachable)
  // keeps the process up and not ready, trying again, instead of exiting.
  const app = await startWhenStoreOpens(config, startApp, {
    onFatal: (err) => {
      process.stderr.write(`The complaints bot could not start: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    },
  });
  const stop = (signal: string) => {
    app.logger.info({ signal }, 'shutting down');
    void app.close().then(() => process.exit(0));
  };
  process.on('SIGTERM', () => { stop('SIGTERM'); });
  process.on('SIGINT', () => { stop('SIGINT'); });
}

main().catch((err: unknown) => {
  process.stderr.write(`The complaints bot could not start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
