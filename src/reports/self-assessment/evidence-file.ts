import { z } from 'zod';
import { PROVISION_IDS } from './provisions';

/**
 * What only the landlord knows for the self-assessment (its publicity, training, governance),
 * from a JSON file it keeps with its settings:
 *   { "provisions": { "3.5": { "complies": "yes", "evidence": "Policy on the website at ..." } } }
 * Checked here: an unknown provision, an answer other than yes/no/partly, or an entry with no
 * evidence is refused with the provision named. Pure: the CLI reads the file.
 */
export const COMPLIANCE_ANSWERS = ['yes', 'no', 'partly'] as const;
export type ComplianceAnswer = (typeof COMPLIANCE_ANSWERS)[number];

const entrySchema = z.object({
  complies: z.enum(COMPLIANCE_ANSWERS, { error: 'complies must be "yes", "no" or "partly"' }),
  evidence: z.string({ error: 'give the evidence, as text' }).trim().min(1, 'give the evidence, as text').max(4000, 'evidence must be at most 4,000 characters'),
}).strict();

const fileSchema = z.object({
  provisions: z.record(z.string(), entrySchema),
}).strict();

export type LandlordEvidence = Record<string, { complies: ComplianceAnswer; evidence: string }>;
export type EvidenceParse = { ok: true; evidence: LandlordEvidence } | { ok: false; errors: string[] };

export function parseEvidence(text: string): EvidenceParse {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { ok: false, errors: [`not JSON: ${err instanceof Error ? err.message : String(err)}`] };
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => {
        const [top, id, field] = i.path.map(String);
        if (top === 'provisions' && id !== undefined) return `provision ${id}${field ? ` (${field})` : ''}: ${i.message}`;
        return `${i.path.join('.') || '(file)'}: ${i.message}`;
      }),
    };
  }
  const unknown = Object.keys(parsed.data.provisions).filter((id) => !PROVISION_IDS.includes(id));
  if (unknown.length > 0) return { ok: false, errors: unknown.map((id) => `provision ${id}: no such provision in the Code's self-assessment (they run 1.2 to 9.8)`) };
  return { ok: true, evidence: parsed.data.provisions };
}
