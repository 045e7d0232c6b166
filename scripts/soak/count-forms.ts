import { londonDateOf } from '../../src/domain/calendar-date';
import { createStores } from '../../src/store/create-stores';
import { tallyForms, type SoakForm } from './stored-forms';

/**
 * `count-forms.ts <data folder>`, the forms as JSON on stdin: the tally (stored-forms.ts) of
 * an SQLite store, as JSON on stdout. For a data folder that only the bot's own mount
 * namespace can see: the soak runs this there (nsenter), since SQLite, resolving the path
 * /proc/<pid>/root/..., would open the folder beneath the mount instead.
 */
async function main(): Promise<void> {
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error('usage: count-forms.ts <data folder> < forms.json');
  let input = '';
  for await (const chunk of process.stdin) input += String(chunk);
  const forms = JSON.parse(input) as SoakForm[];
  const stores = await createStores({ kind: 'sqlite', dataDir });
  try {
    const tally = await tallyForms(stores, forms, londonDateOf(new Date()));
    process.stdout.write(JSON.stringify(tally));
  } finally {
    await stores.close();
  }
}

main().catch((err: unknown) => { process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`); process.exit(1); });
