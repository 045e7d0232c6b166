import { userInfo } from 'node:os';

/** The operating-system user running the admin command line, named in the events it records (who did it). */
export function adminUser(): string {
  try {
    return userInfo().username || 'unknown user';
  } catch {
    return 'unknown user';
  }
}
