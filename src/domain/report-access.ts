import { hasRole, type DirectoryPerson } from './directory';

/**
 * The roles that may ask for the complaints log, the reports and the dashboard: the complaints
 * team and the managers who answer for the figures. The figures (counts, percentages, charts)
 * are the whole landlord's; every row that names a case (the log's rows, the CSV log, the
 * report's lessons and Ombudsman cases, the dashboard's overdue list) is only of the cases the
 * person may see (casesVisibleTo in case-access.ts): an AHM sees their people's, not another team's.
 */
export const REPORT_ROLES = ['PIM', 'COMPLAINTS-TEAM', 'AHM', 'AD', 'AD-HN', 'AD-BP'] as const;

export function canSeeReports(person: DirectoryPerson): boolean {
  return REPORT_ROLES.some((role) => hasRole(person, role));
}
