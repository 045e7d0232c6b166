import { OMBUDSMAN_DETAILS } from '../../domain/ombudsman';
import type { LetterRequirement, LetterSection } from './letter';

/** The Housing Ombudsman's details, one line each, as a letter lists them. */
export const OMBUDSMAN_LINES = OMBUDSMAN_DETAILS.split(/;\s*/);

export function ombudsmanSection(heading: string, lead: string): LetterSection {
  return { heading, paragraphs: [lead], list: OMBUDSMAN_LINES };
}

export const OMBUDSMAN_REQUIREMENT: LetterRequirement = { name: 'The Ombudsman', text: OMBUDSMAN_LINES.join(' ') };
