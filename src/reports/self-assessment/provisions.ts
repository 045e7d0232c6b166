/**
 * The Housing Ombudsman's Complaint Handling Code (2024) as its self-assessment form sets it
 * out: nine sections, each provision with what it asks (summarised here; the Code's own words
 * are the authority). Each provision says how the product can know about it:
 * - `policy`: the policy checker's departure codes that show the policy breaks it (and at
 *   which stage), so the product decides compliance from the policy;
 * - `figures`: the year's figures that are evidence for it;
 * - `product`: what the product itself does that is evidence for it.
 * Everything else only the landlord knows (its publicity, training, governance), from its
 * evidence file.
 */
export type FigureKey =
  | 'stage1-acknowledged' | 'stage1-responded' | 'stage1-extended'
  | 'stage2-acknowledged' | 'stage2-responded' | 'stage2-extended'
  | 'refusals' | 'informal' | 'remedies' | 'ombudsman' | 'volumes';

export interface Provision {
  id: string;
  asks: string;
  policy?: { codes: readonly string[]; stage?: number | 'later' };
  figures?: readonly FigureKey[];
  product?: string;
}

export interface CodeSection {
  number: number;
  title: string;
  provisions: readonly Provision[];
}

const RECORD = 'Every complaint is kept as its full history in the complaints system: each event dated, with who recorded it, the responses and letters sent, and the files attached; nothing is edited or deleted outside the retention period.';

