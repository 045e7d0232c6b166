import { hasRole, managersOf, type Directory, type DirectoryPerson } from '../directory';
import { stageOf, type Policy } from '../policy';
import type { CaseFile } from './command';

/**
 * How a member of staff stands to a case, from the directory and the stored case (never from
 * a card): the handler (responsible officer now), one of the handler's line managers, or the
 * Performance and Information Manager who keeps the Complaints Log.
 */
export interface CaseRelation {
  isHandler: boolean;
  isManager: boolean;
  isPim: boolean;
}

export function relationTo(file: CaseFile, person: DirectoryPerson, directory: Directory): CaseRelation {
  const handlerId = file.view.assignedTo;
  return {
    isHandler: handlerId !== null && handlerId === person.id,
    isManager: managersOf(directory, handlerId).some((m) => m.id === person.id),
    isPim: hasRole(person, 'PIM'),
  };
}

/** The role that decides unacceptable-behaviour proposals: the stage 2 handler's (the AD). */
export function behaviourDeciderRole(policy: Policy): string {
  return stageOf(policy, 2)?.handlerRole ?? 'AD';
}

/**
 * Whether anyone's decisions may wait for this person: they manage someone (extensions and
 * refusals to escalate go to the handler's managers) or they decide behaviour reports.
 */
export function decidesForOthers(person: DirectoryPerson, directory: Directory, policy: Policy): boolean {
  return directory.people.some((p) => p.managerId === person.id) || hasRole(person, behaviourDeciderRole(policy));
}
