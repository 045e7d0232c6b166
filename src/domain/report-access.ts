import { hasRole, type DirectoryPerson } from './directory';

/** The roles that see the complaints log and the reports: the complaints team and the managers who answer for the figures. */
export const REPORT_ROLES = ['PIM', 'COMPLAINTS-TEAM', 'AHM', 'AD', 'AD-HN', 'AD-BP'] as const;

export function canSeeReports(person: DirectoryPerson): boolean {
  return REPORT_ROLES.some((role) => hasRole(person, role));
}
