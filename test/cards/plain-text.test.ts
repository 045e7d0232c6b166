import { strict as assert } from 'node:assert';
import * as AC from 'adaptivecards';
import MarkdownIt from 'markdown-it';
import { noticeCard } from '../../src/cards/general-cards';
import { reportFileCard } from '../../src/cards/report-cards';
import { asPlainText, escapeMarkdown, plainCard } from '../../src/cards/plain-text';

const md = new MarkdownIt({ linkify: true });
/** What a markdown renderer (Teams' cards are markdown) makes of a text: its HTML. */
const rendered = (text: string): string => md.renderInline(text);

// Issue 18: a resident's words on a card are text. A markdown link typed into a complaint must
// not become a clickable link on the officer's card, nor ** bold, nor a line a list.
describe('typed text on cards is text, not markdown', () => {
  const attacks = [
    '[Click here to reset your password](https://attacker.example/login)',
    'See https://attacker.example/x and <https://attacker.example/y>',
    '- first\n- second\n1. numbered',
    '# heading\n> quote',
    '![img](https://attacker.example/pixel.png)',
  ];
  for (const text of attacks) {
    it(`shows ${JSON.stringify(text.slice(0, 40))} as typed: no link, image, list or heading`, () => {
      const plain = asPlainText(text);
      assert.equal(plain.replace(/\u200B/g, ''), text, 'a person reads exactly what was typed');
      const html = rendered(plain);
      assert.doesNotMatch(html, /<a |<img /, html);
      const block = md.render(plain);
      assert.doesNotMatch(block, /<ul>|<ol>|<h1>|<blockquote>/, block);
    });
  }

  it('the check itself: the same texts unescaped do render as markdown', () => {
    assert.match(rendered(attacks[0]!), /<a href="https:\/\/attacker\.example\/login">/);
    assert.match(rendered(attacks[1]!), /<a href="https:\/\/attacker\.example\/x">/);
    assert.match(md.render(attacks[2]!), /<ul>/);
    assert.match(rendered(attacks[4]!), /<img /);
  });

  it('an email address is left exactly as typed, so it still copies', () => {
    assert.equal(asPlainText('robin_smith@example.net'), 'robin_smith@example.net');
  });

  it('a card: TextBlocks and facts are made plain; what an input holds is left as typed', () => {
    const card = plainCard({
      type: 'AdaptiveCard', version: '1.5', body: [
        { type: 'TextBlock', text: '[x](https://e.example)' },
        { type: 'FactSet', facts: [{ title: 'Name', value: 'See https://e.example' }] },
        { type: 'Input.Text', id: 'text', value: '[x](https://e.example)' },
      ],
    });
    const body = card.body as Array<Record<string, unknown>>;
    assert.doesNotMatch(String(body[0]!.text), /\]\(/);
    assert.doesNotMatch(JSON.stringify(body[1]!.facts), /https:\/\//);
    assert.equal(body[2]!.value, '[x](https://e.example)');
    const parsed = new AC.AdaptiveCard();
    parsed.parse(card);
    assert.deepEqual(parsed.validateProperties().validationEvents.map((e) => e.message), []);
  });
});

describe('every card is drawn through it', () => {
  it('a notice with a typed link: the card holds no link syntax', () => {
    const card = JSON.stringify(noticeCard({ title: 'Note', text: 'Resident wrote: [pay here](https://attacker.example)', tone: 'info' }));
    assert.doesNotMatch(card, /\]\(https/);
    assert.match(card, /pay here/);
  });

  it('the report and reminder cards too, which bind their own templates', () => {
    const card = JSON.stringify(reportFileCard({ title: 'Report', text: 'Estate: [pay here](https://attacker.example)', tone: 'info' }));
    assert.doesNotMatch(card, /\]\(https/);
    assert.match(card, /pay here/);
  });
});

// asPlainText returns a text untouched when a quick test finds nothing to escape. That test must
// never miss what the escapes would change: checked against the escapes alone (escapeMarkdown) on random texts.
describe('asPlainText fast path', () => {
  it('gives what the escapes give, on 20,000 random texts made of the characters that matter', () => {
    const alphabet = ['[', ']', '(', ')', ':', '/', '<', 'a', 'Z', '-', '+', '>', '#', '1', '9', '.', ' ', '\n', '\t', 'x', '@'];
    let seed = 17;
    const random = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
    let changed = 0;
    for (let i = 0; i < 20_000; i++) {
      const length = 1 + Math.floor(random() * 12);
      let text = '';
      for (let j = 0; j < length; j++) text += alphabet[Math.floor(random() * alphabet.length)];
      const expected = escapeMarkdown(text);
      if (expected !== text) changed++;
      assert.equal(asPlainText(text), expected, JSON.stringify(text));
    }
    assert.ok(changed > 1000, `only ${changed} texts needed an escape: the check checks little`);
  });
});
