import type { ContainerDefinition, IndexingPolicy } from '@azure/cosmos';

/**
 * The containers and why they look the way they do (docs/storage.md has the long form).
 *
 * Every container excludes `/*` from indexing and includes only the paths a query
 * filters or sorts on: case documents carry the whole event history and the intake
 * details, and indexing those would raise the RU cost of every write for no query.
 */

const NOTHING_INDEXED: IndexingPolicy = {
  indexingMode: 'consistent',
  automatic: true,
  includedPaths: [],
  excludedPaths: [{ path: '/*' }],
};

/**
 * Cases: partition key /id. Each case is its own logical partition: writes and storage
 * spread evenly, a case never outgrows its partition, and reads by id are point reads.
 * The list queries (by officer, due, received, closed) and the demo-case count cross partitions, which is
 * inevitable for any key, and cheap while the data fits one physical partition.
 */
export const CASES_CONTAINER: ContainerDefinition = {
  id: 'cases',
  partitionKey: { paths: ['/id'] },
  indexingPolicy: {
    indexingMode: 'consistent',
    automatic: true,
    includedPaths: [
      { path: '/reference/?' },
      { path: '/responsibleOfficerId/?' },
      { path: '/receivedOn/?' },
      { path: '/closedOn/?' },
      { path: '/q/open/?' },
      { path: '/q/dueOn/?' },
      { path: '/q/dueSort/?' },
      { path: '/q/demo/?' },
      { path: '/q/awaits/?' },
      { path: '/q/search/?' },
      { path: '/q/running/[]/due/?' },
    ],
    excludedPaths: [{ path: '/*' }],
    // ORDER BY over several properties needs a composite index in this exact order.
    compositeIndexes: [
      [
        { path: '/responsibleOfficerId', order: 'ascending' },
        { path: '/q/dueSort', order: 'ascending' },
        { path: '/reference', order: 'ascending' },
      ],
      [
        { path: '/receivedOn', order: 'ascending' },
        { path: '/reference', order: 'ascending' },
      ],
      [
        { path: '/closedOn', order: 'ascending' },
        { path: '/reference', order: 'ascending' },
      ],
      // The open cases in receipt order (openCasesPaged): the equality filter's path first, and
      // in the query's ORDER BY too, so a page reads open cases only, not every case in order.
      [
        { path: '/q/open', order: 'ascending' },
        { path: '/receivedOn', order: 'ascending' },
        { path: '/reference', order: 'ascending' },
      ],
    ],
  },
};

/**
 * References: partition key /id. Holds one counter document per series (HC-2026) and one
 * document per allocated reference (id = the reference, pointing at the case id), so
 * that getCaseByReference is two point reads and no query.
 */
export const REFERENCES_CONTAINER: ContainerDefinition = {
  id: 'case-references',
  partitionKey: { paths: ['/id'] },
  indexingPolicy: NOTHING_INDEXED,
};

/** Conversation references: partition key /id (a hash of the user id); point reads only. */
export const CONVERSATION_REFS_CONTAINER: ContainerDefinition = {
  id: 'conversation-refs',
  partitionKey: { paths: ['/id'] },
  indexingPolicy: NOTHING_INDEXED,
};

/**
 * Reminder claims: partition key /caseId, so that all claims of a case sit together and
 * can be listed or removed with a single-partition query when the case is purged.
 */
export const REMINDER_CLAIMS_CONTAINER: ContainerDefinition = {
  id: 'reminder-claims',
  partitionKey: { paths: ['/caseId'] },
  indexingPolicy: NOTHING_INDEXED,
};

/** Who has seen a case's personal data: partition key /caseId, listed newest first within the case. */
export const CASE_ACCESS_CONTAINER: ContainerDefinition = {
  id: 'case-access',
  partitionKey: { paths: ['/caseId'] },
  indexingPolicy: { indexingMode: 'consistent', automatic: true, includedPaths: [{ path: '/at/?' }], excludedPaths: [{ path: '/*' }] },
};

/**
 * Bot state: partition key /id (a hash of the bot's storage key); point reads only. Time to
 * live on, with no default (-1): an entry given its own `ttl` (an intake form, 30 days
 * untouched) is removed by Cosmos DB when it runs out; the rest stay.
 */
export const BOT_STATE_CONTAINER: ContainerDefinition = {
  id: 'bot-state',
  partitionKey: { paths: ['/id'] },
  indexingPolicy: NOTHING_INDEXED,
  defaultTtl: -1,
};

/**
 * Dissatisfaction not taken as a complaint: partition key /id, so a record is written once
 * (create fails on a second press of the same card); the reports read it by date across
 * partitions, a few hundred small documents a year.
 */
export const DISSATISFACTION_CONTAINER: ContainerDefinition = {
  id: 'dissatisfaction',
  partitionKey: { paths: ['/id'] },
  indexingPolicy: { indexingMode: 'consistent', automatic: true, includedPaths: [{ path: '/receivedOn/?' }], excludedPaths: [{ path: '/*' }] },
};

export const ALL_CONTAINERS: readonly ContainerDefinition[] = [
  CASES_CONTAINER, REFERENCES_CONTAINER, CONVERSATION_REFS_CONTAINER, REMINDER_CLAIMS_CONTAINER, BOT_STATE_CONTAINER, CASE_ACCESS_CONTAINER,
  DISSATISFACTION_CONTAINER,
];
