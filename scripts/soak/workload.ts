import { londonDateOf } from '../../src/domain/calendar-date';
import type { Stores } from '../../src/store/stores';
import type { SoakOfficer } from './soak-directory';
import { cardTextOf, firstLine, FormNotFilled, showsTransientError, type Answer, type SoakClient } from './teams-client';

/** What the conversations did and saw. */
export interface WorkTally {
  actions: number;
  /** Answers that showed a person an error trying again would have avoided (a sample of their first lines). */
  errorsShown: number;
  errorSamples: string[];
  /** Complaints confirmed (case id) and notes confirmed ("Saved."), with the text to find them by. */
  cases: string[];
  notes: Array<{ caseId: string; text: string }>;
}

export function emptyTally(): WorkTally {
  return { actions: 0, errorsShown: 0, errorSamples: [], cases: [], notes: [] };
}

/**
 * One conversation's traffic until `until`: a message (help or my cases), a complaint logged
 * through the form, notes added to it, the case card opened; again and again. Every answer is
 * checked for an error shown to the person.
 *
 * With `keepCases`, the conversation logs complaints only until it has that many, and from then
 * on fills the form in and cancels it instead of submitting, and adds its notes to the cases it
 * has: the same kinds of request, on a data set that stays the same size, so that memory that
 * grows is a leak and not just more cases to list.
 */
export async function converse(client: SoakClient, officer: SoakOfficer, until: number, tally: WorkTally, options: { notesPerRound?: number; keepCases?: number } = {}): Promise<void> {
  const notesPerRound = options.notesPerRound ?? 3;
  const seen = (answer: Answer): Answer => {
    tally.actions += 1;
    if (showsTransientError(answer)) {
      tally.errorsShown += 1;
      if (tally.errorSamples.length < 5) tally.errorSamples.push(answer.error ?? (firstLine(cardTextOf(answer)) || `HTTP ${answer.status}`));
    }
    return answer;
  };
  const mine: string[] = [];
  for (let round = 0; Date.now() < until; round++) {
    seen(await client.say(officer, round % 2 ? 'my cases' : 'help'));
    const marker = `Soak ${officer.estate} ${Date.now().toString(36)}`;
    let intakeId: string;
    try {
      intakeId = await client.fillForm(officer, marker, officer.estate);
    } catch (err) {
      if (!(err instanceof FormNotFilled)) throw err;
      seen(err.answer);
      continue;
    }
    tally.actions += 3;
    let caseId: string;
    if (options.keepCases !== undefined && mine.length >= options.keepCases) {
      seen(await client.execute(officer, 'intake.cancel', { intakeId }));
      caseId = mine[round % mine.length] as string;
    } else {
      const submitted = seen(await client.submit(officer, intakeId)) as Awaited<ReturnType<SoakClient['submit']>>;
      if (!submitted.caseId) continue;
      caseId = submitted.caseId;
      mine.push(caseId);
      tally.cases.push(caseId);
    }
    for (let n = 0; n < notesPerRound && Date.now() < until; n++) {
      const text = `${marker} note ${n}`;
      const note = seen(await client.execute(officer, 'case.note', { caseId, version: 'any', on: londonDateOf(new Date()), channel: 'phone', text }));
      if (/Saved\./.test(cardTextOf(note))) tally.notes.push({ caseId, text });
    }
    seen(await client.execute(officer, 'case.view', { caseId }));
  }
}

/** Confirmed complaints and notes the store does not hold. */
export async function lostWork(stores: Stores, tally: WorkTally): Promise<{ cases: number; notes: number }> {
  let cases = 0;
  let notes = 0;
  const records = new Map<string, string>();
  for (const id of new Set([...tally.cases, ...tally.notes.map((n) => n.caseId)])) {
    const record = await stores.cases.getCase(id);
    if (record) records.set(id, JSON.stringify(record.events));
  }
  for (const id of tally.cases) if (!records.has(id)) cases += 1;
  for (const note of tally.notes) if (!records.get(note.caseId)?.includes(note.text)) notes += 1;
  return { cases, notes };
}
