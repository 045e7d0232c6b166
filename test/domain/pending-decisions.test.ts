import { strict as assert } from 'node:assert';
import { CASE_COMMANDS, type CaseCommandName } from '../../src/domain/commands/case-commands';
import { decide } from '../../src/domain/commands/command';
import { awaitsDecision } from '../../src/domain/pending-decisions';
import { DEMO_DIRECTORY } from '../../src/directory/demo-directory';
import { ACKNOWLEDGED, contextFor, fileOf, person, RECEIVED, RESPONDED } from './commands/command-fixtures';

/** The commands that decide something waiting for a decision: what "my approvals" lists. */
const DECISIONS = (Object.keys(CASE_COMMANDS) as CaseCommandName[]).filter((name) => name.startsWith('decide-'));

describe('what waits for a decision (the stores index it, the help card counts it)', () => {
  const ctx = contextFor('hos-2024', '2027-01-06');

  it('offers no decision to anyone on a case that waits for none', () => {
    assert.ok(DECISIONS.length >= 3);
    for (const events of [RECEIVED, ACKNOWLEDGED, RESPONDED]) {
      const file = fileOf(ctx, events);
      assert.equal(awaitsDecision(file.view), false);
      for (const who of DEMO_DIRECTORY.people) {
        for (const name of DECISIONS) assert.notEqual(CASE_COMMANDS[name].allowed(file, who, ctx), null, `${name} offered to ${who.id}`);
      }
    }
  });

  it('waits once an extension is asked for, and no longer once the manager decides', () => {
    const alex = person('alex.morgan');
    const asked = decide(CASE_COMMANDS['request-extension'], fileOf(ctx, ACKNOWLEDGED), alex, { workingDays: 5, reason: 'Surveyor', reasonCategory: 'third-party', complainantAgreed: true }, ctx);
    assert.ok(asked.ok);
    const waiting = fileOf(ctx, [...ACKNOWLEDGED, ...asked.events]);
    assert.equal(awaitsDecision(waiting.view), true);
    const decided = decide(CASE_COMMANDS['decide-extension'], waiting, person('priya.shah'), { approve: true, comment: '' }, ctx);
    assert.ok(decided.ok);
    assert.equal(awaitsDecision(fileOf(ctx, [...ACKNOWLEDGED, ...asked.events, ...decided.events]).view), false);
  });
});
