import { findPerson, managersOf, peopleWithRole, type Directory, type DirectoryPerson } from './directory';
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
      const manager = managersOf(directory, about.personId && findPerson(directory, about.personId) ? about.personId : handler?.id)[0];
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

/**
 * Who takes a complaint escalated to the next stage: the routing rules' officer for that
 * stage, unless they handled an earlier stage of this complaint (the Code: stage 2 is a fresh
 * look by someone else). Then the first line manager above the current handler who has not.
 */
export function routeEscalation(policy: Policy, directory: Directory, input: RoutingInput & {
  fromStage: number; currentHandlerId: string | null; earlierHandlerIds: readonly string[];
}): RoutingResult {
  const nextStage = input.fromStage + 1;
  const routed = routeComplaint(policy, directory, input, nextStage);
  if (!routed.ok) return routed;
  if (!input.earlierHandlerIds.includes(routed.assignment.officer.id)) return routed;
  const manager = managersOf(directory, input.currentHandlerId).find((m) => !input.earlierHandlerIds.includes(m.id));
  if (!manager) {
    return noOfficer(`${routed.assignment.officer.name} handled stage ${input.fromStage} and the directory names nobody else for stage ${nextStage}.`);
  }
  return {
    ok: true,
    assignment: { stage: nextStage, officer: manager, reason: `stage ${nextStage} must not be handled by the stage ${input.fromStage} handler, so their manager handles it` },
  };
}
