import { addCalendarDays, londonDateOf } from '../../src/domain/calendar-date';
import { actionData, BotDriver, cardText, type InvokeBody, type TeamsUser } from '../../test/support/bot-driver';
import type { FakeConnector, SentActivity } from '../../test/support/fake-connector';
import { COMPLAINANT, COMPLAINT } from '../../test/support/test-app';

/**
 * A Teams client for the soak: activities posted to the bot's /api/messages over HTTP as the
 * Teams channel posts them (BotDriver's activity, test/support/bot-driver.ts), each with its own
 * id, so that what the bot sent in answer (to the fake Bot Connector, by replyToId) is found
 * even with many conversations at once. The bot has sent its replies to a turn by the time the turn's HTTP
 * answer comes back, so no waiting is needed.
 */
export interface Answer { status: number; card: unknown; replies: SentActivity[]; error?: string }

/** Replies to a turn are looked for among the connector's last this many activities (see trimSent). */
const KEPT_SENT = 2000;

/**
 * Keeps a long run's fake connector from holding every activity the bot sent: once a second,
 * past twice KEPT_SENT, all but the last KEPT_SENT are dropped. Returns the stop.
 */
export function trimSent(connector: FakeConnector): () => void {
  const timer = setInterval(() => { if (connector.sent.length > 2 * KEPT_SENT) connector.sent.splice(0, connector.sent.length - KEPT_SENT); }, 1000);
  return () => { clearInterval(timer); };
}

export class SoakClient {
  private readonly driver: BotDriver;

  constructor(botUrl: string, private readonly connector: FakeConnector) {
    this.driver = new BotDriver(botUrl, connector);
  }

  private async send(activity: { id: string }): Promise<Answer> {
    try {
      const res = await this.driver.post(activity);
      const replies = this.repliesTo(activity.id);
      const body = res.body as InvokeBody | undefined;
      const card = body?.type === 'application/vnd.microsoft.card.adaptive' ? body.value : replies.flatMap((r) => (r.activity.attachments ?? []).map((a) => a.content)).at(-1);
      return { status: res.status, card, replies };
    } catch (err) {
      // No answer: the bot was killed, or refused the connection.
      return { status: 0, card: undefined, replies: [], error: err instanceof Error ? err.message : String(err) };
    }
  }

  /** What the bot sent in answer to one activity; the latest first is the last sent. */
  private repliesTo(id: string): SentActivity[] {
    const out: SentActivity[] = [];
    const sent = this.connector.sent;
    for (let i = sent.length - 1; i >= 0 && i >= sent.length - KEPT_SENT; i--) if (sent[i]?.replyToId === id) out.unshift(sent[i] as SentActivity);
    return out;
  }

  say(user: TeamsUser, text: string): Promise<Answer> {
    return this.send(this.driver.activity(user, { type: 'message', text }));
  }

  /** A press of an Action.Execute button. */
  execute(user: TeamsUser, verb: string, data: Record<string, unknown>): Promise<Answer> {
    return this.send(this.driver.activity(user, { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' } }));
  }

  /**
   * A complaint form filled in up to "check and submit"; its intake id. `marker` goes in the
   * description. Throws FormNotFilled with the answer a step got when it did not go on.
   */
  async fillForm(user: TeamsUser, marker: string, estate = COMPLAINANT.estate): Promise<string> {
    const started = await this.execute(user, 'intake.start', {});
    let intakeId: string;
    try {
      intakeId = String(actionData(started.card, 'intake.next').intakeId);
    } catch {
      throw new FormNotFilled('intake.start', started);
    }
    const today = londonDateOf(new Date());
    const complaint = { ...COMPLAINT, receivedOn: today, issueOccurredOn: addCalendarDays(today, -7), description: `${marker}: ${COMPLAINT.description}` };
    for (const [step, data] of [['complainant', { ...COMPLAINANT, estate }], ['complaint', complaint]] as const) {
      const answer = await this.execute(user, 'intake.next', { intakeId, step, ...data });
      if (answer.status !== 200 || showsTransientError(answer)) throw new FormNotFilled(`intake.next (${step})`, answer);
    }
    return intakeId;
  }

  /** Presses Submit on the form; the case it confirms, if the answer is a confirmation. */
  async submit(user: TeamsUser, intakeId: string): Promise<Answer & { caseId: string | null }> {
    const answer = await this.execute(user, 'intake.submit', { intakeId, step: 'review' });
    return { ...answer, caseId: confirmedCase(answer.card) };
  }
}

/** A step of the form that did not go on, with what the person was shown. */
export class FormNotFilled extends Error {
  constructor(step: string, readonly answer: Answer) {
    super(`${step} answered ${String(answer.status)}: ${answer.error ?? cardTextOf(answer).slice(0, 200)}`);
  }
}

/** The case a confirmation card offers to open (its "View case" button), or null. */
function confirmedCase(card: unknown): string | null {
  if (!card) return null;
  try {
    return String(actionData(card, 'case.view').caseId);
  } catch {
    return null;
  }
}

/** The first two lines a person sees of a text, shortened: a sample of an error for the report. */
export function firstLine(text: string): string {
  return text.split('\n').filter(Boolean).slice(0, 2).join(': ').slice(0, 160);
}

/** All the text a person sees in an answer: the card it carries and the messages sent with it. */
export function cardTextOf(answer: Answer): string {
  return [cardText(answer.card), ...answer.replies.map((r) => `${typeof r.activity.text === 'string' ? r.activity.text : ''}\n${cardText(r.activity.attachments ?? [])}`)].join('\n');
}

/**
 * Does this answer show the person that something failed which trying again would have
 * avoided (the adapter's apology, "That did not work", "Please try again")?
 */
export function showsTransientError(answer: Answer): boolean {
  if (answer.status !== 200) return true;
  return /something went wrong|did not work|could not be completed|please try again|try again in a/i.test(cardTextOf(answer));
}
