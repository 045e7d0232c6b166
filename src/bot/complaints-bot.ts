import { ActivityHandler, ActivityTypes, CardFactory, type Activity, type Attachment, type InvokeResponse, type TurnContext } from 'botbuilder';
import { findByAadObjectId, type DirectoryPerson } from '../domain/directory';
import type { AdaptiveCardJson } from '../cards/card-template';
import { noticeCard, welcomeCard, type CommandName } from '../cards/general-cards';
import { cardBytes } from '../cards/report-cards';
import { decidesForOthers } from '../domain/commands/case-relations';
import { IntakeConflictError } from '../intake/intake-flow';
import type { BotDependencies } from './bot-dependencies';
import { cardId, parseInvokeAction, parseSubmitAction, type CardAction } from './card-action';
import { parseCommand } from './commands';
import { awaitingDecision, caseHistory, myActions, myApprovals, myCases, viewCase, viewCaseByReference } from './handlers/case-handler';
import { intakeCard } from './handlers/intake-handler';
import { dissatisfactionAction, startDissatisfaction } from './handlers/dissatisfaction-handler';
import { findCasesCard, findCasesPage } from './handlers/find-handler';
import { canSeeReports } from '../domain/report-access';
import { complaintsLog, complaintsLogPage, reportSummary } from './handlers/report-handler';
import { runCaseAction, scopeFor } from './actions/run-case-action';
import { runDocumentAction } from './documents/document-actions';
import { isDocumentVerb } from './documents/document-buttons';
import type { FileDelivery } from './files/file-offers';

/**
 * Teams refuses a message over about 28 KB. A card over this many bytes is not sent: a
 * notice says so instead (and the log its size), rather than the send failing.
 */
export const MAX_CARD_BYTES = 26 * 1024;

/** A card to show in place of the one acted on, or a new message with a short toast. */
/** The card to show in place of the pressed one (and any file consent cards to send after it), or a new card with a toast. */
/** Files a message may carry that the bot asks about; more are refused with a word, not silently. */
const MAX_FILES_A_MESSAGE = 5;

type ActionReply = { replace: AdaptiveCardJson; files?: Attachment[] } | { send: AdaptiveCardJson; toast: string };

/**
 * The Teams bot: thin. It identifies the person from the directory (never from card data),
 * parses what they sent, calls the intake flow or the case operations, and shows cards.
 */
