import { randomInt, randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { CaseContext } from '../cases/case-context';
import { londonDateOf, type CalendarDate } from '../domain/calendar-date';
import { isReminderTime, reminderHorizon, type WorkingHours } from '../domain/reminder-schedule';
import type { MailSender } from '../graph/mail-sender.port';
import type { DueDeadline } from '../store/case-store.port';
import type { Stores } from '../store/stores';
import { realSleep, type Sleep } from './clock';
import { sendDailyDigest, type DigestOutcome } from './daily-digest';
import { Pacer } from './pacer';
import { ReminderDeliverer, type DeliveryOutcome, type Installer, type TeamsSender } from './reminder-delivery';
import { managerNotice, officerReminder, planReminders, type PlanContext, type PlannedReminder } from './reminder-plan';
import { ManagerResolver, type ManagerLookup } from './recipients';
import type { KeptCards, RedeliveryCounts } from './kept-cards';
import { DEFAULT_SEND_RETRY } from './send-retry';
import { interleaveBy, rotate, runPool } from './work-pool';

/**
 * The reminder sweep: finds every running deadline at a reminder point, and delivers what
 * is owed (reminder-delivery.ts says how exactly once). Run by the in-process timer
 * (reminder-timer.ts) and by POST /api/reminders/run; both may run on every instance at
 * once, which the claims make safe. Nothing goes out outside working hours, at weekends or
 * on bank holidays (Europe/London, the policy's calendar).
 */
export interface SweepDeps {
  stores: Pick<Stores, 'cases' | 'reminderClaims' | 'conversationRefs'>;
  /** policy (reminder points), calendar, directory, the clock, ids for notes. */
  ctx: CaseContext;
  teams: TeamsSender;
  /** Cards Teams did not deliver: the sweep retries those it only failed to send (kept-cards.ts). */
  keptCards?: KeptCards | undefined;
  mail: MailSender;
  complaintsMailbox: string | undefined;
  installer?: Installer | undefined;
  people?: ManagerLookup | undefined;
  workingHours: WorkingHours;
  logger: Logger;
  /** Local demo only: also on weekends and holidays (the calendar still places the points). */
  anyDay?: boolean;
  /**
   * Reminders (and digest lines) for demo cases (`details.demo`). 'unless-real-cases' (the
   * default, the deployed bot): none while the store also holds a real case, so invented cases
   * loaded into a live store never send anyone a card; a store of demo cases only (a training
   * or demonstration deployment) still gets them. 'always': `npm run dev`, whose demo case is
   * there to show the reminders, even after complaints have been logged in the Playground.
   */
  demoCaseReminders?: 'always' | 'unless-real-cases';
  sleep?: Sleep;
  pacer?: Pacer;
  /** How long a claim is held before another instance may take it over. Default 10 min. */
  leaseMs?: number;
  /** Reminders delivered side by side (the pacer still spaces them). Default 8. */
  concurrency?: number;
  retry?: { attempts: number; baseDelayMs: number };
  /** Names this instance in claims; unique per process by default. */
  instanceId?: string;
}

export type SweepCounts = Record<DeliveryOutcome, number>;

export interface SweepReport {
  startedAt: string;
  finishedAt: string;
  today: CalendarDate;
  /** Why nothing was looked at, when that is the case. */
  skipped: 'outside-working-time' | null;
  deadlines: number;
  /** Due deadlines of demo cases left out because the store holds real cases (see demoCaseReminders). */
  demoSkipped: number;
  counts: SweepCounts;
  digest: DigestOutcome | 'not-run';
  /** Kept cards sent again, failed again, and given up (kept-cards.ts). */
  keptCards: RedeliveryCounts | 'not-run';
}

const emptyCounts = (): SweepCounts => ({ sent: 0, emailed: 0, 'handled-elsewhere': 0, 'awaiting-install': 0, unreachable: 0, failed: 0, stale: 0, 'no-recipient': 0 });

export class ReminderSweeper {
  private running: Promise<SweepReport> | undefined;
  private readonly abort = new AbortController();
  private readonly instanceId: string;
  private readonly pacer: Pacer;
  private readonly sleep: Sleep;
  private runs = 0;

  constructor(private readonly deps: SweepDeps) {
    this.instanceId = deps.instanceId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.sleep = deps.sleep ?? realSleep;
    this.pacer = deps.pacer ?? new Pacer(deps.ctx.now, this.sleep);
  }

  /** Sweeps now. A call while a sweep is running joins it rather than starting a second. */
  run(): Promise<SweepReport> {
    if (this.abort.signal.aborted) return Promise.reject(new Error('The reminder sweeper has been stopped'));
    this.running ??= this.sweep().finally(() => { this.running = undefined; });
    return this.running;
  }

  /** Stops taking new reminders and waits for the ones in flight. */
  async stop(): Promise<void> {
    this.abort.abort();
    await this.running?.catch(() => undefined);
  }

  /**
   * The due deadlines to act on: demo cases' are dropped when the store also holds real cases,
   * unless demoCaseReminders is 'always'. The count is asked only when a demo case is due.
   */
  private async remindable(due: DueDeadline[]): Promise<DueDeadline[]> {
    if (this.deps.demoCaseReminders === 'always' || !due.some((d) => d.demo)) return due;
    if (await this.deps.stores.cases.countCases({ demo: false }) === 0) return due;
    return due.filter((d) => !d.demo);
  }

  private async sweep(): Promise<SweepReport> {
    const { deps } = this;
    const { ctx } = deps;
    const started = ctx.now();
    const today = londonDateOf(started);
    const report = (extra: Partial<SweepReport>): SweepReport => ({
      startedAt: started.toISOString(), finishedAt: ctx.now().toISOString(), today, skipped: null, deadlines: 0, demoSkipped: 0, counts: emptyCounts(), digest: 'not-run', keptCards: 'not-run', ...extra,
    });
    if (!isReminderTime(started, deps.workingHours, ctx.calendar, { anyDay: deps.anyDay === true })) return report({ skipped: 'outside-working-time' });

    const settings = ctx.policy.reminders;
    const allDue = await deps.stores.cases.deadlinesDueBy(reminderHorizon(today, settings, ctx.calendar));
    const due = await this.remindable(allDue);
    const plan: PlanContext = { today, settings, calendar: ctx.calendar, directory: ctx.directory, policy: ctx.policy };
    const holder = `${this.instanceId}#${++this.runs}`;
    const leaseMs = deps.leaseMs ?? 10 * 60_000;
    const retry = deps.retry ?? DEFAULT_SEND_RETRY;
    const signal = this.abort.signal;
    const deliverer = new ReminderDeliverer({
      cases: deps.stores.cases, claims: deps.stores.reminderClaims, refs: deps.stores.conversationRefs, ctx,
      teams: deps.teams, mail: deps.mail, installer: deps.installer, pacer: this.pacer, now: ctx.now, sleep: this.sleep,
      logger: deps.logger, holder, leaseMs, retry, signal,
    });
    const managers = new ManagerResolver(ctx.directory, deps.people, deps.logger);

    const counts = emptyCounts();
    const deliverOne = async (p: PlannedReminder): Promise<DeliveryOutcome> => {
      if (!p.officer) return 'no-recipient';
      if (p.type === 'officer') return deliverer.deliver(officerReminder(p, p.officer, plan));
      const manager = await managers.managerOf(p.officer);
      return manager ? deliverer.deliver(managerNotice(p, manager, plan)) : 'no-recipient';
    };
    // One person's many reminders are spread through the list, so that the workers (each
    // held by the pacer while that person's conversation is busy) keep everyone else moving.
    // Each run starts at a random point of it: instances sweeping at once then share the
    // work instead of all racing for the same reminder first.
    const interleaved = interleaveBy(planReminders(due, plan), (p) => `${p.type}:${p.officer?.id ?? ''}`);
    const planned = rotate(interleaved, randomInt(Math.max(1, interleaved.length)));
    await runPool(planned, deps.concurrency ?? 8, signal, async (p) => {
      try {
        counts[await deliverOne(p)]++;
      } catch (err) {
        if (signal.aborted) return;
        counts.failed++;
        deps.logger.error({ err, caseId: p.due.caseId, type: p.type }, 'reminder failed');
      }
    });

    let keptCards: SweepReport['keptCards'] = 'not-run';
    if (deps.keptCards && !signal.aborted) {
      keptCards = await deps.keptCards.sweep(ctx.directory.people, deps.teams, (aadObjectId) => this.pacer.wait(aadObjectId, signal), signal).catch((err: unknown) => {
        deps.logger.warn({ err }, 'could not retry the kept cards');
        return 'not-run' as const;
      });
    }

    let digest: SweepReport['digest'] = 'not-run';
    if (!signal.aborted) {
      digest = await sendDailyDigest(due, today, {
        cases: deps.stores.cases, claims: deps.stores.reminderClaims, mail: deps.mail, mailbox: deps.complaintsMailbox, directory: ctx.directory,
        calendar: ctx.calendar, policy: ctx.policy, now: ctx.now, sleep: this.sleep, logger: deps.logger, holder, leaseMs, retry, signal,
      }).catch((err: unknown) => {
        deps.logger.error({ err }, 'daily digest failed');
        return 'failed' as const;
      });
    }
    const done = report({ deadlines: due.length, demoSkipped: allDue.length - due.length, counts, digest, keptCards });
    const acted = counts.sent + counts.emailed + counts.failed + (digest === 'sent' || digest === 'failed' ? 1 : 0)
      + (keptCards === 'not-run' ? 0 : keptCards.delivered + keptCards.failed + keptCards.givenUp);
    deps.logger[acted > 0 ? 'info' : 'debug']({ reminders: done }, 'reminder sweep done');
    return done;
  }
}
