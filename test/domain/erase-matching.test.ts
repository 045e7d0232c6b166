import assert from 'node:assert/strict';
import { matchReasons, mentionsResident, normaliseEmail, normaliseName, normalisePhone, postcodeOf } from '../../src/domain/complainant-match';
import { ERASED } from '../../src/domain/erase-complainant';
import { RESIDENT } from './erase-fixtures';

const none = { complainantName: '', contactEmail: '', contactPhone: '', address: '' };

describe('domain: which cases are the same resident (subject access and erasure)', () => {
  it('normalises email, phone (+44 and 0 the same), names and postcodes', () => {
    assert.equal(normaliseEmail('  Imogen.Threlkeld@Example.INVALID '), 'imogen.threlkeld@example.invalid');
    for (const phone of ['07700 900123', '+44 7700 900123', '+44 (0)7700-900123', '0044 7700 900123', '(07700) 900 123']) assert.equal(normalisePhone(phone), '07700900123', phone);
    assert.equal(normalisePhone('123'), '', 'too short to match on');
    assert.equal(normaliseName('Mrs.  Imogen  THRELKELD'), 'imogen threlkeld');
    assert.equal(postcodeOf('14 Larkspur Court, Eastholme eh4  7qt'), 'EH47QT');
    assert.equal(postcodeOf('14 Larkspur Court, Eastholme'), '');
  });

  it('matches on the same email, the same phone, or the same name at the same address, and says which', () => {
    assert.deepEqual(matchReasons(RESIDENT, { ...none, contactEmail: 'imogen.threlkeld@example.invalid ' }), ['email']);
    assert.deepEqual(matchReasons(RESIDENT, { ...none, contactPhone: '+44 7700 900 123' }), ['phone']);
    assert.deepEqual(matchReasons(RESIDENT, { ...none, complainantName: 'Mrs Imogen Threlkeld', address: 'Flat at 14 Larkspur Ct, EH4 7QT' }), ['name-and-address']);
    assert.deepEqual(matchReasons(RESIDENT, RESIDENT), ['email', 'phone', 'name-and-address']);
  });

  it('does not match the same name elsewhere, the same address under another name, or two empty or erased cases', () => {
    assert.deepEqual(matchReasons(RESIDENT, { ...none, complainantName: 'Imogen Threlkeld', address: '9 Mill Lane, Westholme WH1 2AB' }), []);
    assert.deepEqual(matchReasons(RESIDENT, { ...none, complainantName: 'Ravi Anand', address: RESIDENT.address }), []);
    assert.deepEqual(matchReasons(none, none), []);
    const erased = { complainantName: ERASED, contactEmail: ERASED, contactPhone: ERASED, address: ERASED };
    assert.deepEqual(matchReasons(erased, erased), [], 'every erased case has the same marker: it is nobody');
  });

  it('spots the resident\'s name, email, phone or postcode in a note', () => {
    for (const text of ['Request from Imogen', 'DSR for threlkeld', 'imogen.threlkeld@example.invalid', 'caller 07700900123', 'caller +44 7700 900 123', 'eh4 7qt']) {
      assert.ok(mentionsResident(text, RESIDENT), text);
    }
    for (const text of ['DSR-2026-014', 'Erasure request of 3 June, ticket 4471']) assert.ok(!mentionsResident(text, RESIDENT), text);
    assert.ok(!mentionsResident('DSR-2026-0020', { ...none, complainantName: 'Demo Resident 0020' }), 'a number in a name is not a word of it');
  });
});
