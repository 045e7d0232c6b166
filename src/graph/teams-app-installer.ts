import type { Client } from '@microsoft/microsoft-graph-client';
import { graphStatusOf } from './graph-status';

export type InstallResult =
  | { ok: true; outcome: 'installed' | 'already-installed' }
  | { ok: false; status: number | undefined; reason: string };

/**
 * Installs the bot's Teams app for a person (POST /users/{id}/teamwork/installedApps), so
 * that they can be messaged before they ever opened the bot. Teams then sends the bot an
 * installationUpdate, and the bot stores the conversation; the message itself is sent later.
 */
export class TeamsAppInstaller {
  constructor(private readonly client: Client, private readonly graphBaseUrl: string, private readonly catalogAppId: string) {}

  async installFor(aadObjectId: string): Promise<InstallResult> {
    try {
      await this.client.api(`/users/${encodeURIComponent(aadObjectId)}/teamwork/installedApps`).post({
        'teamsApp@odata.bind': `${this.graphBaseUrl.replace(/\/+$/, '')}/appCatalogs/teamsApps/${encodeURIComponent(this.catalogAppId)}`,
      });
      return { ok: true, outcome: 'installed' };
    } catch (err) {
      const status = graphStatusOf(err);
      if (status === 409) return { ok: true, outcome: 'already-installed' };
      return { ok: false, status, reason: installFailure(status, err) };
    }
  }
}

function installFailure(status: number | undefined, err: unknown): string {
  switch (status) {
    case 403: return 'Graph refused the install (403): grant the app TeamsAppInstallation.ReadWriteForUser.All, and check the Teams app policy allows it';
    case 404: return 'Graph found no such user or app (404): check TEAMS_APP_CATALOG_ID and that the person is in this tenant';
    default: return `the install failed (${status ?? 'no answer'}): ${err instanceof Error ? err.message : String(err)}`;
  }
}
