import type { AdaptiveCardJson } from '../../cards/card-template';
import { caseDetailCard } from '../../cards/case-cards';
import type { CaseButton } from '../../cards/workflow-cards';
import { noticeCard, notYoursCard } from '../../cards/general-cards';
import { commandContext } from '../../cases/case-context';
import { runCaseCommand } from '../../cases/run-case-command';
import { londonDateOf } from '../../domain/calendar-date';
import type { CaseRecord } from '../../domain/case-record';
import { actsOnCase, maySeeCase } from '../../domain/case-access';
import { viewOf } from '../../domain/case-view';
import { CASE_COMMANDS, type CaseCommandName } from '../../domain/commands/case-commands';
import { SYSTEM_ACTOR } from '../../domain/commands/system-note';
import type { CaseFile } from '../../domain/commands/command';
import type { DirectoryPerson } from '../../domain/directory';
import type { BotDependencies } from '../bot-dependencies';
import type { ActionRefusal, ActionScope, CaseCardAction } from './case-card-action';
import { documentButtons } from '../documents/document-buttons';
import { noteAccess } from '../handlers/access-notes';
import { valuesOf } from './form-fields';
import { actionForVerb, CASE_ACTION_NAMES, CASE_CARD_ACTIONS } from './registry';

const NO_CASE = noticeCard({ title: 'Case not found', text: 'This card does not name a case we hold. Nothing was changed.', tone: 'error' });
const EMPTY_FORM = { values: {}, errors: {}, banner: '' };

/** What a module works with, as of now. */
export function scopeFor(person: DirectoryPerson, deps: BotDependencies): ActionScope {
  const { policy, directory, calendar, now } = deps.ctx;
  const scope: ActionScope = {
    person, deps,
    cards: { policy, directory, calendar, today: londonDateOf(now()) },
    commands: commandContext(deps.ctx),
    caseCard: (record, viewer, banner = '') => {
      const file = { record, view: viewOf(record, scope.cards) };
      return caseDetailCard(record, scope.cards, buttonsForFile(file, viewer, scope), banner, actsOnCase(file, viewer, scope.cards.directory));
    },
  };
  return scope;
}

/** The buttons `viewer` gets on the case card: exactly the actions whose command's `allowed` passes. */
export function buttonsFor(record: CaseRecord, viewer: DirectoryPerson, scope: ActionScope): CaseButton[] {
  return buttonsForFile({ record, view: viewOf(record, scope.cards) }, viewer, scope);
}

function buttonsForFile(file: CaseFile, viewer: DirectoryPerson, scope: ActionScope): CaseButton[] {
  return [
    ...CASE_ACTION_NAMES.filter((name) => CASE_COMMANDS[name].allowed(file, viewer, scope.commands) === null).map((name) => CASE_CARD_ACTIONS[name].button),
    ...documentButtons(file, viewer, scope.commands),
  ];
}

/**
 * Any case card action: re-read the case, open the form or carry out the action through its
 * domain command, and answer with the card to show in place of the one pressed. The card's
 * data names the case and the version it showed; who is acting comes from the directory.
 */
export async function runCaseAction(person: DirectoryPerson, verb: string, data: Record<string, unknown>, caseId: string | null, version: string | null, deps: BotDependencies): Promise<AdaptiveCardJson> {
  const record = caseId ? await deps.stores.cases.getCase(caseId) : undefined;
  const file = record && { record, view: viewOf(record, deps.ctx) };
  if (!file || !maySeeCase(file, person, deps.ctx.directory)) return notYoursCard();
  await noteAccess(file, person, 'case-card', deps);
  const scope = scopeFor(person, deps);
  const found = actionForVerb(verb);
  if (!found) return scope.caseCard(record, person, verb === 'case.refresh' ? '' : 'That action is not available.');
  return found.opens === 'form' ? openForm(CASE_CARD_ACTIONS[found.name], record, scope, data) : carryOut(CASE_CARD_ACTIONS[found.name], verb, data, record, version, scope);
}

