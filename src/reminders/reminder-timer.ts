import type { Logger } from 'pino';

/**
 * Runs the sweep every `intervalSeconds` in the process. A chain of timeouts rather than an
 * interval, so a slow sweep is never overlapped by the next; unref'd, so the timer alone
 * never keeps a process (or a test run) alive. stop() cancels the next run and waits for
 * the current one.
 */
export class ReminderTimer {
  private timer: NodeJS.Timeout | undefined;
  private current: Promise<unknown> | undefined;
  private stopped = false;

  constructor(
    private readonly sweep: () => Promise<unknown>,
    private readonly intervalSeconds: number,
    private readonly logger: Logger,
  ) {}

  start(): this {
    if (this.intervalSeconds > 0) this.schedule();
    else this.logger.info('REMINDER_SWEEP_SECONDS is 0: no in-process reminder sweep (POST /api/reminders/run still works)');
    return this;
  }

  get isScheduled(): boolean {
    return this.timer !== undefined;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.current;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.current = this.sweep()
        .catch((err: unknown) => { this.logger.error({ err }, 'reminder sweep failed; the next one will try again'); })
        .finally(() => {
          this.current = undefined;
          this.schedule();
        });
    }, this.intervalSeconds * 1000);
    this.timer.unref();
  }
}
