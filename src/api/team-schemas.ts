import { z } from 'zod/mini';
import { changeReason, changeRecord, lastUpdate, versionSchema } from './change-schemas';
import { categorySchema, levelSchema } from './handoff-schemas';
import { enumWithout } from './zod-config';

/*
 * Teams: who handles which work (categories, languages), the levels inside each team, its
 * members and SLA target, and the rules that send an item to a team as well as a level. The
 * whole directory is versioned and every change is kept with who, when, why, before and after.
 */

export const teamIdSchema = z
  .string()
  .check(
    z.trim(),
    z.regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'A team id is lower-case letters, digits and dashes.'),
  );

export const teamMemberSchema = z.object({
  id: z.string().check(z.minLength(1)),
  name: z.string().check(z.minLength(1)),
});
export type TeamMember = z.infer<typeof teamMemberSchema>;

export const teamSchema = z.object({
  id: teamIdSchema,
  name: z
    .string()
    .check(z.trim(), z.minLength(2, 'Name the team (at least 2 characters).'), z.maxLength(60)),
  categories: z.array(categorySchema),
  /** Language codes as tickets carry them ("es", "de"). */
  languages: z.array(z.string().check(z.trim(), z.minLength(2), z.maxLength(10))),
  /** The team's own ladder, lowest first: escalation climbs inside it. */
  levels: z
    .array(enumWithout(levelSchema, ['ai']))
    .check(z.minLength(1, 'A team needs at least one level.')),
  members: z.array(teamMemberSchema),
  /** How long the team aims to take to answer an item, in minutes. */
  slaTargetMinutes: z
    .number()
    .check(z.int(), z.positive('The SLA target is at least one minute.'), z.lte(7 * 24 * 60)),
});
export type Team = z.infer<typeof teamSchema>;

/** What a team rule looks at; the first rule that fires chooses the team. */
export const teamRuleKindSchema = z.enum(['keyword', 'churn_risk', 'language']);
export type TeamRuleKind = z.infer<typeof teamRuleKindSchema>;

export const teamRuleSchema = z.discriminatedUnion('when', [
  z.object({
    id: z.string().check(z.minLength(1)),
    /** A policy keyword flag fired and the ticket says this phrase. */
    when: z.literal('keyword'),
    keyword: z
      .string()
      .check(
        z.trim(),
        z.minLength(2, 'Name the keyword (at least 2 characters).'),
        z.maxLength(60),
      ),
    teamId: teamIdSchema,
  }),
  z.object({
    id: z.string().check(z.minLength(1)),
    /** A high-value customer who has complained before at least this often. */
    when: z.literal('churn_risk'),
    minPriorComplaints: z.int().check(z.gte(0), z.lte(100)),
    teamId: teamIdSchema,
  }),
  z.object({
    id: z.string().check(z.minLength(1)),
    /** The ticket is written in this language. */
    when: z.literal('language'),
    language: z.string().check(z.trim(), z.minLength(2), z.maxLength(10)),
    teamId: teamIdSchema,
  }),
]);
export type TeamRule = z.infer<typeof teamRuleSchema>;

export const teamDirectorySchema = z.object({
  version: versionSchema,
  teams: z.array(teamSchema),
  /** Tried in order; an item no rule claims goes to the first team handling its category. */
  rules: z.array(teamRuleSchema),
  ...lastUpdate,
});
export type TeamDirectory = z.infer<typeof teamDirectorySchema>;

export const teamsEditSchema = z.strictObject({
  teams: z.array(teamSchema).check(z.maxLength(50)),
  rules: z.array(teamRuleSchema).check(z.maxLength(200)),
});
export type TeamsEdit = z.infer<typeof teamsEditSchema>;

export const teamChangeReasonSchema = changeReason('Say why the teams change');

/** The body of a change: the directory as it should be, the version it was made on, and why. */
export const teamChangeRequestSchema = z.extend(teamsEditSchema, {
  version: versionSchema,
  reason: teamChangeReasonSchema,
});
export type TeamChangeRequest = z.infer<typeof teamChangeRequestSchema>;

export const teamChangeSchema = z.object({
  ...changeRecord,
  before: teamDirectorySchema,
  after: teamDirectorySchema,
});
export type TeamChange = z.infer<typeof teamChangeSchema>;

export const teamChangesSchema = z.object({ items: z.array(teamChangeSchema) });
export type TeamChanges = z.infer<typeof teamChangesSchema>;

/** One team's load: open items for it now, and under the edit. */
export const teamLoadSchema = z.object({
  teamId: z.nullable(z.string()),
  name: z.string(),
  before: z.int().check(z.nonnegative()),
  after: z.int().check(z.nonnegative()),
});
export type TeamLoad = z.infer<typeof teamLoadSchema>;

export const teamWhatIfResultSchema = z.object({
  /** How many items were replayed: the open queue and the last week's human-reviewed items. */
  replayed: z.int().check(z.nonnegative()),
  /** Per team, then one row (teamId null) for items no team takes. */
  teams: z.array(teamLoadSchema),
});
export type TeamWhatIfResult = z.infer<typeof teamWhatIfResultSchema>;

/** Re-routing one item to another team: a decision with a reason, on the version seen. */
export const rerouteRequestSchema = z.strictObject({
  version: z.int().check(z.positive()),
  teamId: teamIdSchema,
  reason: z
    .string()
    .check(
      z.trim(),
      z.minLength(5, 'Say why the item goes to another team (at least 5 characters).'),
      z.maxLength(2000),
    ),
});
export type RerouteRequest = z.infer<typeof rerouteRequestSchema>;
