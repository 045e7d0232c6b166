import { z } from 'zod';
import { isCalendarDate } from './calendar-date';

/**
 * What intake recorded about the complainant and the complaint, kept on the case as captured
 * so that what the resident said is never rewritten. Choices (category, channel...) are kept
 * as the strings chosen: the landlord's lists may change, a stored case must still read.
 * Unknown keys are kept (`loose`), so a case written by a newer version loses nothing when an
 * older one saves it.
 */
const date = z.string().refine(isCalendarDate, { message: 'must be a date as YYYY-MM-DD' });

export const complainantDetailsSchema = z.object({
  complainantName: z.string(),
  contactEmail: z.string(),
  contactPhone: z.string(),
  preferredContact: z.string(),
  address: z.string(),
  estate: z.string(),
  hasRepresentative: z.boolean(),
  representativeName: z.string(),
  representativeConsent: z.boolean(),
  vulnerabilities: z.string(),
  adjustments: z.string(),
  /** One of TENURES (tenure.ts); absent on cases logged before intake asked, read as not known. */
  tenure: z.string().optional(),
  /**
   * An MP, councillor or designated person who made the contact for the resident (mp,
   * councillor, designated-person), their name, and the resident's consent: the Code treats
   * their enquiry as the resident's own contact. Absent on cases logged before intake asked.
   */
  onBehalfRole: z.string().optional(),
  onBehalfName: z.string().optional(),
  onBehalfConsent: z.boolean().optional(),
}).loose();

export const complaintDetailsSchema = z.object({
  channel: z.string(),
  receivedOn: date,
  issueOccurredOn: date,
  category: z.string(),
  serviceArea: z.string(),
  aboutStaff: z.boolean(),
  staffRole: z.string(),
  staffName: z.string(),
  description: z.string(),
  complaintDefinition: z.string(),
  outcomeSought: z.string(),
  lateAcceptanceReason: z.string(),
  refuseReason: z.string(),
}).loose();

export const caseDetailsSchema = z.object({
  intakeId: z.string(),
  complainant: complainantDetailsSchema,
  complaint: complaintDetailsSchema,
  /** Directory id of the member of staff who logged the complaint. */
  loggedBy: z.string(),
  /** An invented case (`complaints demo`, the `npm run dev` demo case), never a resident's. */
  demo: z.boolean().optional(),
}).loose();

export type ComplainantDetails = z.infer<typeof complainantDetailsSchema>;
export type ComplaintDetails = z.infer<typeof complaintDetailsSchema>;
export type CaseDetails = z.infer<typeof caseDetailsSchema>;
