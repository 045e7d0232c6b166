import type { CaseRecord } from '../../domain/case-record';
import { viewOf } from '../../domain/case-view';
import { acknowledgementLetter } from './acknowledgement-letter';
import { behaviourDecisionLetter } from './behaviour-decision-letter';
import { extensionLetter } from './extension-letter';
import type { LetterKind, LetterResult } from './letter';
import { checkLetter } from './letter-check';
import type { LetterContext } from './letter-context';
import { refusalToEscalateLetter } from './refusal-to-escalate-letter';
import { responseLetter } from './response-letter';

/**
 * Drafts a letter of the given kind from the case as stored, and checks it against what it
 * must contain: a letter is offered only when nothing required is missing; otherwise the
 * refusal names what is. Pure: the caller reads the case and renders the letter.
 */
export function composeLetter(record: CaseRecord, kind: LetterKind, ctx: LetterContext): LetterResult {
  const view = viewOf(record, { policy: ctx.policy, calendar: ctx.calendar });
  const composed = (() => {
    switch (kind) {
      case 'acknowledgement': return acknowledgementLetter(record, view, ctx);
      case 'extension': return extensionLetter(record, view, ctx);
      case 'stage-1-response': return responseLetter(record, view, ctx, 1);
      case 'stage-2-response': return responseLetter(record, view, ctx, 2);
      case 'refusal-to-escalate': return refusalToEscalateLetter(record, view, ctx);
      case 'behaviour-decision': return behaviourDecisionLetter(record, view, ctx);
    }
  })();
  return 'ok' in composed ? composed : checkLetter(composed);
}
