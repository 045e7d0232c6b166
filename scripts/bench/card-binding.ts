import { observeRenders, templateBinders } from '../../src/cards/card-template';
import { cardSamples } from '../../test/cards/card-samples';

/**
 * Binding the case-detail card with fresh data, 2,000 times with each binder: adaptivecards-
 * templating and the compiled template (issue 17). A micro-measurement to run by hand
 * (`npx tsx scripts/bench/card-binding.ts`), not part of `npm run bench`; the data is the
 * largest case-detail sample of the card tests, with a new banner each time.
 */
const RUNS = 2000;

const seen: Array<[string, object]> = [];
observeRenders((name, data) => seen.push([name, data]));
cardSamples();
observeRenders(undefined);
const size = (d: object) => JSON.stringify(d).length;
const details = seen.filter(([name]) => name === 'case-detail').map(([, data]) => data);
const data = details.reduce((a, b) => (size(b) > size(a) ? b : a));

const { library, compiled } = templateBinders('case-detail');
if (!compiled) throw new Error('case-detail does not compile');

function msPerCard(bind: (d: object) => unknown): number {
  for (let i = 0; i < 200; i++) bind({ ...data, banner: `Warming up ${i}` });
  const start = process.hrtime.bigint();
  for (let i = 0; i < RUNS; i++) bind({ ...data, banner: `Note ${i} saved.` });
  return Number(process.hrtime.bigint() - start) / 1e6 / RUNS;
}

const before = msPerCard(library);
const after = msPerCard(compiled);
console.log(`case-detail, ${size(data)} characters of data, ${RUNS} cards each:`);
console.log(`  adaptivecards-templating  ${before.toFixed(3)} ms a card`);
console.log(`  compiled template         ${after.toFixed(3)} ms a card (${(before / after).toFixed(1)}x)`);
