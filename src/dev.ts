import { calendarForPolicy } from './calendar/policy-calendar';
import { londonDateOf } from './domain/calendar-date';
import { deriveCase } from './domain/case-timeline';
import { checkPolicy } from './domain/policy-checker';
import { listPresets } from './policies/preset-registry';

/**
 * `npm run dev` until the Teams bot exists: shows, for a complaint received today, the
 * first deadlines under every preset and how far each preset departs from the Code.
 */
function main(): void {
  const today = londonDateOf(new Date());
  process.stdout.write(`A complaint received today (${today}, Europe/London):\n\n`);
  for (const policy of listPresets()) {
    const result = deriveCase([{ type: 'received', on: today }], { policy, calendar: calendarForPolicy(policy) });
    const due = result.ok ? result.view.deadlines.map((d) => `${d.kind} by ${d.due}`).join(', ') : result.message;
    process.stdout.write(`  ${policy.id.padEnd(24)} ${due.padEnd(52)} ${checkPolicy(policy).length} departures from the Code\n`);
  }
  process.stdout.write('\nTry: npm run -s complaints -- policy check city-of-london\n');
}

main();
