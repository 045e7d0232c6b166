import { startApp } from '../../src/app';
import { loadConfigFromEnvironment } from '../../src/config';

/**
 * The production start (src/index.ts) with one difference, for the soak's authentication
 * checks: the Bot Framework's signing keys are read from a local issuer
 * (SOAK_OPENID_METADATA_URL, served by test/support/fake-openid.ts), so that genuinely signed
 * tokens and forged ones can be told apart. The app itself has no such setting, on purpose.
 */
const openIdMetadataUrl = process.env.SOAK_OPENID_METADATA_URL;
if (!openIdMetadataUrl) throw new Error('SOAK_OPENID_METADATA_URL is not set');
startApp(loadConfigFromEnvironment(), { botAuthentication: { openIdMetadataUrl } }).then((app) => {
  process.on('SIGTERM', () => { void app.close().then(() => process.exit(0)); });
}, (err: unknown) => {
  process.stderr.write(`The complaints bot could not start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
