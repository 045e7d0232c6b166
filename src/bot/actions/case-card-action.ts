import type { AdaptiveCardJson } from '../../cards/card-template';
import type { Banner, CaseCardContext } from '../../cards/card-text';
import type { FormInput } from '../../cards/workflow-cards';
import type { CaseRecord } from '../../domain/case-record';
import type { CaseCommandName, InputOf } from '../../domain/commands/case-commands';
import type { CommandContext } from '../../domain/commands/command';
import type { DirectoryPerson } from '../../domain/directory';
import type { FieldErrors } from '../../intake/intake-fields';
import type { BotDependencies } from '../bot-dependencies';

/**
 * One case action at the bot's edge, in one module: the button on the case card, the form it
 * opens, the verbs that carry it out, how the card's input becomes the domain command's input,
 * what the person is told when it is done, and who else is told. The rules (who may, in what
 * state, under which policy) are the command's, in src/domain/commands; nothing here builds
 * an event.
 */
export interface CaseCardAction<N extends CaseCommandName> {
  command: N;
  /** The button on the case card; shown exactly when the command's `allowed` passes. */
  button: { title: string; verb: string; /** Beside the complainant's details (shown only to those who act on the case). */ personal?: boolean };
  /** The form the button opens; absent, the button carries out the action at once. */
  form?: (record: CaseRecord, scope: ActionScope, input: FormInput) => AdaptiveCardJson;
  /** The verbs that carry out the action (a decision has one for each answer). */
  submitVerbs: readonly string[];
  /** True for a note: it cannot conflict with another change, so a card shown before one still adds it. */
  anyVersion?: boolean;
  /** The card's input, checked at the edge, as the command's input; or the fields to correct. */
  parse(verb: string, data: Record<string, unknown>, scope: ActionScope): ParsedInput<InputOf<N>>;
  /**
   * A step the command's events depend on, made after the input is checked and before the
   * command is run: the case a split names, which must exist before the split is recorded.
   * It must be safe to make twice (the second time finds the first), because a card pressed
   * again after a failure between the step and the command makes it again. Returns why it could
   * not be made, and then nothing is recorded.
   */
  prepare?(record: CaseRecord, input: InputOf<N>, scope: ActionScope): Promise<string | null>;
  /** The form field that holds a command input the domain refused (default: the same name). */
  fieldFor?: Partial<Record<string, string>>;
  /** What the person who acted is told. */
  done(record: CaseRecord, input: InputOf<N>, scope: ActionScope): string;
  /** Tells whoever else must know; returns a sentence for the actor's card. The action is saved already. */
  tell?(record: CaseRecord, input: InputOf<N>, scope: ActionScope): Promise<string>;
  /** The card shown after it is done; default: the case card with `banner`. */
  reply?(record: CaseRecord, banner: Banner, scope: ActionScope): AdaptiveCardJson;
  /** The card shown when it was refused before anything was stored; default: the case card with the reason. */
  refused?(record: CaseRecord, refusal: ActionRefusal, scope: ActionScope): AdaptiveCardJson;
}

export type ParsedInput<I> = { ok: true; input: I } | { ok: false; errors: FieldErrors; values: Record<string, string> };

/** Why an action was refused before anything changed. */
export interface ActionRefusal {
  /** stale: the card showed an older version; not-allowed: the command's `allowed` said no; refused: the domain refused this input. */
  kind: 'stale' | 'not-allowed' | 'refused';
  message: string;
}

/** What a module works with: the person, the app's parts, and the contexts for cards and commands as of now. */
export interface ActionScope {
  person: DirectoryPerson;
  deps: BotDependencies;
  cards: CaseCardContext;
  commands: CommandContext;
  /** The case card as `viewer` sees it (their buttons), with a banner. */
  caseCard(record: CaseRecord, viewer: DirectoryPerson, banner?: Banner): AdaptiveCardJson;
}
