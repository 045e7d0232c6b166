import { ombudsmanLines, type Ombudsman } from '../../domain/ombudsman';
import type { LetterRequirement, LetterSection } from './letter';

/** The policy's ombudsman: what the resident is told (the lead), then its details one per line. */
export function ombudsmanSection(heading: string, lead: string, ombudsman: Ombudsman): LetterSection {
  return { heading, paragraphs: [lead], list: ombudsmanLines(ombudsman) };
}

/** A letter that must give the ombudsman's details is checked for every line of them. */
export function ombudsmanRequirement(ombudsman: Ombudsman): LetterRequirement {
  return { name: 'The Ombudsman', text: ombudsmanLines(ombudsman).join(' ') };
}
