import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

/**
 * The import boundaries and the no-cycle rule in eslint.config.mjs, proved by linting probe
 * files: in-memory text given the path of a file in each folder (lintText with filePath), so
 * nothing is written to src/. Each forbidden import must be reported by the rule that owns it,
 * and each allowed one must lint clean, so removing or loosening a rule fails here.
 *
 * Type-aware rules are switched off for the probes (they are not in the TypeScript program);
 * the rules under test need no type information.
 */
const ROOT = path.resolve(__dirname, '../..');
const SRC = path.join(ROOT, 'src');

const RESTRICTED_PATHS = 'import-x/no-restricted-paths';
const RESTRICTED_IMPORTS = 'no-restricted-imports';
const NO_CYCLE = 'import-x/no-cycle';

let eslint: ESLint;

/** The lint messages for `text` as if it were the file at `relPath` (from the repo root). */
async function lintAs(relPath: string, text: string): Promise<{ ruleId: string | null; message: string }[]> {
  const [result] = await eslint.lintText(text, { filePath: path.join(ROOT, relPath) });
  assert.ok(result, `no lint result for ${relPath}`);
  return result.messages.map(({ ruleId, message }) => ({ ruleId, message }));
}

function rulesOf(messages: { ruleId: string | null }[]): (string | null)[] {
  return messages.map((m) => m.ruleId);
}

/**
 * An existing module of a folder of src/, as a path without extension relative to src/
 * (e.g. 'bot/complaints-bot'), so the probes follow renames; a folder or file may be given.
 */
function moduleIn(folderOrFile: string): string {
  const full = path.join(SRC, folderOrFile);
  if (existsSync(`${full}.ts`)) return folderOrFile;
  const file = readdirSync(full).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')).sort()[0];
  assert.ok(file, `no .ts file in src/${folderOrFile}`);
  return `${folderOrFile}/${file.slice(0, -3)}`;
}

/** All .ts files under src/, relative to the repo root. */
function srcFiles(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return srcFiles(full);
    return entry.name.endsWith('.ts') ? [path.relative(ROOT, full)] : [];
  });
}

/**
 * A file F of src/ with a value (not type-only) import of another src/ file G: linting G with
 * the text `import './F'` closes the cycle G -> F -> G.
 */
