import { z } from 'zod';

/**
 * The ombudsman a landlord's residents go to when its procedure is over: part of the policy,
 * because it differs by nation (the Housing Ombudsman in England, the SPSO in Scotland, the
 * PSOW in Wales) and a letter that names the wrong one sends a resident to the wrong door.
 */
const line = z.string().trim().min(1);

export const ombudsmanSchema = z.object({
  /** How a sentence names it after "the": "Housing Ombudsman", "Scottish Public Services Ombudsman". */
  name: line,
  /** Its contact details as it publishes them; a letter lists them one per line in this order. */
  contact: z.object({
    organisation: line,
    address: line,
    phone: line,
    email: line.nullable(),
    website: line,
  }).strict(),
  /** What the resident is told, in the landlord's voice, before the contact details. */
  told: z.object({
    /** In the final response: that they may now ask the ombudsman to look at the complaint. */
    finalResponse: line,
    /** In an extension notice. */
    extension: line,
    /** When the landlord refuses to take the complaint to its next stage. */
    escalationRefused: line,
  }).strict(),
}).strict();

export type Ombudsman = z.infer<typeof ombudsmanSchema>;

/** The contact details one per line, as a letter lists them. */
export function ombudsmanLines(ombudsman: Ombudsman): string[] {
  const c = ombudsman.contact;
  return [c.organisation, c.address, c.phone, c.email, c.website].filter((l): l is string => l !== null);
}

/** The contact details in one line, as the case history and a card quote them. */
export function ombudsmanDetails(ombudsman: Ombudsman): string {
  const [organisation, ...rest] = ombudsmanLines(ombudsman);
  return `${organisation ?? ''}, ${rest.join('; ')}`;
}
