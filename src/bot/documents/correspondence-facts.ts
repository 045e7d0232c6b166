import { z } from 'zod';
import type { CalendarDate } from '../../domain/calendar-date';
import { CORRESPONDENCE_DIRECTIONS, type CorrespondenceDirection } from '../../domain/case-events';
import { pastDate, text } from '../actions/form-fields';

/**
 * What a person says of a file, on the "Add a file" form and on the card for a file sent in the
 * chat alike: its date, which way it went, and a line about it (input ids on, channel, text).
 */
export const DIRECTION_CHOICES: Record<CorrespondenceDirection, string> = {
  'from-resident': 'From the resident (or their representative)', 'to-resident': 'To the resident', internal: 'Internal (between staff)',
  'from-contractor': 'From a contractor', other: 'Other',
};

export const correspondenceFacts = (today: CalendarDate) => z.object({
  on: pastDate(today),
  channel: z.enum(CORRESPONDENCE_DIRECTIONS as [CorrespondenceDirection, ...CorrespondenceDirection[]], { error: 'Choose which way it went' }),
  text: text('What it is').pipe(z.string().max(300, 'Keep it to a line: at most 300 characters')),
});
