import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Landlord } from './letters/letter';

/**
 * The files a letter is made with: the Word template (the landlord's own, or the plain
 * default in templates/letter.docx) and the landlord's name and address. Read here, at the
 * edge; the composers and renderers take them as values.
 */
const TEMPLATES = join(__dirname, '..', '..', 'templates');
export const DEFAULT_LETTER_TEMPLATE = join(TEMPLATES, 'letter.docx');
/** Invented details for trying the letters out; a landlord supplies its own file. */
export const EXAMPLE_LANDLORD_FILE = join(TEMPLATES, 'landlord.example.json');

export class LetterFileError extends Error {}

const homeCount = z.number().int('must be a whole number of homes').min(0, 'cannot be negative');
/**
 * The homes the landlord owns, as the Regulator of Social Housing counts them for the Tenant
 * Satisfaction Measures: low-cost rental (LCRA: social and affordable rent) and low-cost home
 * ownership (LCHO: shared ownership). Letters do not need it; the TSM figures do.
 */
const homesSchema = z.object({ lcra: homeCount, lcho: homeCount }).strict();
export type Homes = z.infer<typeof homesSchema>;

const landlordSchema = z.object({
  name: z.string().trim().min(1),
  addressLines: z.array(z.string().trim().min(1)).max(8),
  phone: z.string().trim().optional(),
  email: z.string().trim().optional(),
  website: z.string().trim().optional(),
  homes: homesSchema.optional(),
}).strict();

/** The landlord file: the letterhead, and the homes the TSM figures are counted per. */
export type LandlordSettings = Landlord & { homes?: Homes };

function read(path: string, what: string): Buffer {
  try {
    return readFileSync(path);
  } catch (err) {
    throw new LetterFileError(`Cannot read the ${what} ${path}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
}

export function readLetterTemplate(path: string = DEFAULT_LETTER_TEMPLATE): Buffer {
  return read(path, 'letter template');
}

/** The landlord's details from a JSON file: { name, addressLines, phone?, email?, website?, homes?: { lcra, lcho } }. */
export function readLandlord(path: string = EXAMPLE_LANDLORD_FILE): LandlordSettings {
  let data: unknown;
  try {
    data = JSON.parse(read(path, 'landlord file').toString('utf8'));
  } catch (err) {
    if (err instanceof LetterFileError) throw err;
    throw new LetterFileError(`The landlord file ${path} is not JSON.`, { cause: err });
  }
  const parsed = landlordSchema.safeParse(data);
  if (!parsed.success) throw new LetterFileError(`The landlord file ${path} is not usable: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`).join('; ')}`);
  return parsed.data;
}
