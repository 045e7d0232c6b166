import { londonDateOf } from '../../src/domain/calendar-date';
import { SUBMIT_CLAIM_MS } from '../../src/intake/intake-flow';
import { ALEX } from '../../test/support/bot-driver';
import { FakeConnector } from '../../test/support/fake-connector';
import type { Backend } from './backends';
import { inPool } from './pool';
import { startSoakBot, type SoakBot } from './soak-bot';
import { tallyForms, type SoakForm } from './stored-forms';
import { SoakClient } from './teams-client';

export interface CrashFigures {
  store: string;
  forms: number;
  sent: number;
  confirmed: number;
  /** After the restart: forms with a case, cases beyond one per form, cases not whole, confirmed forms with no whole case. */
  stored: number;
  duplicates: number;
  halfWritten: number;
  lost: number;
  /** Sent but not confirmed, pressed Submit again after the restart; how many then have exactly one case. */
  resubmitted: number;
  endedAsOneCase: number;
  /** Further cases beyond one per form, after the re-submits. */
  duplicatesAfter: number;
}

export interface CrashPhase {
  figures: CrashFigures;
  /** Waits until an interrupted submit's claim may be taken over, presses Submit again on each unconfirmed form, counts again. */
  finish(): Promise<CrashFigures>;
}

/**
 * kill -9 in the middle of a burst of case submissions. The forms are filled in first (as
 * people would have, over the day); then Submit is pressed on all of them, `concurrency` at
 * a time, and once `killAt` have been confirmed the bot is killed with the rest in flight.
 * It is started again on the same store, and the store is counted against what was confirmed.
 */
export async function crashBurst(backend: Backend, options: { forms: number; killAt: number; concurrency: number }): Promise<CrashPhase> {
  const connector = await new FakeConnector().start();
  let bot: SoakBot = await startSoakBot({ env: backend.env });
  const client = new SoakClient(bot.url, connector);
  const forms: SoakForm[] = [];
  const run = Date.now().toString(36);
  await inPool(Array.from({ length: options.forms }, (_, i) => i), 8, async (i) => {
    const marker = `Soak ${run} form ${i}`;
    forms[i] = { intakeId: await client.fillForm(ALEX, marker), marker, sent: false, confirmedCaseId: null };
  });
  connector.sent.length = 0;

  // Read and set from every submit in flight, hence an object rather than a narrowed local.
  const burst: { killed: Promise<void> | null; confirmed: number } = { killed: null, confirmed: 0 };
  const kill = () => { burst.killed ??= bot.kill9(); };
  await inPool(forms, options.concurrency, async (form) => {
    if (burst.killed) return;
    form.sent = true;
    const answer = await client.submit(ALEX, form.intakeId);
    form.confirmedCaseId = answer.caseId;
    if (answer.caseId) burst.confirmed += 1;
    if (burst.confirmed >= options.killAt) kill();
  });
  kill();
  await burst.killed;
  const killedAt = Date.now();

  bot = await startSoakBot({ env: backend.env, port: bot.port });
  const day = londonDateOf(new Date());
  const stores = await backend.open();
  const count = async () => tallyForms(stores, forms, day);
  const first = await count();
  const sent = forms.filter((f) => f.sent);
  const unconfirmed = sent.filter((f) => !f.confirmedCaseId);
  const figures: CrashFigures = {
    store: backend.name, forms: forms.length, sent: sent.length, confirmed: sent.length - unconfirmed.length,
    stored: first.stored, duplicates: first.duplicates, halfWritten: first.halfWritten, lost: first.lost,
    resubmitted: 0, endedAsOneCase: 0, duplicatesAfter: 0,
  };
  return {
    figures,
    finish: async () => {
      try {
        // A claim younger than SUBMIT_CLAIM_MS may still be a submit in progress, so the bot
        // answers "being submitted" until then: the person presses Submit again a minute later.
        const deadline = killedAt + SUBMIT_CLAIM_MS + 60_000;
        await sleep(killedAt + SUBMIT_CLAIM_MS + 1000 - Date.now());
        const again = new SoakClient(bot.url, connector);
        await inPool(unconfirmed, 5, async (form) => {
          for (;;) {
            const answer = await again.submit(ALEX, form.intakeId);
            if (answer.caseId || Date.now() > deadline) return;
            await sleep(2000);
          }
        });
        const after = await count();
        return { ...figures, resubmitted: unconfirmed.length, endedAsOneCase: unconfirmed.filter((f) => after.exactlyOne.includes(f.intakeId)).length, duplicatesAfter: after.duplicates };
      } finally {
        await stores.close();
        await bot.stop();
        await connector.stop();
      }
    },
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}
