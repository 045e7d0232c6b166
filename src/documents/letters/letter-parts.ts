import { formatDate } from '../../domain/calendar-date';
import type { CaseRecord, StoredEvent } from '../../domain/case-record';
import type { TrackedItem } from '../../domain/case-state';
import { findPerson, type Directory } from '../../domain/directory';
import { stageOf } from '../../domain/policy';
import type { Letter, LetterKind, LetterSection } from './letter';
import type { LetterContext } from './letter-context';

/**
 * The parts every letter shares: who it goes to, who signs it, how a stage and a remedy are
 * said. Plain words, short sentences.
 */

/** The stage as the resident reads it: "stage 1". */
export function stageWords(stage: number): string {
  return `stage ${stage}`;
}

/** Each stored event with the stage the case was at when it happened (as the case card counts them). */
export function eventsWithStage(record: CaseRecord): Array<{ event: StoredEvent; stage: number }> {
  let stage = 0;
  return record.events.map((event) => {
    if (event.type === 'received') stage = event.stage ?? 1;
    if (event.type === 'escalation-requested') stage += 1;
    return { event, stage };
  });
}

export function latest<T extends StoredEvent['type']>(record: CaseRecord, type: T, stage?: number): { event: Extract<StoredEvent, { type: T }>; stage: number } | undefined {
  const found = eventsWithStage(record).filter((e) => e.event.type === type && (stage === undefined || e.stage === stage)).at(-1);
  return found as { event: Extract<StoredEvent, { type: T }>; stage: number } | undefined;
}

/** "£1,250.00" */
export function pounds(pence: number): string {
  return `£${(pence / 100).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** A remedy or action as one line: what, how much, by when, and who (when it is not the handler). */
export function itemLine(item: TrackedItem, directory: Directory, handlerId: string | null): string {
  const amount = item.amountPence !== undefined ? ` (${pounds(item.amountPence)})` : '';
  const owner = item.ownerId && item.ownerId !== handlerId ? findPerson(directory, item.ownerId)?.name : undefined;
  const done = item.doneOn ? `: done on ${formatDate(item.doneOn)}` : '';
  return `${item.description.trim()}${amount}: by ${formatDate(item.due)}${owner ? `, arranged by ${owner}` : ''}${done}`;
}

/** The letter around a body: letterhead, recipient, date, reference, greeting and sign-off by the officer. */
export function frame(record: CaseRecord, ctx: LetterContext, kind: LetterKind, officerId: string | null, heading: string, sections: LetterSection[]): Letter {
  const c = record.details.complainant;
  const officer = findPerson(ctx.directory, officerId);
  const name = c.complainantName.trim();
  return {
    kind, reference: record.reference, date: ctx.today, landlord: ctx.landlord,
    recipient: { name, addressLines: c.address.split(/\r?\n|,\s*/).map((l) => l.trim()).filter(Boolean) },
    heading, salutation: `Dear ${name || 'resident'},`, sections,
    closing: 'Yours sincerely,',
    signOff: { name: officer?.name ?? '', role: officer ? roleWords(signingRole(officer.roles, stageOf(ctx.policy, record.stage)?.handlerRole)) : '', email: officer?.email ?? '' },
  };
}

/** The role the officer signs as: the stage's handler role when they hold it, else their first. */
export function signingRole(roles: string[], stageRole: string | undefined): string {
  return stageRole && roles.includes(stageRole) ? stageRole : roles[0] ?? '';
}

const ROLE_WORDS: Record<string, string> = {
  EM: 'Estate Manager', AHM: 'Area Housing Manager', AD: 'Assistant Director', 'AD-HN': 'Assistant Director',
  PIM: 'Performance and Information Manager', 'CHIEF-OFFICER': 'Chief Officer', HM: 'Housing Manager',
  'AD-BP': 'Assistant Director, Barbican and Property',
};

/** A directory role as a job title; an unknown role is shown as it is. */
export function roleWords(role: string): string {
  return ROLE_WORDS[role] ?? role;
}

/** "How to contact the officer" line shared by every letter. */
export function contactLine(letter: Pick<Letter, 'signOff' | 'reference'>): string {
  const email = letter.signOff.email ? ` at ${letter.signOff.email}` : '';
  return `If you have any questions, please contact ${letter.signOff.name || 'us'}${email}, quoting reference ${letter.reference}.`;
}