export const CODE_SECTIONS: readonly CodeSection[] = [
  {
    number: 1, title: 'Definition of a complaint', provisions: [
      { id: '1.2', asks: 'A complaint is defined as an expression of dissatisfaction, however made, about the standard of service, actions or lack of action by the landlord, its staff or those acting on its behalf, affecting a resident or group of residents.' },
      { id: '1.3', asks: 'A resident need not use the word "complaint" for it to be treated as one; staff must recognise one when it is made.' },
      { id: '1.4', asks: 'The policy sets out the difference between a service request and a complaint; service requests are recorded, monitored and reviewed.' },
      { id: '1.5', asks: 'A complaint about the response to a service request is taken, and the service request is not stopped while it is considered.' },
      { id: '1.6', asks: 'Dissatisfaction given in a survey is not a complaint, but the resident is told how to complain.' },
    ],
  },
  {
    number: 2, title: 'Exclusions', provisions: [
      { id: '2.1', asks: 'A complaint is accepted unless there is a valid reason not to.', figures: ['refusals'] },
      { id: '2.2', asks: 'The policy sets out the circumstances in which a matter will not be considered as a complaint or escalated, and these are fair and reasonable.' },
      { id: '2.3', asks: 'A complaint is not refused escalation without a valid reason, which is explained to the resident.' },
      { id: '2.4', asks: 'Complaints are accepted within 12 months of the issue, or of the resident becoming aware of it.', policy: { codes: ['CODE.TIME_LIMIT_TOO_SHORT'] } },
      { id: '2.5', asks: 'Discretion is considered for complaints made outside the time limit where there is good reason.', product: 'Intake asks for the reason when a complaint about an older issue is accepted late, and records it on the case.' },
      { id: '2.6', asks: 'A refusal gives the resident a detailed explanation and the right to take the decision to the Ombudsman.', figures: ['refusals'], product: 'A refusal is recorded with its reason; the refusal letter names the Housing Ombudsman.' },
      { id: '2.7', asks: 'No blanket exclusions: each complaint is considered on its own facts.' },
    ],
  },
  {
    number: 3, title: 'Accessibility and awareness', provisions: [
      { id: '3.1', asks: 'It is easy to complain, through several channels.' },
      { id: '3.2', asks: 'A complaint may be raised in any way and with any member of staff.', product: 'Any member of staff can log a complaint in Teams, recording the channel it came by (phone, email, letter, in person, social media, through an MP or councillor).' },
      { id: '3.3', asks: 'High volumes of complaints are not seen as a negative; low volumes are looked into.', figures: ['volumes'] },
      { id: '3.4', asks: 'Reasonable adjustments are made under the Equality Act 2010, and the policy says so.', product: 'Intake records the resident\'s vulnerabilities and the reasonable adjustments agreed, and they are shown to whoever handles the case.' },
      { id: '3.5', asks: 'The complaints policy is published on the website, clear and easy to understand, with the self-assessment and the annual report.' },
      { id: '3.6', asks: 'Residents can have a representative at any stage.', product: 'Intake records a representative and the resident\'s consent for them to act.' },
      { id: '3.7', asks: 'Residents are told of their right to go to the Ombudsman throughout the process.' },
    ],
  },
  {
    number: 4, title: 'Complaint handling staff', provisions: [
      { id: '4.1', asks: 'A person or team is responsible for complaint handling, including liaison with the Ombudsman and reporting to the governing body.' },
      { id: '4.2', asks: 'Complaint handlers act sensitively and fairly, are trained, and have the access and authority to resolve complaints.' },
      { id: '4.3', asks: 'Staff are supported to handle complaints, which are a core part of the service.' },
    ],
  },
  {
    number: 5, title: 'The complaint handling process', provisions: [
      { id: '5.1', asks: 'A single complaints policy for the complaints the Code covers; residents are not treated differently for complaining.' },
      { id: '5.2', asks: 'The policy and the procedure say how complaints are handled and set timescales in line with the Code.' },
      { id: '5.3', asks: 'Two stages only, with no informal or extra stage: more stages make the process unduly long and delay access to the Ombudsman.', policy: { codes: ['CODE.TOO_MANY_STAGES', 'CODE.INFORMAL_STAGE'] } },
      { id: '5.4', asks: 'Where a third party handles complaints for the landlord, it does so in line with the Code.' },
      { id: '5.5', asks: 'The landlord stays responsible for complaints handled by third parties.' },
      { id: '5.6', asks: 'At each stage the landlord sets out its understanding of the complaint and the outcome the resident seeks.', product: 'Intake records the complaint definition, agreed with the resident, and the outcome sought; each response restates the definition.' },
      { id: '5.7', asks: 'The landlord is clear which parts of the complaint it is, and is not, responsible for.' },
      { id: '5.8', asks: 'Complaint handlers deal with each complaint on its merits, independently and with an open mind, give the resident a fair chance to set out their position, deal with conflicts of interest, and consider all relevant evidence.', policy: { codes: ['CODE.SAME_HANDLER'] } },
      { id: '5.9', asks: 'Where a response will be late, the resident is kept informed at agreed intervals.', figures: ['stage1-extended', 'stage2-extended'] },
      { id: '5.10', asks: 'Reasonable adjustments are recorded and kept under review.', product: 'Intake records the reasonable adjustments, kept with the case.' },
      { id: '5.11', asks: 'A full record of every complaint is kept: the complaint, correspondence, evidence, responses and outcome.', product: RECORD },
      { id: '5.12', asks: 'Complaints can be resolved at any stage, with the resident\'s agreement.' },
      { id: '5.13', asks: 'Unacceptable behaviour is managed under a policy, with restrictions proportionate, reviewed and recorded.', product: 'A decision to restrict contact is recorded on the case with its reasons, and the resident is sent the behaviour decision letter.' },
    ],
  },
  {
    number: 6, title: 'Complaint stages', provisions: [
      { id: '6.1', asks: 'Stage 1: complaints that can be resolved early are, and those needing investigation are identified.' },
      { id: '6.2', asks: 'Stage 1: the complaint is acknowledged, defined and logged within 5 working days of receipt.', policy: { codes: ['CODE.NO_ACKNOWLEDGEMENT', 'CODE.ACKNOWLEDGEMENT_TOO_LONG', 'CODE.INFORMAL_STAGE'], stage: 1 }, figures: ['stage1-acknowledged', 'informal'] },
      { id: '6.3', asks: 'Stage 1: a full response within 10 working days of the acknowledgement.', policy: { codes: ['CODE.RESPONSE_TOO_LONG'], stage: 1 }, figures: ['stage1-responded'] },
      { id: '6.4', asks: 'Stage 1: an extension of no more than 10 working days without good reason, explained to the resident.', policy: { codes: ['CODE.EXTENSION_OVER_CAP'], stage: 1 }, figures: ['stage1-extended'] },
      { id: '6.5', asks: 'Stage 1: when an extension is agreed, the resident is given the Ombudsman\'s details.', product: 'The extension letter gives the Housing Ombudsman\'s details.' },
      { id: '6.6', asks: 'Stage 1: the response is sent when the answer is known, not when the outstanding actions are done; those are tracked.', figures: ['remedies'], product: 'Actions promised in a response are followed to completion after the case is closed, with reminders to their owners.' },
      { id: '6.7', asks: 'Stage 1: every point raised is answered, with clear reasons.' },
      { id: '6.8', asks: 'Stage 1: a related new complaint made before the response is included in it.' },
      { id: '6.9', asks: 'Stage 1: the response gives the stage, the complaint definition, the decision and reasons, the remedy, outstanding actions, and how to escalate.', policy: { codes: ['CODE.RESPONSE_CONTENTS'], stage: 1 } },
      { id: '6.10', asks: 'Stage 2: a complaint not resolved at stage 1 is escalated on request, unless an exclusion applies.' },
      { id: '6.11', asks: 'Stage 2: the escalation is acknowledged, defined and logged within 5 working days of the request.', policy: { codes: ['CODE.NO_ACKNOWLEDGEMENT', 'CODE.ACKNOWLEDGEMENT_TOO_LONG'], stage: 2 }, figures: ['stage2-acknowledged'] },
      { id: '6.12', asks: 'Stage 2: residents need not explain why they escalate.', policy: { codes: ['CODE.ESCALATION_REASON'], stage: 1 } },
      { id: '6.13', asks: 'Stage 2: the person who considers the complaint is not the one who considered it at stage 1.', policy: { codes: ['CODE.SAME_HANDLER'], stage: 2 } },
      { id: '6.14', asks: 'Stage 2: a full response within 20 working days of the acknowledgement.', policy: { codes: ['CODE.RESPONSE_TOO_LONG'], stage: 2 }, figures: ['stage2-responded'] },
      { id: '6.15', asks: 'Stage 2: an extension of no more than 20 working days without good reason, explained to the resident.', policy: { codes: ['CODE.EXTENSION_OVER_CAP'], stage: 2 }, figures: ['stage2-extended'] },
      { id: '6.16', asks: 'Stage 2: when an extension is agreed, the resident is given the Ombudsman\'s details.', product: 'The extension letter gives the Housing Ombudsman\'s details.' },
      { id: '6.17', asks: 'Stage 2: the response is sent when the answer is known; outstanding actions are tracked.', figures: ['remedies'] },
      { id: '6.18', asks: 'Stage 2: every point raised is answered, with clear reasons.' },
      { id: '6.19', asks: 'Stage 2: the response gives the stage, the complaint definition, the decision and reasons, the remedy, outstanding actions, and how to go to the Ombudsman.', policy: { codes: ['CODE.RESPONSE_CONTENTS'], stage: 2 } },
      { id: '6.20', asks: 'Stage 2 is the landlord\'s final response, with the decision-makers able to put things right.', policy: { codes: ['CODE.TOO_MANY_STAGES', 'CODE.NO_ACKNOWLEDGEMENT', 'CODE.RESPONSE_TOO_LONG', 'CODE.EXTENSION_OVER_CAP', 'CODE.RESPONSE_CONTENTS'], stage: 'later' } },
    ],
  },
  {
    number: 7, title: 'Putting things right', provisions: [
      { id: '7.1', asks: 'Where something has gone wrong it is put right: an apology, an explanation, action, a changed decision or record, a remedy, a change of policy.', figures: ['remedies'], product: 'Each response records its outcome and the remedies promised (repair, apology, compensation, policy change, training), each with an owner and a due date.' },
      { id: '7.2', asks: 'A remedy reflects the impact on the resident, and is followed through.', figures: ['remedies'] },
      { id: '7.3', asks: 'The Ombudsman\'s remedies guidance is taken into account.' },
    ],
  },
  {
    number: 8, title: 'Self-assessment, reporting and compliance', provisions: [
      { id: '8.1', asks: 'An annual complaints performance and service improvement report: this self-assessment, performance, refusals, the Ombudsman\'s findings of non-compliance, service improvements, and the Ombudsman\'s reports on the landlord.', product: 'The annual report is drawn from the complaints system for the year (complaints annual-report), with this self-assessment, the performance figures, the lessons learned and the Ombudsman\'s determinations.' },
      { id: '8.2', asks: 'The report goes to the governing body and is published on the website with the governing body\'s response.' },
      { id: '8.3', asks: 'A new self-assessment after a significant restructure, merger or change in procedures.' },
      { id: '8.4', asks: 'The self-assessment is reviewed when the Ombudsman asks.' },
      { id: '8.5', asks: 'The Ombudsman is told if exceptional circumstances stop the landlord meeting the Code.' },
    ],
  },
  {
    number: 9, title: 'Scrutiny and oversight: continuous learning and improvement', provisions: [
      { id: '9.1', asks: 'Learning from each complaint is looked for beyond the case itself.', product: 'Each response records the lessons learned; the annual report lists them by category.' },
      { id: '9.2', asks: 'A positive complaint handling culture.' },
      { id: '9.3', asks: 'Complaints data are used to find trends and improve services.', figures: ['volumes'] },
      { id: '9.4', asks: 'A suitably senior lead person is accountable for complaint handling.' },
      { id: '9.5', asks: 'A member of the governing body is the Member Responsible for Complaints.' },
      { id: '9.6', asks: 'The Member Responsible for Complaints makes sure the governing body gets regular information on complaints.' },
      { id: '9.7', asks: 'The governing body gets regular updates on volumes, categories, outcomes and performance, issues and trends, the Ombudsman\'s investigations and compliance with its orders, and the annual report.', figures: ['ombudsman'], product: 'The complaints managers get the figures for any period in Teams (report) and the full report with the Ombudsman\'s determinations and orders.' },
      { id: '9.8', asks: 'Relevant staff and third parties have a standard objective about complaint handling.' },
    ],
  },
];

export const PROVISION_IDS: readonly string[] = CODE_SECTIONS.flatMap((s) => s.provisions.map((p) => p.id));
