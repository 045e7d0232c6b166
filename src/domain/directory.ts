/**
 * Who is who, as the rules see it: people, their roles (EM, AHM, AD, PIM...), the estates
 * or service areas they cover, and their line manager. Loaded from a directory file or
 * Microsoft Graph outside the domain; the domain only reads it.
 */
export interface DirectoryPerson {
  /** Stable directory id, used in events (`by`) and assignments. */
  id: string;
  name: string;
  email: string;
  /** Entra (Azure AD) object id: how a Teams user is matched to a person. */
  aadObjectId: string;
  roles: string[];
  /** Estates covered; '*' covers every estate. */
  estates: string[];
  managerId: string | null;
}

export interface Directory {
  people: DirectoryPerson[];
  estates: string[];
}

export function findPerson(directory: Directory, id: string | null | undefined): DirectoryPerson | undefined {
  return id ? directory.people.find((p) => p.id === id) : undefined;
}

export function findByAadObjectId(directory: Directory, aadObjectId: string | undefined): DirectoryPerson | undefined {
  return aadObjectId ? directory.people.find((p) => p.aadObjectId.toLowerCase() === aadObjectId.toLowerCase()) : undefined;
}

export function hasRole(person: DirectoryPerson, role: string): boolean {
  return person.roles.includes(role);
}

export function coversEstate(person: DirectoryPerson, estate: string): boolean {
  return person.estates.includes('*') || person.estates.includes(estate);
}

/** The people holding a role for an estate, in directory order. */
export function peopleWithRole(directory: Directory, role: string, estate: string): DirectoryPerson[] {
  return directory.people.filter((p) => hasRole(p, role) && coversEstate(p, estate));
}

/**
 * The chain of line managers above a person: their manager, that manager's manager, and so
 * on (EM -> AHM -> AD -> ...). The one place the chain is worked out: extension and refusal
 * approvals, routing a complaint about a handler, who a card refreshes for, and who hears of
 * a missed deadline all read it. Stops at a loop or after ten steps.
 */
export function managersOf(directory: Directory, personId: string | null | undefined): DirectoryPerson[] {
  const chain: DirectoryPerson[] = [];
  let current = findPerson(directory, personId);
  while (current?.managerId && chain.length < 10) {
    const manager = findPerson(directory, current.managerId);
    if (!manager || manager.id === personId || chain.includes(manager)) break;
    chain.push(manager);
    current = manager;
  }
  return chain;
}
