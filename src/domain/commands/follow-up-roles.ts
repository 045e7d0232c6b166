import { findPerson, hasRole, type Directory, type DirectoryPerson } from '../directory';
import type { TrackedItem } from '../case-state';
import type { CaseFile, CommandContext } from './command';
import { relationTo } from './case-relations';

/**
 * Who follows a case up after its response: its handler, the handler's managers, the PIM
 * (who keeps the log and answers the Ombudsman), and, for one item, the person it is owned by.
 */
export function followsUp(file: CaseFile, actor: DirectoryPerson, ctx: CommandContext, item?: TrackedItem): boolean {
  const r = relationTo(file, actor, ctx.directory);
  return r.isHandler || r.isManager || r.isPim || item?.ownerId === actor.id;
}

/** The items of one source still running (not done), oldest promise first. */
export function openItems(file: CaseFile, source: TrackedItem['source']): TrackedItem[] {
  return Object.values(file.view.items).filter((i) => i.source === source && i.doneOn === null);
}

/** An owner named for a remedy or order who is not in the directory, if any: nobody could be reminded. */
export function unknownOwner(items: ReadonlyArray<{ ownerId?: string }>, directory: Directory): string | undefined {
  return items.find((i) => i.ownerId !== undefined && !findPerson(directory, i.ownerId))?.ownerId;
}

/** Whether a person may act on any of these items. */
export function mayActOnAny(file: CaseFile, actor: DirectoryPerson, ctx: CommandContext, items: readonly TrackedItem[]): boolean {
  return items.some((i) => followsUp(file, actor, ctx, i)) || hasRole(actor, 'PIM');
}
