import type { Client } from '@microsoft/microsoft-graph-client';
import { graphStatusOf } from './graph-status';

export interface GraphPerson {
  aadObjectId: string;
  name: string;
  /** mail, or the user principal name when the account has no mailbox address. */
  email: string | null;
}

/**
 * Who is who from Entra ID, for what the directory file does not say: a person's line
 * manager (and the manager's email). Optional: used only when the bot has an identity.
 */
export class GraphPeople {
  constructor(private readonly client: Client) {}

  /** The person's manager, or null when Entra ID records none (Graph answers 404). */
  async managerOf(aadObjectId: string): Promise<GraphPerson | null> {
    try {
      const m = await this.client.api(`/users/${encodeURIComponent(aadObjectId)}/manager`).select(['id', 'displayName', 'mail', 'userPrincipalName']).get() as
        { id?: string; displayName?: string; mail?: string | null; userPrincipalName?: string | null };
      if (!m.id) return null;
      return { aadObjectId: m.id, name: m.displayName ?? m.mail ?? m.id, email: m.mail ?? m.userPrincipalName ?? null };
    } catch (err) {
      if (graphStatusOf(err) === 404) return null;
      throw err;
    }
  }
}
