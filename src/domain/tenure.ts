/**
 * The resident's tenure, as intake records it. The Regulator of Social Housing reports the
 * complaints measures (CH01, CH02) separately for low-cost rental accommodation (LCRA: social
 * and affordable rent) and low-cost home ownership (LCHO: shared ownership), so the case must
 * say which. Leaseholders who own outright (e.g. bought under right to buy), other tenures and
 * residents whose tenure is not known are in neither group: they are complaints all the same,
 * and the reports list them beside the TSMs so nothing is silently dropped.
 */
export const TENURES = ['social-or-affordable-rent', 'shared-ownership', 'leaseholder', 'other', 'not-known'] as const;
export type Tenure = (typeof TENURES)[number];

export type TsmGroup = 'LCRA' | 'LCHO';

export function isTenure(value: unknown): value is Tenure {
  return typeof value === 'string' && (TENURES as readonly string[]).includes(value);
}

/** The TSM group a tenure counts in; null for tenures outside both (and anything unrecognised). */
export function tsmGroupOf(tenure: unknown): TsmGroup | null {
  if (tenure === 'social-or-affordable-rent') return 'LCRA';
  if (tenure === 'shared-ownership') return 'LCHO';
  return null;
}
