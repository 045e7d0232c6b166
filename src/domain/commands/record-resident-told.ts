import type { CalendarDate } from '../calendar-date';
import type { ContactMethod, TellAbout } from '../case-events';
import { notPermitted, type CaseCommand } from './command';
import { relationTo } from './case-relations';

/**
 * A member of staff records that the resident was told of a decision (an approved extension,
 * a refused escalation, restrictions): how, and on which day. Until someone does, the case
 * says the resident is still to be told, and the handler is reminded.
 */
export interface RecordResidentToldInput {
  about: TellAbout;
  method: ContactMethod;
  on: CalendarDate;
  /** What was sent or said, in the staff member's words; kept in the event. */
  note: string;
}

export const recordResidentTold: CaseCommand<RecordResidentToldInput> = {
  allowed(file, actor, ctx) {
    const r = relationTo(file, actor, ctx.directory);
    if (!r.isHandler && !r.isManager) return notPermitted('Only the handler or their managers record what the resident was told.');
    if (!file.view.toTell.length) return notPermitted('There is no decision the resident has still to be told of.');
    return null;
  },
  events: (_file, _actor, input) => ({
    ok: true,
    events: [{ type: 'resident-told', on: input.on, about: input.about, method: input.method, ...(input.note.trim() ? { why: input.note.trim() } : {}) }],
  }),
};
