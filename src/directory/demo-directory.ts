import type { Directory } from '../domain/directory';

/**
 * The demo directory used when no DIRECTORY_FILE is set: invented people on invented
 * estates. Alex Morgan, the Agents Playground's default user, is the AHM for Riverside, so a
 * newcomer who logs a Riverside complaint handles it too and sees the whole flow.
 * Roles cover every preset: EM/AHM/AD (the Code), AD-HN/AD-BP/PSM/BM/CHIEF-OFFICER (City of
 * London), HM/HEAD-OF-HOUSING (seed 001), SERVICE-OFFICER/COMPLAINTS-TEAM (seed 002),
 * INVESTIGATING-OFFICER/REVIEWING-OFFICER (seed 004), PIM (keeps the Complaints Log).
 */
export const DEMO_DIRECTORY: Directory = {
  estates: ['Riverside', 'Northgate', 'Hillside'],
  people: [
    {
      id: 'alex.morgan', name: 'Alex Morgan', email: 'alex.morgan@example.org', aadObjectId: '00000000-0000-4000-8000-000000000001',
      roles: ['AHM', 'HM', 'SERVICE-OFFICER', 'INVESTIGATING-OFFICER'], estates: ['Riverside', 'Northgate'], managerId: 'priya.shah',
    },
    {
      id: 'sam.okafor', name: 'Sam Okafor', email: 'sam.okafor@example.org', aadObjectId: '00000000-0000-4000-8000-000000000002',
      roles: ['EM'], estates: ['Riverside'], managerId: 'alex.morgan',
    },
    {
      id: 'priya.shah', name: 'Priya Shah', email: 'priya.shah@example.org', aadObjectId: '00000000-0000-4000-8000-000000000005',
      roles: ['AD', 'AD-HN', 'HEAD-OF-HOUSING', 'REVIEWING-OFFICER'], estates: ['*'], managerId: 'casey.quinn',
    },
    {
      id: 'morgan.lee', name: 'Morgan Lee', email: 'morgan.lee@example.org', aadObjectId: '00000000-0000-4000-8000-000000000007',
      roles: ['PIM', 'COMPLAINTS-TEAM'], estates: ['*'], managerId: 'priya.shah',
    },
    {
      id: 'taylor.reed', name: 'Taylor Reed', email: 'taylor.reed@example.org', aadObjectId: '00000000-0000-4000-8000-000000000004',
      roles: ['AHM', 'HM', 'SERVICE-OFFICER', 'INVESTIGATING-OFFICER'], estates: ['Hillside'], managerId: 'priya.shah',
    },
    {
      id: 'chris.doyle', name: 'Chris Doyle', email: 'chris.doyle@example.org', aadObjectId: '00000000-0000-4000-8000-000000000006',
      roles: ['AD-BP', 'PSM', 'BM'], estates: ['*'], managerId: 'priya.shah',
    },
    {
      id: 'jo.bennett', name: 'Jo Bennett', email: 'jo.bennett@example.org', aadObjectId: '00000000-0000-4000-8000-000000000003',
      roles: ['EM'], estates: ['Northgate'], managerId: 'alex.morgan',
    },
    {
      id: 'casey.quinn', name: 'Casey Quinn', email: 'casey.quinn@example.org', aadObjectId: '00000000-0000-4000-8000-000000000008',
      roles: ['CHIEF-OFFICER'], estates: ['*'], managerId: null,
    },
  ],
};
