import type { Logger } from 'pino';
import { findByAadObjectId, findPerson, type Directory, type DirectoryPerson } from '../domain/directory';
import type { GraphPerson } from '../graph/graph-people';

/** Someone a reminder goes to: a directory person, or a manager known only to Entra ID. */
export interface Recipient {
  id: string;
  name: string;
  email: string | null;
  aadObjectId: string;
  roles: string[];
}

export function recipientOf(person: DirectoryPerson): Recipient {
  return { id: person.id, name: person.name, email: person.email || null, aadObjectId: person.aadObjectId, roles: person.roles };
}

/** The shape ProactiveNotifier takes; a Graph-only manager has no roles or estates here. */
export function asDirectoryPerson(r: Recipient): DirectoryPerson {
  return { id: r.id, name: r.name, email: r.email ?? '', aadObjectId: r.aadObjectId, roles: r.roles, estates: [], managerId: null };
}

export interface ManagerLookup {
  managerOf(aadObjectId: string): Promise<GraphPerson | null>;
}

/**
 * Who hears when an officer misses a deadline: their line manager, one step up the
 * directory's managerId chain (EM -> AHM -> AD). When the directory names none, Entra ID's
 * manager is asked (Graph), and matched back to the directory where possible.
 * One resolver per sweep: a Graph answer is reused for every case of that officer.
 */
export class ManagerResolver {
  private readonly cache = new Map<string, Promise<Recipient | null>>();

  constructor(private readonly directory: Directory, private readonly graph: ManagerLookup | undefined, private readonly logger: Logger) {}

  managerOf(officer: DirectoryPerson): Promise<Recipient | null> {
    let found = this.cache.get(officer.id);
    if (!found) {
      found = this.lookUp(officer);
      this.cache.set(officer.id, found);
    }
    return found;
  }

  private async lookUp(officer: DirectoryPerson): Promise<Recipient | null> {
    const manager = findPerson(this.directory, officer.managerId);
    if (manager) return recipientOf(manager);
    if (!this.graph) return null;
    try {
      const m = await this.graph.managerOf(officer.aadObjectId);
      if (!m) return null;
      const known = findByAadObjectId(this.directory, m.aadObjectId);
      return known ? recipientOf(known) : { id: `entra:${m.aadObjectId}`, name: m.name, email: m.email, aadObjectId: m.aadObjectId, roles: [] };
    } catch (err) {
      // Not "no manager": the notice is not claimed, so a later sweep asks again.
      this.logger.warn({ err, officer: officer.id }, 'could not read the officer\'s manager from Microsoft Graph');
      throw err;
    }
  }
}
