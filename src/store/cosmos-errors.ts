import { StoreError } from './store-errors';

/**
 * Turns what @azure/cosmos throws into errors a person can act on. The SDK throws HTTP
 * failures as ErrorResponse (numeric `code` = status) and network failures as RestError
 * or TimeoutError (string `code` such as ECONNREFUSED); both carry long diagnostics that
 * would bury the one thing that matters: which endpoint, and what to check.
 */

interface CosmosLikeError { code?: unknown; statusCode?: unknown; message?: unknown; retryAfterInMs?: unknown }

function fields(err: unknown): CosmosLikeError {
  return typeof err === 'object' && err !== null ? err : {};
}

/** HTTP status of an SDK error, or undefined for a network-level failure. */
export function statusOf(err: unknown): number | undefined {
  const { code, statusCode } = fields(err);
  if (typeof code === 'number') return code;
  if (typeof statusCode === 'number' && statusCode > 0) return statusCode;
  return undefined;
}

/** Network-level error code (ECONNREFUSED, ECONNRESET, TimeoutError...), if any. */
export function networkCodeOf(err: unknown): string | undefined {
  const { code } = fields(err);
  return typeof code === 'string' ? code : undefined;
}

const TRANSIENT_NETWORK_CODES = new Set([
  'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNABORTED', 'ECONNREFUSED', 'EAI_AGAIN', 'TimeoutError', 'REQUEST_SEND_ERROR',
]);

/**
 * Failures worth trying again: the service said "not now" (503, 408, 449) or the
 * connection broke. 429 is not here: the SDK already retried it up to the configured
 * limits, and retrying again would exceed them.
 */
export function isTransient(err: unknown): boolean {
  const status = statusOf(err);
  if (status !== undefined) return status === 503 || status === 408 || status === 449 || status === 410;
  const code = networkCodeOf(err);
  return code !== undefined && TRANSIENT_NETWORK_CODES.has(code);
}

/**
 * Whether a failed write may still have been applied: the request left but no answer came
 * back (dropped connection, timeout). A 503 or a refused connection means it was not.
 */
export function outcomeUnknown(err: unknown): boolean {
  const status = statusOf(err);
  if (status !== undefined) return status === 408;
  const code = networkCodeOf(err);
  return code !== undefined && code !== 'ECONNREFUSED' && code !== 'EAI_AGAIN';
}

function shortMessage(err: unknown): string {
  const { message } = fields(err);
  const text = typeof message === 'string' ? message : String(err);
  // The SDK appends a JSON diagnostics blob after the first line; keep the first line.
  const first = text.split('\n')[0] ?? text;
  return first.length > 200 ? `${first.slice(0, 200)}...` : first;
}

/** The error to throw for a failure talking to Cosmos DB while doing `action`. */
export function describeCosmosError(err: unknown, endpoint: string, action: string): StoreError {
  if (err instanceof StoreError) return err;
  const status = statusOf(err);
  const code = networkCodeOf(err);
  const at = `Cosmos DB at ${endpoint}`;
  const { name } = err instanceof Error ? err : { name: '' };
  if (name === 'CredentialUnavailableError' || name === 'AuthenticationError' || name === 'AggregateAuthenticationError') {
    return new StoreError('STORE.AUTH', `Could not get a Microsoft Entra ID token for ${at} while ${action}. Check that a managed identity is enabled on this host (and, for a user-assigned one, that its client id is configured), or configure an account key. Detail: ${shortMessage(err)}`, { cause: err });
  }
  if (status === 401) {
    return new StoreError('STORE.AUTH', `${at} rejected the credentials while ${action} (401 Unauthorized). Check that the account key belongs to this account and has not been rotated, or, with managed identity, that the identity can get a token for this account.`, { cause: err });
  }
  if (status === 403) {
    return new StoreError('STORE.AUTH', `${at} refused access while ${action} (403 Forbidden). With managed identity, check that the identity has a Cosmos DB data-plane role (e.g. Cosmos DB Built-in Data Contributor) on the account; also check the account firewall. Detail: ${shortMessage(err)}`, { cause: err });
  }
  if (status === 429) {
    return new StoreError('STORE.THROTTLED', `${at} kept throttling requests (429 Too Many Requests) while ${action}, beyond the configured retry limits. Raise the provisioned or autoscale RU/s, or the retry limits. Nothing further was written by this operation.`, { cause: err });
  }
  if (status === 404) {
    return new StoreError('STORE.NOT_PROVISIONED', `${at}: a database or container was not found while ${action}. Create it (see docs/storage.md) or let the app create it with a key. Detail: ${shortMessage(err)}`, { cause: err });
  }
  if (status !== undefined && status >= 500) {
    return new StoreError('STORE.UNAVAILABLE', `${at} was unavailable (${status}) while ${action}, after retrying. Try again later; check the Azure status page if it persists.`, { cause: err });
  }
  if (code === 'TimeoutError') {
    return new StoreError('STORE.UNAVAILABLE', `${at} did not answer in time while ${action}. Check the endpoint URL, network access (firewall, private endpoint, proxy) and the account's status.`, { cause: err });
  }
  if (code !== undefined) {
    return new StoreError('STORE.UNAVAILABLE', `Could not reach ${at} while ${action} (${code}). Check the endpoint URL and that this host can reach it (DNS, firewall, private endpoint).`, { cause: err });
  }
  if (status !== undefined) {
    return new StoreError('STORE.UNAVAILABLE', `${at} failed while ${action} (${status}): ${shortMessage(err)}`, { cause: err });
  }
  return new StoreError('STORE.UNAVAILABLE', `${at} failed while ${action}: ${shortMessage(err)}`, { cause: err });
}
