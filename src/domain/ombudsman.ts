/**
 * The Housing Ombudsman's published contact details (seed 001), told to a resident with an
 * extension, a refused escalation and every final response.
 */
export const OMBUDSMAN_DETAILS = 'Housing Ombudsman Service, PO Box 152, Liverpool L33 7WQ; 0300 111 3000; info@housing-ombudsman.org.uk; www.housing-ombudsman.org.uk';
