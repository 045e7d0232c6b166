import { strict as assert } from 'node:assert';
import { z } from 'zod';
import { parseForm, pastDate, perDay } from '../../src/bot/actions/form-fields';

// Form schemas are built once a day: the date a form may not be after must still be today's.
describe('a form schema built once per day', () => {
  it('is reused within the day and rebuilt the next, so "not in the future" moves with the date', () => {
    let builds = 0;
    const form = perDay((today) => { builds++; return z.object({ on: pastDate(today) }); });
    assert.equal(form('2026-11-30'), form('2026-11-30'));
    assert.equal(builds, 1);
    const late = parseForm(form('2026-11-30'), { on: '2026-12-01' }, (v) => v.on);
    assert.deepEqual(late.ok ? null : late.errors, { on: 'The date cannot be in the future' });
    const nextDay = parseForm(form('2026-12-01'), { on: '2026-12-01' }, (v) => v.on);
    assert.deepEqual(nextDay, { ok: true, input: '2026-12-01' });
    assert.equal(builds, 2);
  });
});
