import { findPerson, peopleWithRole, type Directory, type DirectoryPerson } from './directory';
import { stageOf, type Policy } from './policy';

/**
 * Who handles a complaint: the stage's role for the estate (or the substitute the policy
 * names for the service area, e.g. property matters), unless the complaint is about the
 * person who would handle it. Then, per the policy, it goes to their line manager at the
 * same stage, or starts at the next stage (seed 000: a complaint about an AHM goes to the AD).
 */
export interface RoutingInput {
  estate: string;
  serviceArea: string;
  /** The member of staff complained about, if any: their role, and their directory id if known. */
  aboutStaff: { role: string; personId: string | null } | null;
}

export interface Assignment {
  stage: number;
  officer: DirectoryPerson;
  /** Plain words for the case history: why this officer. */
  reason: string;
}

export type RoutingResult = { ok: true; assignment: Assignment } | { ok: false; code: 'ROUTING.NO_OFFICER'; message: string };

export function routeComplaint(policy: Policy, directory: Directory, input: RoutingInput, stageNumber = 1): RoutingResult {
  let stage = stageNumber;
  let role = roleFor(policy, stage, input.serviceArea);
  if (!role) return noOfficer(`Policy "${policy.id}" has no stage ${stage}.`);
  const about = input.aboutStaff;
  let reason = `${role} for ${input.estate} handles stage ${stage}`;

  if (about && about.role === role) {
    if (policy.complaintAboutHandler === 'next-stage' && stageOf(policy, stage + 1)) {
      stage += 1;
      role = roleFor(policy, stage, input.serviceArea) ?? role;
      reason = `the complaint is about the ${about.role}, so it starts at stage ${stage} with the ${role}`;
    } else {
      const handler = pick(peopleWithRole(directory, role, input.estate), about.personId);
      const manager = findPerson(directory, (about.personId ? findPerson(directory, about.personId) : handler)?.managerId);
      if (!manager) return noOfficer(`The complaint is about the ${role} for ${input.estate}, and the directory names no line manager to handle it instead.`);
      return { ok: true, assignment: { stage, officer: manager, reason: `the complaint is about the ${role}, so their manager handles stage ${stage}` } };
    }
  }
  const officer = pick(peopleWithRole(directory, role, input.estate), about?.personId ?? null);
  if (!officer) return noOfficer(`The directory has no ${role} for ${input.estate}. Ask the administrator to add one to the directory.`);
  return { ok: true, assignment: { stage, officer, reason } };
}

/** The role handling a stage for a service area, after the policy's substitutes. */
export function roleFor(policy: Policy, stageNumber: number, serviceArea: string): string | undefined {
  const stage = stageOf(policy, stageNumber);
  return stage ? stage.substituteHandlers[serviceArea] ?? stage.handlerRole : undefined;
}

/** The first candidate who is not the person complained about. */
function pick(candidates: DirectoryPerson[], excludeId: string | null): DirectoryPerson | undefined {
  return candidates.find((p) => p.id !== excludeId);
}

function noOfficer(message: string): RoutingResult {
  return { ok: false, code: 'ROUTING.NO_OFFICER', message };
}
