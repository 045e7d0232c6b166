import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEMO_DIRECTORY } from '../../src/directory/demo-directory';
import type { TeamsUser } from '../../test/support/bot-driver';
import { soakFolder } from './backends';

/** An officer of the soak's directory, with the estate whose complaints they handle. */
export interface SoakOfficer extends TeamsUser { estate: string }

/**
 * A directory (DIRECTORY_FILE) of the demo people plus `count` invented housing officers, each
 * the AHM of an estate of their own, as Alex Morgan is of Riverside: so each conversation logs
 * complaints that its own person handles, and every conversation is a different person's.
 */
export function soakDirectory(count: number): { file: string; officers: SoakOfficer[] } {
  const officers: SoakOfficer[] = Array.from({ length: count }, (_, i) => ({
    name: `Soak Officer ${i + 1}`, aadObjectId: `00000000-0000-4000-9000-${String(i + 1).padStart(12, '0')}`, estate: `Soak Estate ${i + 1}`,
  }));
  const directory = {
    estates: [...DEMO_DIRECTORY.estates, ...officers.map((o) => o.estate)],
    people: [
      ...DEMO_DIRECTORY.people,
      ...officers.map((o, i) => ({
        id: `soak.officer${i + 1}`, name: o.name, email: `soak.officer${i + 1}@example.org`, aadObjectId: o.aadObjectId,
        roles: ['AHM', 'HM', 'SERVICE-OFFICER', 'INVESTIGATING-OFFICER'], estates: [o.estate], managerId: 'priya.shah',
      })),
    ],
  };
  const file = path.join(soakFolder('directory'), 'directory.json');
  writeFileSync(file, JSON.stringify(directory, null, 2));
  return { file, officers };
}
