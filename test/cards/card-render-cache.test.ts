import assert from 'node:assert/strict';
import { renderCard } from '../../src/cards/card-template';

/** renderCard keeps recently rendered cards: a copy must be what a fresh render gives, and the caller's own. */
describe('rendered cards kept for reuse', () => {
  it('gives the same card for the same data, a different one for different data, and a copy each time', () => {
    const data = { title: 'Saved', text: 'The note is on HC-2026-00042.', color: 'Good' };
    const first = renderCard('notice', data);
    const second = renderCard('notice', { ...data });
    assert.deepEqual(second, first);
    assert.notEqual(second, first, 'each caller gets its own object');
    // Kept from the second ask: the third comes from what was kept. A caller changing its card changes nobody else's.
    (first.body as unknown[]).length = 0;
    const third = renderCard('notice', data);
    assert.deepEqual(third, second);
    (third.body as unknown[]).length = 0;
    (second.body as unknown[]).push({ type: 'TextBlock', text: 'changed by a caller' });
    assert.deepEqual(renderCard('notice', data), renderCard('notice', { ...data }));
    assert.match(JSON.stringify(renderCard('notice', data)), /HC-2026-00042/);
    assert.doesNotMatch(JSON.stringify(renderCard('notice', data)), /changed by a caller/);
    const other = renderCard('notice', { ...data, text: 'The note is on HC-2026-00043.' });
    assert.notDeepEqual(other, second);
    assert.match(JSON.stringify(other), /HC-2026-00043/);
    assert.doesNotMatch(JSON.stringify(other), /HC-2026-00042/);
  });
});
