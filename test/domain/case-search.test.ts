import { strict as assert } from 'node:assert';
import { searchWords } from '../../src/domain/case-search';
import { postcodesIn, searchText } from '../../src/domain/case-search-text';
import { firstLine } from '../../src/cards/find-cards';

// Issue 19: how `find` reads what was typed and what it matches against.
describe('find: words, postcodes and the first line of an address', () => {
  it('matches without case, accents or punctuation', () => {
    assert.equal(searchText('Zoë O\'Brien-Smith, SE1 7PB'), 'zoe obrien smith se1 7pb');
    assert.deepEqual(searchWords('  Threlkeld  threlkeld HC-2026-00042 '), ['threlkeld', 'hc', '2026', '00042']);
    assert.deepEqual(searchWords('?! ...'), []);
  });

  it('keeps at most eight words of forty characters', () => {
    assert.equal(searchWords('a b c d e f g h i j').length, 8);
    assert.equal(searchWords('x'.repeat(500))[0]!.length, 40);
  });

  it('finds UK postcodes in an address, with or without the space', () => {
    assert.deepEqual(postcodesIn('Flat 4, 1 Invented Row, Eastholme SE1 7PB'), ['se1 7pb']);
    assert.deepEqual(postcodesIn('3 Hill Rise, EC1A1BB'), ['ec1a 1bb']);
    assert.deepEqual(postcodesIn('No postcode here'), []);
  });

  it('the first line of an address: the house and street, a flat with its building', () => {
    assert.equal(firstLine('14 Larkspur Court, Eastholme'), '14 Larkspur Court');
    assert.equal(firstLine('Flat 4, 1 Invented Row, Eastholme SE1 7PB'), 'Flat 4, 1 Invented Row');
    assert.equal(firstLine('12 High St\nEastholme'), '12 High St');
    assert.equal(firstLine(''), '');
  });
});
