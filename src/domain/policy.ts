import { z } from 'zod';
import { isCalendarDate } from './calendar-date';
import { MODEL_PROCEDURES } from './model-procedure';
import { ombudsmanSchema } from './ombudsman';

/**
 * A landlord's complaint policy as data. Each seed procedure is one preset
 * (src/policies); a landlord can also load its own JSON file. Validated on load so that a
 * typo in a policy file is a clear error at start-up, not a wrong deadline months later.
 */

export const NATIONS = ['england-and-wales', 'scotland', 'northern-ireland'] as const;
export type Nation = (typeof NATIONS)[number];

/** What a written response must contain, by item (seed 003's lists, seed 004's extras). */
export const RESPONSE_CONTENTS = [
  'stage',                 // the complaint stage
  'complaint-definition',  // the agreed statement of the complaint and outcomes sought
  'investigation',         // what the investigation involved (seed 000)
  'decision',              // upheld / partly upheld / not upheld
  'reasons',               // reasons for the decision
  'fault-acknowledged',    // whether the landlord accepts it was at fault (seed 004)
  'remedy',                // what will be done to put things right
  'outstanding-actions',   // with owners and dates
  'how-to-escalate',       // how to go to the next stage, and by when
  'ombudsman-details',     // how to go to the policy's ombudsman (final stage)
  'summary',               // summary of the complaint and outcome (seed 004)
  'background',            // relevant background (seed 004)
  'apology',               // seed 004, when upheld
  'lessons-learned',       // seed 004, when upheld
  'action-timescales',     // seed 004, when upheld
  'responsible-officer',   // officer taking the actions, with contact details (seed 004)
] as const;
export type ResponseContent = (typeof RESPONSE_CONTENTS)[number];

/** Two working days before, the day before, on the day, then daily while overdue. */
export const DEFAULT_REMINDERS = { workingDaysBefore: [2, 1, 0], dailyWhenOverdue: true };

const calendarDate = z.string().refine(isCalendarDate, { message: 'must be a date as YYYY-MM-DD' });
const workingDays = z.number().int().min(1).max(120);
const roleName = z.string().min(1).max(80);

const windowSchema = z.object({
  workingDays,
  /** What day 0 is: the date the stage was received, or the date it was acknowledged. */
  from: z.enum(['receipt', 'acknowledgement']),
}).strict();

const extensionSchema = z.object({
  /** Most working days of extension in all at this stage; null where the policy sets no cap. */
  capWorkingDays: z.number().int().min(0).max(120).nullable(),
  /** Seed 001: only with the complainant's agreement. */
  needsComplainantAgreement: z.boolean(),
  /** Seed 003: annual leave, illness and workload are not acceptable reasons. */
  refusedReasons: z.array(z.enum(['annual-leave', 'illness', 'workload'])),
}).strict();

const draftStepsSchema = z.object({
  /** Draft response due this many working days after the stage is acknowledged (allocated). */
  draftWorkingDays: workingDays,
  /** Working days the complainant has to comment on the draft. */
  commentWorkingDays: workingDays,
  /** Final decision due this many working days after the comment window closes. */
  finalWorkingDays: workingDays,
}).strict();

const responseContentsSchema = z.object({
  always: z.array(z.enum(RESPONSE_CONTENTS)),
  whenUpheld: z.array(z.enum(RESPONSE_CONTENTS)),
  whenNotUpheld: z.array(z.enum(RESPONSE_CONTENTS)),
}).strict();

const stageSchema = z.object({
  number: z.number().int().min(1).max(5),
  name: z.string().min(1),
  /** Directory role that handles the stage (e.g. AHM, AD). */
  handlerRole: roleName,
  /** Service areas handled by another role at this stage (seed 000: property -> AD Barbican & Property). */
  substituteHandlers: z.record(z.string(), roleName),
  acknowledge: windowSchema.nullable(),
  respond: windowSchema,
  extension: extensionSchema,
  draftResponse: draftStepsSchema.nullable(),
  responseMustInclude: responseContentsSchema,
  /** Calendar days the resident has, after this stage's response, to ask for the next stage. */
  escalationWindowCalendarDays: z.number().int().min(1).max(365).nullable(),
  /** Seed 002 asks the resident to say why they escalate; the Code says they need not. */
  escalationNeedsReason: z.boolean(),
}).strict();

const informalStageSchema = z.object({
  name: z.string().min(1),
  handlerRole: roleName,
  /** Target to resolve informally, in working days; null where the document gives none. */
  resolveWorkingDays: workingDays.nullable(),
}).strict();

