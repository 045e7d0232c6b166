import type { Tenure } from '../domain/tenure';
/** The choices offered on the intake cards, with the words shown to staff. */
export const CONTACT_METHODS = { email: 'Email', phone: 'Phone', letter: 'Letter', 'in-person': 'In person' } as const;
export const CHANNELS = {
  phone: 'Phone', email: 'Email', letter: 'Letter', 'in-person': 'In person', 'social-media': 'Social media', 'mp-councillor': 'Via an MP or councillor',
} as const;
export const CATEGORIES = {
  repairs: 'Repairs and maintenance', 'damp-mould': 'Damp and mould', asb: 'Anti-social behaviour', 'staff-conduct': 'Staff conduct',
  communication: 'Communication', 'rent-charges': 'Rent and service charges', neighbourhood: 'Estate and neighbourhood', other: 'Other',
} as const;
export const SERVICE_AREAS = { 'housing-management': 'Housing management', property: 'Property and repairs', benefits: 'Benefits', other: 'Other' } as const;
/** The resident's tenure (domain/tenure.ts TENURES), worded for staff. */
export const TENURE_OPTIONS = {
  'social-or-affordable-rent': 'Social or affordable rent', 'shared-ownership': 'Shared ownership', leaseholder: 'Leaseholder',
  other: 'Other', 'not-known': 'Not known',
} as const satisfies Record<Tenure, string>;
/**
 * Who made the contact for the resident, when someone did: the Code treats an MP's, a
 * councillor's or a designated person's enquiry as the resident's own contact, with their consent.
 */
export const ON_BEHALF_ROLES = { mp: 'An MP', councillor: 'A councillor', 'designated-person': 'A designated person' } as const;
export const STAFF_ROLES = { EM: 'Estate Manager', AHM: 'Area Housing Manager', other: 'Other member of staff' } as const;

export function choices(options: Record<string, string>): Array<{ title: string; value: string }> {
  return Object.entries(options).map(([value, title]) => ({ title, value }));
}

type Keys<T> = [keyof T & string, ...(keyof T & string)[]];
export const keysOf = <T extends object>(o: T): Keys<T> => Object.keys(o) as Keys<T>;
