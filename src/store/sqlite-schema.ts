import type Database from 'better-sqlite3';

/**
 * The embedded store's schema, versioned with PRAGMA user_version so that a later change
 * can add a migration step instead of asking anyone to delete their file.
 *
 * Cases are kept as one JSON document (`doc`, without the version) plus copies of the
 * query fields in indexed columns. Running deadlines of open cases get their own table,
 * rewritten in the same transaction as the case, so "what is due by X" reads only the
 * due rows of an index instead of every case.
 */
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE cases (
    id TEXT PRIMARY KEY,
    reference TEXT NOT NULL UNIQUE,
    version TEXT NOT NULL,
    state TEXT NOT NULL,
    is_open INTEGER NOT NULL,
    responsible_officer_id TEXT,
    received_on TEXT,
    closed_on TEXT,
    due_on TEXT,
    due_sort TEXT NOT NULL,
    doc TEXT NOT NULL
  );
  CREATE INDEX cases_by_officer ON cases (responsible_officer_id, is_open, due_sort, reference);
  CREATE INDEX cases_by_received ON cases (received_on, reference);
  CREATE INDEX cases_by_closed ON cases (closed_on, reference);

  CREATE TABLE running_deadlines (
    case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    stage INTEGER NOT NULL,
    kind TEXT NOT NULL,
    due TEXT NOT NULL
  );
  CREATE INDEX running_deadlines_by_due ON running_deadlines (due);
  CREATE INDEX running_deadlines_by_case ON running_deadlines (case_id);

  CREATE TABLE reference_counters (
    series TEXT PRIMARY KEY,
    last INTEGER NOT NULL
  );

  CREATE TABLE conversation_refs (
    user_id TEXT PRIMARY KEY,
    ref TEXT NOT NULL
  );

  CREATE TABLE reminder_claims (
    key_id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL,
    stage INTEGER NOT NULL,
    kind TEXT NOT NULL,
    point TEXT NOT NULL,
    holder TEXT NOT NULL,
    lease_until TEXT NOT NULL,
    confirmed_at TEXT,
    version TEXT NOT NULL
  );
  CREATE INDEX reminder_claims_by_case ON reminder_claims (case_id);

  CREATE TABLE key_values (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    etag TEXT NOT NULL
  );
  `,
  // 2: demo (invented) cases marked in their own indexed column, so "how many real cases"
  // is an index count. Rows written before the marker existed are real unless their
  // document says otherwise.
  `
  ALTER TABLE cases ADD COLUMN is_demo INTEGER NOT NULL DEFAULT 0;
  UPDATE cases SET is_demo = 1 WHERE json_extract(doc, '$.details.demo') = 1;
  CREATE INDEX cases_by_demo ON cases (is_demo);
  `,
  // 3: follow-ups (a remedy, an Ombudsman request or order) are deadlines with ids, several
  // of one kind per case. Existing rows are stage deadlines: no id.
  `
  ALTER TABLE running_deadlines ADD COLUMN item_id TEXT;
  ALTER TABLE running_deadlines ADD COLUMN owner TEXT;
  `,
  // 4: key/value entries may run out (an intake form untouched for 30 days holds a resident's
  // details): read as absent once past, and swept by deleteExpired.
  `
  ALTER TABLE key_values ADD COLUMN expires_at TEXT;
  CREATE INDEX key_values_by_expiry ON key_values (expires_at) WHERE expires_at IS NOT NULL;
  `,
  // 5: who has seen a case's personal data (case-access-log.port.ts).
  `
  CREATE TABLE case_access (
    case_id TEXT NOT NULL,
    at TEXT NOT NULL,
    by TEXT NOT NULL,
    what TEXT NOT NULL
  );
  CREATE INDEX case_access_by_case ON case_access (case_id, at);
  `,
  // 6: open cases that may wait for a decision (case-record-rules.ts awaitsDecisionOf): 1 yes,
  // 0 no, NULL not known. Rows written before this are not known until their next write, so
  // they are read as "may be"; the partial index holds only the open ones that may be.
  `
  ALTER TABLE cases ADD COLUMN awaits_decision INTEGER;
  CREATE INDEX cases_maybe_awaiting_decision ON cases (received_on, reference) WHERE is_open = 1 AND awaits_decision IS NOT 0;
  `,
  // 7: dissatisfaction not taken as a complaint (dissatisfaction-log.port.ts), read by date.
  `
  CREATE TABLE dissatisfaction (
    id TEXT PRIMARY KEY,
    received_on TEXT NOT NULL,
    doc TEXT NOT NULL
  );
  CREATE INDEX dissatisfaction_by_received ON dissatisfaction (received_on, id);
  `,
  // 8: the text `find` matches a case on (case-search-text.ts caseSearchText), so a search reads
  // only the rows that hold every word. NULL on rows written before this: a search reads those
  // too (a superset) until their next write.
  `
  ALTER TABLE cases ADD COLUMN search TEXT;
  `,
  // 9: the rows still without that text (sqlite-search-fill.ts fills them on opening), so that
  // finding them is one look-up, and the index is empty once they are filled.
  `
  CREATE INDEX cases_without_search ON cases (id) WHERE search IS NULL;
  `,
  // 10: the open cases in receipt order (openCases, openCasesPaged: the Teams log, intake's join
  // offer), so that reading them walks only the open ones, not every case ever received.
  `
  CREATE INDEX IF NOT EXISTS cases_open_by_received ON cases (received_on, reference) WHERE is_open = 1;
  `,
];

/** Brings the file up to the current schema. Safe when several processes open it at once. */
export function migrate(db: Database.Database): void {
  // IMMEDIATE takes the write lock first, so two processes opening a new file do not
  // both see version 0 and both try to create the tables.
  db.transaction(() => {
    const current = db.pragma('user_version', { simple: true }) as number;
    MIGRATIONS.forEach((sql, i) => {
      if (i < current) return;
      db.exec(sql);
    });
    if (current < MIGRATIONS.length) db.pragma(`user_version = ${MIGRATIONS.length}`);
  }).immediate();
}