export const policySchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'lower-case letters, digits and hyphens'),
  name: z.string().min(1),
  /** The document this policy is read from, and how it was read. */
  source: z.string().min(1),
  nation: z.enum(NATIONS),
  /** The national model the policy is checked against (the Code, the SPSO's or the PSOW's). */
  modelProcedure: z.enum(MODEL_PROCEDURES),
  /** Where the resident goes when the procedure is over, and what they are told about it. */
  ombudsman: ombudsmanSchema,
  closureDays: z.array(calendarDate),
  informalStage: informalStageSchema.nullable(),
  stages: z.array(stageSchema).min(1),
  /** Months after the issue occurred within which a complaint is accepted; null: no limit stated. */
  timeLimitMonths: z.number().int().min(1).max(120).nullable(),
  pauses: z.object({ allowed: z.boolean(), needsConsent: z.boolean() }).strict(),
  /**
   * A complaint about the member of staff who would handle it: 'manager' gives it to their
   * line manager at the same stage; 'next-stage' starts it at the next stage (seed 000: a
   * complaint about an AHM goes straight to stage 2).
   */
  complaintAboutHandler: z.enum(['manager', 'next-stage']),
  /**
   * When the responsible officer is reminded of a running deadline: working days before it is
   * due (0 = on the day), and every working day while it is overdue. Not from the documents:
   * the app's default, changeable per landlord.
   */
  reminders: z.object({
    workingDaysBefore: z.array(z.number().int().min(0).max(20)).max(10),
    dailyWhenOverdue: z.boolean(),
  }).strict().default(() => ({ ...DEFAULT_REMINDERS, workingDaysBefore: [...DEFAULT_REMINDERS.workingDaysBefore] })),
  /**
   * Working days to tell the resident of a decision they must hear of (an approved extension,
   * a refused escalation, restrictions) before the handler is reminded. The documents say "as
   * early as possible"; one working day is the app's default, changeable per landlord.
   */
  tellResidentWorkingDays: z.number().int().min(0).max(20).default(1),
  /**
   * Working days after a complaint is received (or after the last review) by which the
   * resident's vulnerabilities and reasonable adjustments are next reviewed (seed 003: "keep
   * them under review"; adjustments-review.ts). The documents give no interval. Ten working
   * days is the app's default: the Code's stage 1 response time, so that the adjustments are
   * looked at again before a stage 1 response goes out and every two working weeks while a
   * complaint stays open. Working days, like every other date the officer is reminded of, so
   * a review never falls on a bank holiday. Changeable per landlord.
   */
  adjustmentsReviewWorkingDays: workingDays.default(10),
  /** Where the document departs from the Code on purpose, or had to be interpreted. */
  notes: z.array(z.string()),
}).strict().superRefine((policy, ctx) => {
  policy.stages.forEach((stage, i) => {
    if (stage.number !== i + 1) {
      ctx.addIssue({ code: 'custom', path: ['stages', i, 'number'], message: `stages must be numbered 1, 2, 3... in order; found ${stage.number} at position ${i + 1}` });
    }
    if (stage.respond.from === 'acknowledgement' && !stage.acknowledge) {
      ctx.addIssue({ code: 'custom', path: ['stages', i, 'respond', 'from'], message: 'the response counts from acknowledgement, but the stage has no acknowledge window' });
    }
    if (stage.acknowledge && stage.acknowledge.from !== 'receipt') {
      ctx.addIssue({ code: 'custom', path: ['stages', i, 'acknowledge', 'from'], message: 'an acknowledgement can only count from receipt' });
    }
  });
});

export type Policy = z.infer<typeof policySchema>;
export type PolicyStage = Policy['stages'][number];
export type StageWindow = PolicyStage['respond'];

export type PolicyParseResult = { ok: true; policy: Policy } | { ok: false; errors: string[] };

/** The field a problem is in, as its path; a stage is also named by its number ("stages.1.name (stage 2)"). */
function fieldOf(path: PropertyKey[]): string {
  if (!path.length) return '(policy)';
  const field = path.map(String).join('.');
  return path[0] === 'stages' && typeof path[1] === 'number' ? `${field} (stage ${path[1] + 1})` : field;
}

/** Validates untrusted policy data, returning one plain sentence per problem. */
export function parsePolicy(data: unknown): PolicyParseResult {
  const parsed = policySchema.safeParse(data);
  if (parsed.success) return { ok: true, policy: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) => `${fieldOf(issue.path)}: ${issue.message}`),
  };
}

export function stageOf(policy: Policy, stage: number): PolicyStage | undefined {
  return policy.stages[stage - 1];
}

/** A stage by the policy's name for it ("Stage 1 - Investigation"), the informal stage included: the one wording for cards, lists and the dashboard. */
export function stageName(policy: Policy, stage: number): string {
  return stage === 0 ? (policy.informalStage?.name ?? 'Informal stage') : (stageOf(policy, stage)?.name ?? `Stage ${stage}`);
}