export class ComplaintsBot extends ActivityHandler {
  constructor(private readonly deps: BotDependencies) {
    super();
    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      await this.welcomeOnce(context);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.deps.notifier.remember(context);
      await this.welcomeOnce(context);
      await next();
    });
  }

  /** Activities from another tenant are refused before any handler sees them. */
  override async run(context: TurnContext): Promise<void> {
    const expected = this.deps.tenantId;
    // The activity came over the network: its parts may be missing whatever the SDK's types say.
    const activity: Partial<Activity> = context.activity;
    const tenant = activity.conversation?.tenantId ?? (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
    // Unauthenticated (a local trial), the service URL is the only thing that says where the
    // activity came from and where replies and cards will go: this machine, or nothing.
    if (this.deps.loopbackOnly && !isLoopbackUrl(activity.serviceUrl)) {
      this.deps.logger.warn({ activityType: activity.type }, 'refused an activity from a service URL that is not this machine (unauthenticated local trial)');
      if (activity.type === 'invoke') {
        await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 403, body: { statusCode: 403, type: 'application/vnd.microsoft.error', value: { code: 'Forbidden', message: 'A local trial takes only local service URLs.' } } } });
      }
      return;
    }
    if (expected && tenant !== expected) {
      this.deps.logger.warn({ tenant }, 'refused an activity from another tenant');
      if (activity.type === 'invoke') {
        await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 403, body: { statusCode: 403, type: 'application/vnd.microsoft.error', value: { code: 'Forbidden', message: 'This bot serves another organisation.' } } } });
      }
      return;
    }
    await super.run(context);
  }

  private person(context: TurnContext): DirectoryPerson | undefined {
    const activity: Partial<Activity> = context.activity;
    return findByAadObjectId(this.deps.ctx.directory, activity.from?.aadObjectId);
  }

  private async welcomeOnce(context: TurnContext): Promise<void> {
    const activity: Partial<Activity> = context.activity;
    const conversationId = activity.conversation?.id;
    if (!conversationId) return;
    const first = await this.deps.stores.keyValue.put(`welcomed/${conversationId}`, { at: this.deps.ctx.now().toISOString() }, { ifAbsent: true });
    if (first.ok) await context.sendActivity({ attachments: [CardFactory.adaptiveCard(await this.welcome(this.person(context)))] });
  }

  /** The welcome and help card: the commands this person may use, and what waits for their decision. */
  private async welcome(person: DirectoryPerson | undefined, title?: string): Promise<AdaptiveCardJson> {
    const { policy, directory } = this.deps.ctx;
    const decides = person ? decidesForOthers(person, directory, policy) : false;
    const commands: CommandName[] = ['new complaint', 'log dissatisfaction', 'my cases', 'my actions', ...(decides ? ['my approvals' as const] : []), 'case HC-2026-00042', 'find Threlkeld',
      ...(person && canSeeReports(person) ? ['log' as const, 'report 2026-Q3' as const] : []), 'help'];
    return welcomeCard({
      title: title ?? (person ? `Hello ${person.name.split(' ')[0]}, I'm the complaints bot` : 'I\'m the complaints bot'),
      policyName: policy.name,
      note: person ? `You are in the directory as ${person.roles.join(', ')}.` : 'You are not in the complaints directory yet, so you cannot log or act on complaints. Ask your administrator to add you.',
      commands: person ? commands : ['help'],
      ...(person && decides ? { awaiting: (await awaitingDecision(person, this.deps)).length } : {}),
    });
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const person = this.person(context);
    if (!person) {
      await this.send(context, noticeCard({ title: 'You are not in the complaints directory', text: 'Only staff listed in the complaints directory can use this bot. Ask your administrator to add you.', tone: 'error' }));
      return;
    }
    await this.deps.notifier.remember(context);
    if (context.activity.value !== undefined && context.activity.value !== null) {
      const action = parseSubmitAction(context.activity.value);
      if (!action) {
        await this.send(context, noticeCard({ title: 'That action was not understood', text: 'The card sent something this bot does not recognise, so nothing was changed. Type "help" to see what you can do.', tone: 'error' }));
        return;
      }
      const reply = await this.act(person, action, this.deps.fileOffers.deliveryFor(context.activity));
      await this.send(context, 'replace' in reply ? reply.replace : reply.send);
      if ('replace' in reply) for (const file of reply.files ?? []) await context.sendActivity({ attachments: [file] });
      return;
    }
    // Files dropped into the chat (Teams personal chat): each one is asked which case it is for.
    const files = this.deps.teamsFiles.filesIn(context.activity);
    if (files.length > 0) {
      for (const file of files.slice(0, MAX_FILES_A_MESSAGE)) await this.send(context, await this.deps.teamsFiles.ask(person, file, (context.activity as Partial<Activity>).text ?? ''));
      if (files.length > MAX_FILES_A_MESSAGE) await this.send(context, noticeCard({ title: 'Some files were left', text: `I take ${MAX_FILES_A_MESSAGE} files a message; send the others again.`, tone: 'warning' }));
      return;
    }
    const command = parseCommand(context.activity.text);
    switch (command.kind) {
      case 'new-complaint': return this.send(context, await intakeCard(await this.deps.intake.start(person), person, this.deps));
      case 'log-dissatisfaction': return this.send(context, startDissatisfaction(this.deps));
      case 'my-cases': return this.send(context, await myCases(person, this.deps));
      case 'my-approvals': return this.send(context, await myApprovals(person, this.deps));
      case 'my-actions': return this.send(context, await myActions(person, this.deps));
      case 'case': return this.send(context, await viewCaseByReference(command.reference, person, this.deps));
      case 'find': return this.send(context, await findCasesCard(person, command.text, this.deps));
      case 'log': return this.send(context, await complaintsLog(person, command.filters, command.unknown, this.deps));
      case 'report': {
        const reply = await reportSummary(person, command.period, this.deps, this.deps.fileOffers.deliveryFor(context.activity));
        await this.send(context, reply.card);
        // One file consent card a message, as Teams' own samples send them.
        for (const file of reply.files) await context.sendActivity({ attachments: [file] });
        return;
      }
      case 'help': return this.send(context, await this.welcome(person, 'What I can do'));
    }
  }

  /**
   * Universal Actions (`adaptiveCard/action`): answered here rather than in
   * onAdaptiveCardInvoke, whose type allows only a card, because a new message is answered
   * with a short text for Teams to show as a toast.
   */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name === 'fileConsent/invoke') {
      const person = this.person(context);
      if (person) await this.deps.notifier.remember(context);
      return this.deps.fileOffers.onFileConsent(context, person);
    }
    if (context.activity.name !== 'adaptiveCard/action') return super.onInvokeActivity(context);
    return { status: 200, body: await this.adaptiveCardAction(context) };
  }

  private async adaptiveCardAction(context: TurnContext): Promise<{ statusCode: 200; type: string; value: AdaptiveCardJson | string }> {
    const person = this.person(context);
    if (!person) return cardResponse(noticeCard({ title: 'You are not in the complaints directory', text: 'Nothing was changed. Ask your administrator to add you.', tone: 'error' }));
    await this.deps.notifier.remember(context);
    const action = parseInvokeAction(context.activity.value);
    if (!action) return cardResponse(noticeCard({ title: 'That action was not understood', text: 'Nothing was changed. Type "help" to see what you can do.', tone: 'error' }));
    const reply = await this.act(person, action, this.deps.fileOffers.deliveryFor(context.activity));
    if ('replace' in reply) {
      // One file consent card a message, as Teams' own samples send them.
      for (const file of reply.files ?? []) await context.sendActivity({ attachments: [file] });
      return cardResponse(this.fitted(reply.replace));
    }
    await this.send(context, reply.send);
    return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: reply.toast };
  }

  private async act(person: DirectoryPerson, action: CardAction, delivery: FileDelivery): Promise<ActionReply> {
    const { data } = action;
    const intakeId = cardId(data, 'intakeId');
    const step = typeof data.step === 'string' ? data.step : '';
    try {
      switch (action.verb) {
        case 'intake.start': return { send: await intakeCard(await this.deps.intake.start(person), person, this.deps), toast: 'A new complaint form is below.' };
        case 'dissatisfaction.start': return { send: startDissatisfaction(this.deps), toast: 'The dissatisfaction form is below.' };
        case 'dissatisfaction.complaint':
        case 'dissatisfaction.record': return { replace: await dissatisfactionAction(person, action.verb, data, this.deps) };
        case 'cases.mine': {
          const page = typeof data.page === 'number' && Number.isInteger(data.page) ? data.page : null;
          return page === null ? { send: await myCases(person, this.deps), toast: 'Your open cases are below.' } : { replace: await myCases(person, this.deps, page) };
        }
        case 'case.history': return { replace: await caseHistory(cardId(data, 'caseId'), typeof data.page === 'number' ? data.page : 1, person, this.deps) };
        case 'approvals.mine': return { send: await myApprovals(person, this.deps), toast: 'What waits for your decision is below.' };
        case 'log.page': return { replace: await complaintsLogPage(person, data, this.deps) };
        case 'find.page': return { replace: await findCasesPage(person, data, this.deps) };
        case 'report.links': {
          const period = typeof data.period === 'string' ? data.period.slice(0, 40) : '';
          return { replace: (await reportSummary(person, period, this.deps, 'link')).card };
        }
        case 'file.attach': {
          const attached = await this.deps.teamsFiles.attach(person, data);
          if (!attached.ok) return { replace: attached.card };
          const { record, file } = attached.result;
          return { replace: scopeFor(person, this.deps).caseCard(record, person, { text: `Attached to ${record.reference}: ${file.fileName} (SHA-256 ${file.sha256.slice(0, 12)}…).`, tone: 'good' }) };
        }
        case 'case.view': {
          const card = await viewCase(cardId(data, 'caseId'), person, this.deps);
          return data.refresh === true ? { replace: card } : { send: card, toast: 'The case is below.' };
        }
        default:
          if (isDocumentVerb(action.verb)) {
            const reply = await runDocumentAction(person, action.verb, data, cardId(data, 'caseId'), delivery, this.deps);
            return { replace: reply.card, files: reply.files };
          }
          if (action.verb.startsWith('case.')) return { replace: await runCaseAction(person, action.verb, data, cardId(data, 'caseId'), versionOf(data), this.deps) };
          break;
      }
      if (!intakeId) return { replace: noticeCard({ title: 'This form is not available', text: 'The card does not name a complaint form. Type "new complaint" to start again.', tone: 'error' }) };
      const flow = this.deps.intake;
      const outcome = action.verb === 'intake.next' ? await flow.next(person, intakeId, step, data)
        : action.verb === 'intake.back' ? await flow.back(person, intakeId, step, data)
          : action.verb === 'intake.cancel' ? await flow.cancel(person, intakeId)
            : await flow.submit(person, intakeId, step);
      return { replace: await intakeCard(outcome, person, this.deps) };
    } catch (err) {
      if (err instanceof IntakeConflictError) {
        return { replace: noticeCard({ title: 'Please try again', text: 'The form changed while this action was processed (a second click?). Nothing was lost: type "new complaint" or press the button again.', tone: 'warning' }) };
      }
      this.deps.logger.error({ err, verb: action.verb }, 'card action failed');
      return { replace: noticeCard({ title: 'That did not work', text: 'The action could not be completed just now. Please try again in a moment; if it keeps failing, tell your administrator.', tone: 'error' }) };
    }
  }

  private async send(context: TurnContext, card: AdaptiveCardJson): Promise<void> {
    await context.sendActivity({ attachments: [CardFactory.adaptiveCard(this.fitted(card))] });
  }

  /** The card, or a notice in its place when it is too large for Teams to take. */
  private fitted(card: AdaptiveCardJson): AdaptiveCardJson {
    const bytes = cardBytes(card);
    if (bytes <= MAX_CARD_BYTES) return card;
    // Sizes only: a card's text may hold a resident's details.
    this.deps.logger.error({ bytes, limit: MAX_CARD_BYTES }, 'a card was too large for Teams; a notice was sent instead');
    return noticeCard({ title: 'This is too large to show in Teams', text: 'The card would be over the size Teams accepts, so it was not sent. Narrow what you asked for (for example with a filter), or tell your administrator.', tone: 'warning' });
  }
}

/** Case versions are ETags, which may contain quotes; accept them as strings of bounded length. */
function versionOf(data: Record<string, unknown>): string | null {
  const v = data.version;
  return typeof v === 'string' && v.length > 0 && v.length <= 200 ? v : null;
}

function cardResponse(card: AdaptiveCardJson): { statusCode: 200; type: string; value: AdaptiveCardJson } {
  return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card };
}

/** http(s)://localhost, 127.x.x.x or [::1], any port. */
export function isLoopbackUrl(raw: string | undefined): boolean {
  if (!raw) return false;
  try {
    const host = new URL(raw).hostname;
    return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
  } catch {
    return false;
  }
}