/** Opens the action's form; what the button carried (which action, say, on a reminder's "Mark done") comes in as its values. */
function openForm<N extends CaseCommandName>(action: CaseCardAction<N>, record: CaseRecord, scope: ActionScope, data: Record<string, unknown>): AdaptiveCardJson {
  const notAllowed = CASE_COMMANDS[action.command].allowed({ record, view: viewOf(record, scope.cards) }, scope.person, scope.commands);
  if (notAllowed || !action.form) return scope.caseCard(record, scope.person, `You cannot do that on this case now${notAllowed ? `: ${notAllowed.message}` : '.'}`);
  return action.form(record, scope, { ...EMPTY_FORM, values: valuesOf(data) });
}

async function carryOut<N extends CaseCommandName>(
  action: CaseCardAction<N>, verb: string, data: Record<string, unknown>, record: CaseRecord, version: string | null, scope: ActionScope,
): Promise<AdaptiveCardJson> {
  const refused = (current: CaseRecord, refusal: ActionRefusal) => (action.refused ?? defaultRefused)(current, refusal, scope);
  if (!action.anyVersion && staleCard(record, version, data)) {
    return refused(record, { kind: 'stale', message: 'This case has changed since this card was shown, so nothing was changed. Here it is as it is now.' });
  }
  const command = CASE_COMMANDS[action.command];
  const notAllowed = command.allowed({ record, view: viewOf(record, scope.cards) }, scope.person, scope.commands);
  if (notAllowed) return refused(record, { kind: 'not-allowed', message: notAllowed.message });

  const parsed = action.parse(verb, data, scope);
  if (!parsed.ok) {
    return action.form ? action.form(record, scope, { values: parsed.values, errors: parsed.errors, banner: 'Some answers need attention.' }) : scope.caseCard(record, scope.person, 'Some answers need attention.');
  }
  const unprepared = action.prepare ? await action.prepare(record, parsed.input, scope) : null;
  if (unprepared) {
    return action.form ? action.form(record, scope, { values: valuesOf(data), errors: {}, banner: unprepared }) : refused(record, { kind: 'refused', message: unprepared });
  }
  const result = await runCaseCommand(scope.deps.stores.cases, scope.deps.ctx, record.id, { seenVersion: action.anyVersion ? null : record.version, current: record }, scope.person, command, parsed.input);
  if (!result.ok) {
    if (result.code === 'CASE.NOT_FOUND') return NO_CASE;
    if (result.code === 'CASE.STALE_VERSION') return refused(result.current, { kind: 'stale', message: result.message });
    // The domain refused this input: show the form again with what was typed, and why.
    if (!action.form) return refused(result.current, { kind: 'refused', message: result.message });
    const field = result.field ? action.fieldFor?.[result.field] ?? result.field : null;
    return action.form(result.current, scope, { values: valuesOf(data), errors: field ? { [field]: result.message } : {}, banner: result.message });
  }
  scope.deps.logger.info({ reference: result.record.reference, verb }, 'case action recorded');
  const told = action.tell ? await action.tell(result.record, parsed.input, scope) : '';
  const banner = { text: `${action.done(result.record, parsed.input, scope)}${told ? ` ${told}` : ''}`, tone: 'good' as const };
  return action.reply ? action.reply(result.record, banner, scope) : scope.caseCard(result.record, scope.person, banner);
}

/**
 * Records of the file being handed out (an evidence pack, a subject access export): they change
 * nothing about the complaint, so a card drawn before them is not stale.
 */
const HANDED_OUT = new Set(['evidence-pack-made', 'subject-access-made']);

/**
 * Whether the card was drawn from an older case than the stored one. A card drawn before
 * only the complaints bot's own notes (a reminder or card it could not deliver) or records of
 * the file being handed out is not stale: nothing a person must see first has happened. The
 * card says how many events it saw.
 */
function staleCard(record: CaseRecord, version: string | null, data: Record<string, unknown>): boolean {
  if (version === record.version) return false;
  const seen = data.seen;
  if (typeof seen !== 'number' || !Number.isInteger(seen) || seen < 0 || seen > record.events.length) return true;
  return !record.events.slice(seen).every((e) => (e.type === 'note' && e.by === SYSTEM_ACTOR.id) || HANDED_OUT.has(e.type));
}

function defaultRefused(record: CaseRecord, refusal: ActionRefusal, scope: ActionScope): AdaptiveCardJson {
  const message = refusal.kind === 'not-allowed'
    ? `You cannot do that on ${record.reference} now (it is ${record.state.replace(/-/g, ' ')}). Nothing was changed.`
    : refusal.message;
  return scope.caseCard(record, scope.person, message);
}
