import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { londonDateOf } from '../../src/domain/calendar-date';
import { createStores } from '../../src/store/create-stores';
import { ALEX } from '../../test/support/bot-driver';
import { FakeConnector } from '../../test/support/fake-connector';
import { startSoakBot, type SoakBot } from './soak-bot';
import { tallyForms, type FormTally, type SoakForm } from './stored-forms';
import { cardTextOf, firstLine, SoakClient, showsTransientError, type Answer } from './teams-client';

/** One data-folder fault: how it was made, and what the bot and a person saw. */
export interface FolderCase {
  name: string;
  /** How the fault was made on this machine. */
  how: string;
  stayedUp: boolean;
  healthz: number;
  readyz: number;
  /** /readyz's answer holds no path, file name or error text. */
  readyzBare: boolean;
  /** The log names the data folder. */
  logNamesFolder: boolean;
  /** During writes: Submits pressed while the fault lasted, confirmed, and what the others were told. */
  submitted?: number;
  confirmed?: number;
  told?: string[];
  /** Confirmed complaints with no whole case in the store afterwards. */
  lost?: number;
  /** /readyz once the fault was removed. */
  readyzAfter?: number;
  ok: boolean;
}

const NOBODY = 65534;
const isRoot = process.getuid?.() === 0;

/** Mounting a tmpfs without being root needs a user namespace (unshare -rm). */
function canMountTmpfs(): boolean {
  try {
    execFileSync('unshare', ['-rm', 'sh', '-c', 'mount -t tmpfs -o size=64k tmpfs /tmp'], { stdio: 'ignore', timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}

async function probes(bot: SoakBot, folder: string): Promise<Pick<FolderCase, 'healthz' | 'readyz' | 'readyzBare'>> {
  const healthz = (await fetch(`${bot.url}/healthz`)).status;
  const res = await fetch(`${bot.url}/readyz`);
  const body = await res.text();
  return { healthz, readyz: res.status, readyzBare: !body.includes(folder) && !/sqlite|\/|EACCES|EROFS|ENOSPC|full|read-only/i.test(body) };
}

/** The bot started on a data folder it cannot write (a read-only or a full tmpfs): it must stay up, live and not ready. */
async function atStart(name: string, how: string, prelude: (folder: string) => string): Promise<FolderCase> {
  const folder = mkdtempSync(path.join(tmpdir(), 'soak-folder-'));
  const bot = await startSoakBot({ env: { DATA_DIR: folder }, namespacePrelude: prelude(folder) });
  try {
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const seen = await probes(bot, folder);
    const stayedUp = bot.running();
    const logNamesFolder = bot.output().includes(folder);
    return { name, how, stayedUp, ...seen, logNamesFolder, ok: stayedUp && seen.healthz === 200 && seen.readyz === 503 && seen.readyzBare && logNamesFolder };
  } finally {
    await bot.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * A fault that begins while the bot is writing: forms are filled in, the fault is made, Submit
 * is pressed on each, /readyz is asked; the fault is removed, /readyz asked again, the
 * unconfirmed forms submitted again, and every confirmed complaint looked for in the store.
 */
async function duringWrites(name: string, how: string, bot: SoakBot, folder: string, fault: { make(): void; remove(): void }, count: (forms: SoakForm[]) => Promise<Pick<FormTally, 'lost' | 'duplicates'>>, forms = 12): Promise<FolderCase> {
  const connector = await new FakeConnector().start();
  const client = new SoakClient(bot.url, connector);
  try {
    const filled: SoakForm[] = [];
    for (let i = 0; i < forms; i++) {
      const marker = `Soak folder ${Date.now().toString(36)} ${i}`;
      filled.push({ intakeId: await client.fillForm(ALEX, marker), marker, sent: false, confirmedCaseId: null });
    }
    fault.make();
    const told: string[] = [];
    const note = (answer: Answer) => { if (showsTransientError(answer) || !answer.card) told.push(answer.status === 200 ? firstLine(cardTextOf(answer)) : `HTTP ${answer.status}`); };
    for (const form of filled) {
      form.sent = true;
      const answer = await client.submit(ALEX, form.intakeId);
      form.confirmedCaseId = answer.caseId;
      if (!answer.caseId) note(answer);
    }
    note(await client.execute(ALEX, 'intake.start', {}));
    const during = await probes(bot, folder);
    fault.remove();
    await new Promise((resolve) => setTimeout(resolve, 500));
    const readyzAfter = (await fetch(`${bot.url}/readyz`)).status;
    for (const form of filled.filter((f) => !f.confirmedCaseId)) form.confirmedCaseId = (await client.submit(ALEX, form.intakeId)).caseId;
    const tally = await count(filled);
    const stayedUp = bot.running();
    const logNamesFolder = bot.output().includes(folder);
    const confirmed = filled.filter((f) => f.confirmedCaseId).length;
    return {
      name, how, stayedUp, ...during, logNamesFolder, submitted: filled.length, confirmed, told: [...new Set(told)], lost: tally.lost, readyzAfter,
      ok: stayedUp && tally.lost === 0 && tally.duplicates === 0 && during.healthz === 200 && during.readyz === 503 && during.readyzBare && readyzAfter === 200,
    };
  } finally {
    await connector.stop();
  }
}

/** The disk fills up under the bot: a small tmpfs as its data folder, filled with a ballast file from outside (through /proc/<pid>/root). */
async function fullDuringWrites(): Promise<FolderCase> {
  const folder = mkdtempSync(path.join(tmpdir(), 'soak-full-'));
  const bot = await startSoakBot({ env: { DATA_DIR: folder }, namespacePrelude: `mount -t tmpfs -o size=4m tmpfs ${folder}` });
  const inside = `/proc/${String(bot.process.pid)}/root${folder}`;
  const ballast = path.join(inside, 'ballast');
  try {
    return await duringWrites('full disk during writes', 'a 4 MB tmpfs in a private mount namespace (unshare -rm), filled to the last byte while the bot runs', bot, folder, {
      make: () => { fill(ballast); },
      remove: () => { rmSync(ballast, { force: true }); },
    }, (forms) => Promise.resolve(countInNamespace(bot, folder, forms)));
  } finally {
    await bot.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * The data folder made read-only while the bot runs (chmod). Root ignores file modes, so when
 * the soak runs as root the bot is started as the unprivileged user `nobody` (setpriv), which
 * owns the folder, and the modes then bind it as they would on a server.
 */
async function readOnlyDuringWrites(): Promise<FolderCase> {
  const folder = mkdtempSync(path.join(tmpdir(), 'soak-chmod-'));
  const files = path.join(folder, 'files');
  mkdirSync(files);
  if (isRoot) {
    chownSync(folder, NOBODY, NOBODY);
    chownSync(files, NOBODY, NOBODY);
  }
  const bot = await startSoakBot({ env: { DATA_DIR: folder }, ...(isRoot ? { asUser: NOBODY } : {}) });
  const setModes = (dir: number, file: number) => {
    for (const entry of readdirSync(folder)) chmodSync(path.join(folder, entry), entry === 'files' ? dir : file);
    chmodSync(folder, dir);
  };
  try {
    return await duringWrites('read-only during writes', `chmod a-w on the folder, its files and files/ while the bot runs${isRoot ? ', the bot running as nobody (setpriv), as root ignores modes' : ''}`, bot, folder, {
      make: () => { setModes(0o555, 0o444); },
      remove: () => { setModes(0o755, 0o644); },
    }, async (forms) => {
      const stores = await createStores({ kind: 'sqlite', dataDir: folder });
      return tallyForms(stores, forms, londonDateOf(new Date())).finally(() => stores.close());
    });
  } finally {
    setModes(0o755, 0o644);
    await bot.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The tally of a store only the bot's mount namespace sees, counted there (count-forms.ts through nsenter). */
function countInNamespace(bot: SoakBot, folder: string, forms: SoakForm[]): FormTally {
  const out = execFileSync('nsenter', ['-t', String(bot.process.pid), '-m', '-U', '--preserve-credentials', `--wd=${path.resolve(__dirname, '../..')}`, process.execPath, '--import', 'tsx', path.join(__dirname, 'count-forms.ts'), folder], {
    input: JSON.stringify(forms), cwd: path.resolve(__dirname, '../..'), encoding: 'utf8', timeout: 60_000,
  });
  return JSON.parse(out) as FormTally;
}

/** Writes zeros to `file` until the disk refuses (ENOSPC). */
function fill(file: string): void {
  const fd = openSync(file, 'w');
  const chunk = Buffer.alloc(64 * 1024);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
    // The last bytes: smaller writes until not even one fits.
    for (let size = 32 * 1024; size >= 1; size = Math.floor(size / 2)) {
      try { for (;;) writeSync(fd, chunk, 0, size); } catch { /* full at this size */ }
    }
  } finally {
    closeSync(fd);
  }
}

/** Every data-folder case: read-only and full at start, full and read-only during writes. */
export async function dataFolderChecks(): Promise<FolderCase[]> {
  const out: FolderCase[] = [];
  if (canMountTmpfs()) {
    out.push(await atStart('read-only at start', 'a tmpfs mounted read-only (ro) in a private mount namespace (unshare -rm)', (f) => `mount -t tmpfs -o ro,size=1m tmpfs ${f}`));
    out.push(await atStart('full at start', 'a 256 KB tmpfs filled with a ballast file before the bot starts', (f) => `mount -t tmpfs -o size=256k tmpfs ${f} && (dd if=/dev/zero of=${f}/ballast bs=4k 2>/dev/null || true)`));
    out.push(await fullDuringWrites());
  }
  out.push(await readOnlyDuringWrites());
  return out;
}
