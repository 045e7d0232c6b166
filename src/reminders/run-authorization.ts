import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * POST /api/reminders/run is for an outside scheduler (a Logic App, a cron job) holding
 * REMINDER_RUN_SECRET. The secret is compared in constant time, on digests so that its
 * length does not leak either.
 */
export function isAuthorizedRun(authorization: string | undefined, secret: string): boolean {
  const m = /^Bearer (.+)$/.exec(authorization?.trim() ?? '');
  if (!m?.[1]) return false;
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(m[1]), digest(secret));
}
