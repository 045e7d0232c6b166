import { findPerson, hasRole, managersOf, peopleWithRole, type Directory, type DirectoryPerson } from '../domain/directory';
import { stageOf, type Policy } from '../domain/policy';

/**
 * Who `npm run dev` opens a chat for, one Agents Playground each: by default the officer who
 * handles the demo story's complaints, their line manager (who decides extensions), the AD
 * (who handles stage 2) and the PIM (who keeps the complaints log), each once. In the demo
 * directory Alex Morgan's line manager is the AD, Priya Shah, so that is three windows.
 */
export const DEFAULT_OFFICER_ID = 'alex.morgan';
const PIM_ROLE = 'PIM';

export function defaultPeople(directory: Directory, policy: Policy, officerId = DEFAULT_OFFICER_ID): string[] {
  const officer = findPerson(directory, officerId);
  if (!officer) return directory.people.slice(0, 1).map((p) => p.id);
  const stage2 = stageOf(policy, 2)?.handlerRole;
  const estate = officer.estates[0] ?? '*';
  const ad = stage2 ? peopleWithRole(directory, stage2, estate)[0] : undefined;
  const pim = directory.people.find((p) => hasRole(p, PIM_ROLE));
  const ids = [officer, managersOf(directory, officer.id)[0], ad, pim].filter((p): p is DirectoryPerson => p !== undefined).map((p) => p.id);
  return [...new Set(ids)];
}

/** What a person is in the story, for the line printed beside their chat's address. */
export function partOf(person: DirectoryPerson, directory: Directory, policy: Policy, officerId = DEFAULT_OFFICER_ID): string {
  const parts: string[] = [];
  const stage1 = stageOf(policy, 1)?.handlerRole;
  const stage2 = stageOf(policy, 2)?.handlerRole;
  const officer = findPerson(directory, officerId);
  if (person.id === officerId) parts.push(`the officer${stage1 && hasRole(person, stage1) ? ` (${stage1}): handles stage 1` : ''}`);
  if (officer && managersOf(directory, officer.id)[0]?.id === person.id) parts.push(`${officer.name}'s line manager: decides extensions`);
  if (stage2 && hasRole(person, stage2)) parts.push(`the ${stage2}: handles stage 2`);
  if (hasRole(person, PIM_ROLE)) parts.push('the PIM: keeps the complaints log');
  return parts.length ? parts.join('; ') : person.roles.join(', ');
}

export type PeopleChoice = { ok: true; ids: string[] | null } | { ok: false; message: string };

/**
 * `--people a,b,c` or `--as a` (one person) from the command line; null ids when neither is
 * given (the defaults). The ids are checked against the directory when it is known (checkPeople).
 */
export function peopleFromArgs(argv: readonly string[]): PeopleChoice {
  const value = (flag: string): string | undefined | null => {
    const i = argv.indexOf(flag);
    if (i < 0) return null;
    const next = argv[i + 1];
    return next && !next.startsWith('--') ? next : undefined;
  };
  const as = value('--as');
  const people = value('--people');
  if (as !== null && people !== null) return { ok: false, message: 'Give --as <person> (one chat) or --people <a,b,c> (several), not both.' };
  if (as === undefined) return { ok: false, message: '--as needs a person id, e.g. --as priya.shah.' };
  if (people === undefined) return { ok: false, message: '--people needs person ids separated by commas, e.g. --people alex.morgan,priya.shah.' };
  if (as !== null) return { ok: true, ids: [as] };
  if (people !== null) return { ok: true, ids: [...new Set(people.split(',').map((s) => s.trim()).filter(Boolean))] };
  return { ok: true, ids: null };
}

/** The people, each once, or what is wrong with the list, naming who is in the directory. */
export function checkPeople(ids: readonly string[], directory: Directory): { ok: true; people: DirectoryPerson[] } | { ok: false; message: string } {
  const unknown = ids.filter((id) => !findPerson(directory, id));
  if (unknown.length || ids.length === 0) {
    const who = unknown.length ? `No person ${unknown.map((id) => `"${id}"`).join(', ')} in the directory` : 'No people given';
    return { ok: false, message: `${who}. People: ${directory.people.map((p) => p.id).join(', ')}` };
  }
  return { ok: true, people: ids.map((id) => findPerson(directory, id)).filter((p): p is DirectoryPerson => p !== undefined) };
}
