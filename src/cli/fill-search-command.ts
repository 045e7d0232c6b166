import type { AppConfig } from '../config';
import { buildCore } from '../core';
import type { CommandResult } from './cli-io';

/**
 * After an upgrade from a version that did not keep each case's search text: writes it for the
 * cases stored before (CaseStore.fillSearchText), so that `find` reads only the cases that match.
 * The embedded store does this itself when it opens, so this is for Cosmos DB; run it out of
 * hours there, as it reads and rewrites each such case (request units, and the cards showing
 * those cases are shown again as they now are when pressed). Exit 1 when some could not be read.
 */
export async function fillSearchCommand(config: AppConfig): Promise<CommandResult> {
  const core = await buildCore(config);
  try {
    const { filled, unreadable } = await core.stores.cases.fillSearchText();
    if (unreadable.length === 0) return { exitCode: 0, stdout: { filled } };
    const [cases, was, it] = unreadable.length === 1 ? ['case', 'was', 'it'] : ['cases', 'were', 'them'];
    const asItWas = unreadable.length === 1 ? 'it was' : 'they were';
    return {
      exitCode: 1,
      stdout: { filled, unreadable },
      stderr: `${unreadable.length} ${cases} could not be read and ${was} left as ${asItWas} (ids above): a search still reads ${it}, and fails on ${it}, as before.`,
    };
  } finally {
    await core.close();
  }
}
