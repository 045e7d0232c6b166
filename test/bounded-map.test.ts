import { strict as assert } from 'node:assert';
import { BoundedMap, seenWithin } from '../src/bounded-map';

describe('BoundedMap', () => {
  it('keeps what was set, up to its size', () => {
    const map = new BoundedMap<string, number>(3);
    map.set('a', 1).set('b', 2).set('c', 3);
    assert.equal(map.size, 3);
    assert.deepEqual(['a', 'b', 'c'].map((key) => map.get(key)), [1, 2, 3]);
  });

  it('forgets the oldest set past its size, however often the oldest was read', () => {
    const map = new BoundedMap<string, number>(2);
    map.set('a', 1).set('b', 2);
    assert.equal(map.get('a'), 1);
    map.set('c', 3);
    assert.equal(map.size, 2);
    assert.equal(map.get('a'), undefined);
    assert.equal(map.get('b'), 2);
    assert.equal(map.get('c'), 3);
  });

  it('makes a key set again the newest, with its new value', () => {
    const map = new BoundedMap<string, number>(2);
    map.set('a', 1).set('b', 2).set('a', 10).set('c', 3);
    assert.equal(map.get('a'), 10);
    assert.equal(map.get('b'), undefined);
    assert.equal(map.get('c'), 3);
  });

  it('deletes a key, saying whether it was there', () => {
    const map = new BoundedMap<string, number>(2);
    map.set('a', 1);
    assert.equal(map.delete('a'), true);
    assert.equal(map.delete('a'), false);
    assert.equal(map.get('a'), undefined);
    assert.equal(map.size, 0);
  });
});

describe('seenWithin', () => {
  const times = new BoundedMap<string, number>(10).set('seen', 1_000);

  it('is true from the time kept until just before the window ends', () => {
    assert.equal(seenWithin(times, 'seen', 1_000, 500), true);
    assert.equal(seenWithin(times, 'seen', 1_499, 500), true);
  });

  it('is false once the window is over, for a key never kept, and for a time kept after now (a clock set back)', () => {
    assert.equal(seenWithin(times, 'seen', 1_500, 500), false);
    assert.equal(seenWithin(times, 'never', 1_000, 500), false);
    assert.equal(seenWithin(times, 'seen', 999, 500), false);
  });
});
