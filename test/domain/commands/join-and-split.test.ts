import { strict as assert } from 'node:assert';
import type { CaseEvent } from '../../../src/domain/case-events';
import { addMatter } from '../../../src/domain/commands/add-matter';
import { decide } from '../../../src/domain/commands/command';
import { newComplaintFromSplit, splitComplaint } from '../../../src/domain/commands/split-complaint';
import { ACKNOWLEDGED, contextFor, fileOf, person, RECEIVED, RESPONDED } from './command-fixtures';

const ALEX = person('alex.morgan'); // AHM, handles Riverside stage 1
const PRIYA = person('priya.shah'); // AD: stage 2
const SAM = person('sam.okafor'); // EM: no part in the case

const ESCALATED: CaseEvent[] = [...RESPONDED, { type: 'escalation-requested', on: '2027-01-06' }, { type: 'assigned', on: '2027-01-06', officerId: 'priya.shah' }];
const MATTER = { intakeId: 'form-2', receivedOn: '2027-01-06', channel: 'phone', text: 'The damp in the bedroom' };
const SPLIT = { raisedOn: '2027-01-06', channel: 'email', description: 'The heating failed', newCaseId: 'case-2' };

describe('domain commands: a related complaint joins stage 1, a new issue at stage 2 is split off', () => {
  const ctx = contextFor('hos-2024', '2027-01-06');

  it('a matter is added to an open stage 1 case by anyone in the directory, once per form', () => {
    for (const events of [RECEIVED, ACKNOWLEDGED]) {
      const decided = decide(addMatter, fileOf(ctx, events), SAM, MATTER, ctx);
      assert.ok(decided.ok, decided.ok ? '' : decided.message);
      assert.deepEqual(decided.events, [{ type: 'matter-added', on: '2027-01-06', intakeId: 'form-2', receivedOn: '2027-01-06', channel: 'phone', why: 'The damp in the bedroom' }]);
    }
    const added = fileOf(ctx, [...ACKNOWLEDGED, { type: 'matter-added', on: '2027-01-06', intakeId: 'form-2', receivedOn: '2027-01-06', channel: 'phone' }]);
    const again = decide(addMatter, added, ALEX, MATTER, ctx);
    assert.deepEqual(!again.ok && [again.code, again.message], ['CASE.ALREADY_DONE', 'This complaint was already added to HC-2026-00042.']);
  });

  it('no matter joins a case once its stage 1 response is sent, nor at stage 2, nor a closed or paused one', () => {
    assert.match(addMatter.allowed(fileOf(ctx, RESPONDED), ALEX, ctx)?.message ?? '', /The stage 1 response has been sent/);
    const stage2 = addMatter.allowed(fileOf(ctx, ESCALATED), ALEX, ctx);
    assert.match(stage2?.message ?? '', /joins a complaint only at stage 1; this one is at stage 2/);
    assert.equal(addMatter.allowed(fileOf(ctx, [...RESPONDED, { type: 'closed', on: '2027-01-06' }]), ALEX, ctx)?.code, 'CASE.CLOSED');
    const paused = fileOf(ctx, [...ACKNOWLEDGED, { type: 'paused', on: '2027-01-05', reason: 'Mediation', complainantConsented: true }]);
    assert.equal(addMatter.allowed(paused, ALEX, ctx)?.code, 'CASE.PAUSED');
  });

  it('a new issue is split off only at stage 2, by those who act on the case', () => {
    assert.match(splitComplaint.allowed(fileOf(ctx, RESPONDED), ALEX, ctx)?.message ?? '', /Only a new issue raised at stage 2/);
    assert.equal(splitComplaint.allowed(fileOf(ctx, ESCALATED), SAM, ctx)?.code, 'CASE.NOT_PERMITTED');
    for (const who of [PRIYA, ALEX]) assert.equal(splitComplaint.allowed(fileOf(ctx, ESCALATED), who, ctx), null, who.id);
    const decided = decide(splitComplaint, fileOf(ctx, ESCALATED), PRIYA, SPLIT, ctx);
    assert.deepEqual(decided.ok && decided.events, [{ type: 'split-off', on: '2027-01-06', newCaseId: 'case-2', raisedOn: '2027-01-06', why: 'The heating failed' }]);
  });

  it('the new complaint is a stage 1 case for the same resident, received when the issue was raised, linked back', () => {
    const file = fileOf(ctx, ESCALATED);
    const made = newComplaintFromSplit(file, SPLIT, PRIYA, ctx);
    assert.ok(made.ok);
    assert.deepEqual([made.view.stage, made.view.state, made.view.receivedOn[1], made.view.assignedTo], [1, 'awaiting-acknowledgement', '2027-01-06', 'alex.morgan']);
    assert.deepEqual(made.details.complainant, file.record.details.complainant);
    assert.deepEqual([made.details.complaint.description, made.details.complaint.channel, made.details.loggedBy], ['The heating failed', 'email', 'priya.shah']);
    assert.deepEqual(made.events.at(-1), { type: 'split-from', on: '2027-01-06', fromCaseId: 'case-1', fromReference: 'HC-2026-00042', why: 'Raised at stage 2 of HC-2026-00042 on 2027-01-06.' });
  });
});