function valueImportPair(): { importer: string; imported: string } {
  const valueImport = /^import\s+(?!type\b)([^'";]*?)\s+from\s+'(\.\.?\/[^']+)';/gm;
  for (const importer of srcFiles()) {
    const text = readFileSync(path.join(ROOT, importer), 'utf8');
    for (const m of text.matchAll(valueImport)) {
      const clause = m[1] ?? '';
      const spec = m[2] ?? '';
      if (/\btype\s/.test(clause)) continue; // partly type-only: keep it simple
      const imported = path.join(path.dirname(importer), `${spec}.ts`);
      if (existsSync(path.join(ROOT, imported))) return { importer, imported };
    }
  }
  throw new Error('no value import between two files of src/ found');
}

/** `from` as an import specifier relative to the folder of `probe` (both relative to src/). */
function specifier(probe: string, target: string): string {
  const rel = path.relative(path.dirname(probe), target).split(path.sep).join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
}

describe('lint: import boundaries and cycles (eslint.config.mjs)', function () {
  this.timeout(60_000);

  before(() => {
    eslint = new ESLint({
      cwd: ROOT,
      overrideConfig: [{ files: ['**/*.ts'], ...tseslint.configs.disableTypeChecked }],
    });
  });

  /** Lints `import '<target>'` in a probe file of `folder`; returns the rule ids reported. */
  async function probeImport(folder: string, target: string, typeOnly = false): Promise<(string | null)[]> {
    const probe = `${folder}/__boundary_probe__.ts`;
    const spec = target.startsWith('pkg:') ? target.slice(4) : specifier(probe, target);
    const text = typeOnly ? `import type { Probe } from '${spec}';\nexport type P = Probe;\n` : `import '${spec}';\n`;
    return rulesOf(await lintAs(`src/${probe}`, text));
  }

  const forbidden: { folder: string; targets: string[]; rule?: string }[] = [
    { folder: 'domain', targets: ['store', 'cases', 'bot', 'cards', 'reminders', 'reports', 'policies', 'calendar', 'config'] },
    { folder: 'store', targets: ['bot', 'cards', 'reminders', 'reports', 'cli'] },
    { folder: 'cards', targets: ['bot', 'store'] },
    { folder: 'reports', targets: ['bot'] },
    { folder: 'reminders', targets: ['bot'] },
    { folder: 'documents', targets: ['bot'] },
    { folder: 'files', targets: ['bot'] },
  ];
  for (const { folder, targets } of forbidden) {
    for (const target of targets) {
      it(`src/${folder} may not import src/${target}`, async () => {
        const rules = await probeImport(folder, moduleIn(target));
        assert.deepEqual(rules, [RESTRICTED_PATHS]);
      });
    }
  }

  it('a type-only import counts too: src/cards may not import a type from src/store', async () => {
    assert.deepEqual(await probeImport('cards', moduleIn('store'), true), [RESTRICTED_PATHS]);
  });

  it('the same file reached by a longer path is still caught', async () => {
    const target = moduleIn('bot');
    const rules = rulesOf(await lintAs('src/store/__boundary_probe__.ts', `import '../../src/${target}';\n`));
    assert.deepEqual(rules, [RESTRICTED_PATHS]);
  });

  it('src/domain imports only its own files, zod and date-fns', async () => {
    assert.deepEqual(await probeImport('domain', moduleIn('domain')), []);
    assert.deepEqual(await probeImport('domain', 'pkg:zod'), []);
    assert.deepEqual(await probeImport('domain', 'pkg:date-fns'), []);
    assert.deepEqual(await probeImport('domain', 'pkg:pino'), [RESTRICTED_IMPORTS]);
    assert.deepEqual(await probeImport('domain', 'pkg:node:fs'), [RESTRICTED_IMPORTS]);
    assert.deepEqual(await probeImport('domain', 'pkg:botbuilder'), [RESTRICTED_IMPORTS]);
    const outsideSrc = rulesOf(await lintAs('src/domain/__boundary_probe__.ts', "import '../../package.json';\n"));
    assert.deepEqual(outsideSrc, [RESTRICTED_PATHS]);
  });

  it('allowed imports lint clean', async () => {
    assert.deepEqual(await probeImport('store', moduleIn('domain')), []);
    assert.deepEqual(await probeImport('cards', moduleIn('domain')), []);
    assert.deepEqual(await probeImport('reminders', moduleIn('store')), []);
    assert.deepEqual(await probeImport('reminders', moduleIn('cards')), []);
    assert.deepEqual(await probeImport('bot', moduleIn('store')), []);
    assert.deepEqual(await probeImport('bot', 'pkg:botbuilder'), []);
  });

  it('botbuilder is imported only inside src/bot', async () => {
    for (const folder of ['cases', 'reminders', 'store', 'cards', 'cli']) {
      assert.deepEqual(await probeImport(folder, 'pkg:botbuilder'), [RESTRICTED_IMPORTS], `src/${folder}`);
    }
  });

  it('an import cycle in src/ fails the lint', async () => {
    const { importer, imported } = valueImportPair();
    const back = specifier(path.relative('src', imported), path.relative('src', importer).replace(/\.ts$/, ''));
    const messages = await lintAs(imported, `import '${back}';\n`);
    assert.ok(rulesOf(messages).includes(NO_CYCLE),
      `linting ${imported} with an import of ${importer} (which imports it) should report ${NO_CYCLE}; got ${JSON.stringify(messages)}`);
  });

  it('a type-only import back is not a cycle (it is erased at run time)', async () => {
    const { importer, imported } = valueImportPair();
    const back = specifier(path.relative('src', imported), path.relative('src', importer).replace(/\.ts$/, ''));
    const messages = await lintAs(imported, `import type * as Back from '${back}';\nexport type B = typeof Back;\n`);
    assert.ok(!rulesOf(messages).includes(NO_CYCLE), JSON.stringify(messages));
  });
});
