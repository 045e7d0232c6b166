import { DIRECTION_WORDS, EVENT_LABELS, formatPounds, formatSize, OUTCOME_WORDS, REMEDY_WORDS } from '../../cards/card-text';
import { FINDINGS } from '../../cards/case-cards';
import { formatDate } from '../../domain/calendar-date';
import type { ActionItem } from '../../domain/case-events';
import type { StoredEvent } from '../../domain/case-record';
import { findPerson, type Directory } from '../../domain/directory';

/** A person as the pack names them: name and job, or the id when they have left the directory. */
export function personWords(directory: Directory, id: string | undefined | null): string {
  if (!id) return 'nobody';
  if (id === 'system') return 'the complaints bot';
  if (id === 'admin-cli') return 'the admin command line';
  const p = findPerson(directory, id);
  return p ? `${p.name} (${p.roles[0] ?? 'staff'})` : `${id} (no longer in the directory)`;
}

export function itemWords(item: Pick<ActionItem, 'id' | 'kind' | 'description' | 'due' | 'amountPence'>): string {
  return `${item.id}: ${item.description} (${REMEDY_WORDS[item.kind]}${item.amountPence !== undefined ? `, ${formatPounds(item.amountPence)}` : ''}), due ${formatDate(item.due)}`;
}

/**
 * What an event recorded, in a sentence for the timeline: the label, and every fact the event
 * holds (the reason is the event's `why`, shown beside it). Nothing the history holds is left out.
 */
export function eventWords(e: StoredEvent, directory: Directory): string {
  const label = EVENT_LABELS[e.type];
  switch (e.type) {
    case 'received': return `${label}${e.stage !== undefined ? ` at stage ${e.stage}` : ''}${e.issueOccurredOn ? `; the issue occurred ${formatDate(e.issueOccurredOn)}` : ''}${e.lateAcceptanceReason ? `; accepted late: ${e.lateAcceptanceReason}` : ''}`;
    case 'acknowledged': return `${label}${e.method ? ` by ${e.method}` : ''}`;
    case 'assigned': return `${label} to ${personWords(directory, e.officerId)}`;
    case 'extension-requested': return `${label}: ${e.workingDays} working days. Reason: ${e.reason}${e.complainantAgreed ? '; the complainant agreed' : ''}`;
    case 'extended': return `${label} by ${e.workingDays} working days (approved). Reason: ${e.reason}${e.complainantAgreed ? '; the complainant agreed' : ''}`;
    case 'paused': return `${label}. Reason: ${e.reason}${e.complainantConsented ? '; the complainant consented' : ''}`;
    case 'responded': return `${label}: ${OUTCOME_WORDS[e.outcome].toLowerCase()}${e.actions?.length ? `; ${e.actions.length} remedies or actions promised` : ''}`;
    case 'action-completed': return `${label}: ${e.actionId}. Evidence: ${e.evidence}`;
    case 'action-redated': return `${label}: ${e.actionId} now due ${formatDate(e.due)}. Reason: ${e.reason}`;
    case 'ombudsman-referred': return `${label}: the Ombudsman's reference ${e.reference}`;
    case 'ombudsman-information-requested': return `${label}: request ${e.requestId}, due ${formatDate(e.due)}`;
    case 'ombudsman-information-sent': return `${label}: request ${e.requestId}`;
    case 'ombudsman-determined': return `${label}: ${e.findings.map((f) => `${FINDINGS[f.finding]}${f.about ? ` (${f.about})` : ''}`).join('; ')}${e.orders.length ? `; ${e.orders.length} orders` : ''}`;
    case 'ombudsman-order-complied': return `${label}: ${e.orderId}. Evidence: ${e.evidence}`;
    case 'behaviour-decided': return `${label}: ${e.decision === 'restrict' ? `restrict contact: ${e.restrictions ?? ''}` : 'no restrictions'}${e.reviewOn ? `; review by ${formatDate(e.reviewOn)}` : ''}`;
    case 'resident-told': return `${label} (${e.about}) by ${e.method}`;
    case 'correspondence-attached': return `${label}: ${e.fileName} (${formatSize(e.size)}), ${DIRECTION_WORDS[e.direction]}, dated ${formatDate(e.dated)}: ${e.description}`;
    case 'evidence-pack-made': return `${label} (${e.format.toUpperCase()}, ${e.parts} part${e.parts === 1 ? '' : 's'})`;
    default: return label;
  }
}
