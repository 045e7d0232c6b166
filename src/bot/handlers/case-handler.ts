import type { DirectoryPerson } from '../../domain/directory';
import { myCasesCard } from '../../cards/case-cards';
import type { AdaptiveCardJson } from '../../cards/card-template';
import { noticeCard } from '../../cards/general-cards';
import type { BotDependencies } from '../bot-dependencies';
import { scopeFor } from '../actions/run-case-action';

export async function viewCase(caseId: string | null, person: DirectoryPerson, deps: BotDependencies): Promise<AdaptiveCardJson> {
  const record = caseId ? await deps.stores.cases.getCase(caseId) : undefined;
  if (!record) return noticeCard({ title: 'Case not found', text: 'There is no such case. Type "my cases" to see yours.', tone: 'error' });
  return scopeFor(person, deps).caseCard(record, person);
}

export async function viewCaseByReference(reference: string, person: DirectoryPerson, deps: BotDependencies): Promise<AdaptiveCardJson> {
  const record = await deps.stores.cases.getCaseByReference(reference);
  if (!record) return noticeCard({ title: `No case ${reference}`, text: 'Check the reference (for example HC-2026-00042), or type "my cases".', tone: 'error' });
  return scopeFor(person, deps).caseCard(record, person);
}

export async function myCases(person: DirectoryPerson, deps: BotDependencies): Promise<AdaptiveCardJson> {
  return myCasesCard(await deps.stores.cases.openCasesByOfficer(person.id), scopeFor(person, deps).cards);
}
