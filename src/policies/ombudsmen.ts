import type { Ombudsman } from '../domain/ombudsman';

/**
 * The three ombudsmen social landlords' residents go to, with their contact details as each
 * publishes them, and what a landlord following that nation's model tells the resident.
 */

/** Seed 001 lists these details; the Code asks for them in an extension notice and every final response. */
export const HOUSING_OMBUDSMAN: Ombudsman = {
  name: 'Housing Ombudsman',
  contact: {
    organisation: 'Housing Ombudsman Service',
    address: 'PO Box 152, Liverpool L33 7WQ',
    phone: '0300 111 3000',
    email: 'info@housing-ombudsman.org.uk',
    website: 'www.housing-ombudsman.org.uk',
  },
  told: {
    finalResponse: 'You can ask the Housing Ombudsman to look at your complaint. Their details are:',
    extension: 'You can contact the Housing Ombudsman for advice at any time, including about this extension:',
    escalationRefused: 'You can ask the Housing Ombudsman to look at your complaint now. You do not need to wait. Their details are:',
  },
};

/**
 * As the SPSO's own pages and Scottish landlords' complaints pages give them: the office in
 * Edinburgh, Freepost SPSO for letters, the freephone number and the website with its online
 * complaint form. The SPSO publishes a form rather than an email address, so none is given.
 */
export const SCOTTISH_PUBLIC_SERVICES_OMBUDSMAN: Ombudsman = {
  name: 'Scottish Public Services Ombudsman',
  contact: {
    organisation: 'Scottish Public Services Ombudsman (SPSO)',
    address: 'Bridgeside House, 99 McDonald Road, Edinburgh EH7 4NS (by post: Freepost SPSO, no stamp needed)',
    phone: 'Freephone 0800 377 7330',
    email: null,
    website: 'www.spso.org.uk (online complaint form: www.spso.org.uk/complain/form)',
  },
  told: {
    // The MCHP: the final stage 2 response signposts the SPSO and its time limit (normally 12 months from knowing of the problem).
    finalResponse: 'If you are still dissatisfied with our decision or with how we handled your complaint, you can ask the Scottish Public Services Ombudsman (SPSO) to look at it. The SPSO cannot normally look at a complaint more than 12 months after you became aware of the problem, or one that has been to a court. Their details are:',
    // The SPSO's advice on delays: ask us for an update first; if none comes, its advice line can help.
    extension: 'If we do not respond by this date and you cannot get an update from us, the Scottish Public Services Ombudsman (SPSO) can give you advice. Their details are:',
    escalationRefused: 'As we will not look at your complaint again, you can ask the Scottish Public Services Ombudsman (SPSO) to look at it now. Their details are:',
  },
};

/**
 * As the PSOW's own pages give them: its office in Pencoed, its phone line and website. The
 * stored pages show no general email address, so none is given (a landlord can add it).
 */
export const PUBLIC_SERVICES_OMBUDSMAN_FOR_WALES: Ombudsman = {
  name: 'Public Services Ombudsman for Wales',
  contact: {
    organisation: 'Public Services Ombudsman for Wales',
    address: '1 Ffordd yr Hen Gae, Pencoed CF35 5LJ',
    phone: '0300 790 0203',
    email: null,
    website: 'www.ombudsman.wales',
  },
  told: {
    // The model policy ends the formal stage with the right to go to the Ombudsman, who is independent of the landlord.
    finalResponse: 'If you are still unhappy, you can ask the Public Services Ombudsman for Wales to look at your complaint. The Ombudsman is independent of us and of all public bodies in Wales, and normally looks at complaints made within a year of the events. Their details are:',
    extension: 'If you are unhappy with how we are handling your complaint, you can contact the Public Services Ombudsman for Wales for advice. Their details are:',
    escalationRefused: 'As we will not investigate your complaint further, you can ask the Public Services Ombudsman for Wales to look at it now. Their details are:',
  },
};
