import type { CalendarDate } from '../calendar-date';
import type { CorrespondenceDirection } from '../case-events';
import { actsOnCase } from '../case-access';
import { notPermitted, timelineAccepts, type CaseCommand } from './command';

/**
 * A file (an email saved as PDF, a scanned letter, a photo of damp) attached to the case as
 * correspondence, once the file store has kept it: its id, name, size and content hash, the
 * way it went and its own date. Only those who act on the case attach or see its files.
 * (Issue 14: the bot's "Add a file" action and Teams file uploads call this next.)
 */
export interface AttachCorrespondenceInput {
  fileId: string; fileName: string; contentType: string; size: number; sha256: string;
  direction: CorrespondenceDirection; dated: CalendarDate; description: string;
}

export const attachCorrespondence: CaseCommand<AttachCorrespondenceInput> = {
  allowed(file, actor, ctx) {
    if (!actsOnCase(file, actor, ctx.directory)) return notPermitted('Only the people who act on this case attach its correspondence.');
    return timelineAccepts(file, {
      type: 'correspondence-attached', on: ctx.today, fileId: 'probe', fileName: 'probe', contentType: 'application/pdf', size: 1, sha256: '0'.repeat(64),
      direction: 'other', dated: ctx.today, description: '',
    }, actor, ctx);
  },
  events: (_file, _actor, input, ctx) => ({ ok: true, events: [{ type: 'correspondence-attached', on: ctx.today, ...input }] }),
};
