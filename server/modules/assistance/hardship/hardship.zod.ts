import { z } from 'zod';
import { EXIT_REASONS, FILE_STATES, HARDSHIP_CATEGORIES, HARDSHIP_CAUSES, INCOME_BANDS } from './hardship.schema.js';
import { ZHouseholdMember } from './rules.js';

// Response shapes of the hardship routes (named in the OpenAPI document).

export const CAUSES_ZH_HINT =
  'serious_illness 患大病, disability 残疾, schooling 子女就学, single_parent 单亲, unemployment 失业下岗, disaster 因灾, accident 意外事故, other 其他';

export const ZFileListItem = z
  .object({
    id: z.number().int(),
    memberId: z.number().int(),
    memberName: z.string().describe('masked in lists'),
    orgId: z.number().int(),
    orgName: z.string(),
    state: z.enum(FILE_STATES),
    category: z.enum(HARDSHIP_CATEGORIES).nullable(),
    causes: z.array(z.enum(HARDSHIP_CAUSES)),
    householdSize: z.number().int().nullable(),
    incomeBand: z.enum(INCOME_BANDS).nullable(),
    source: z.enum(['staff', 'candidate', 'case']),
    reviewDue: z.string().nullable(),
    reviewOverdue: z.boolean(),
    filedAt: z.iso.datetime().nullable(),
    watchUntil: z.string().nullable(),
    exitReason: z.enum(EXIT_REASONS).nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'HardshipFileListItem' });

const ZLine = z.object({
  minimumLiving: z.number().int(),
  lowIncome: z.number().int(),
  fromOrgId: z.number().int(),
  fromOrgName: z.string(),
});

export const ZLineView = z
  .object({
    orgId: z.number().int(),
    own: z
      .object({ minimumLiving: z.number().int(), lowIncome: z.number().int(), updatedAt: z.iso.datetime() })
      .nullable(),
    effective: ZLine.nullable(),
  })
  .meta({ id: 'HardshipLines' });

export const ZAssistanceItem = z.object({
  id: z.number().int(),
  programmeName: z.string(),
  kind: z.string(),
  amountFen: z.number().int().nullable(),
  goods: z.string().nullable(),
  date: z.string(),
  state: z.string(),
});

export const ZFile = ZFileListItem.extend({
  memberName: z.string(),
  jobType: z.string().nullable(),
  employer: z.string().nullable(),
  household: z.array(ZHouseholdMember),
  otherIncome: z.number(),
  situation: z.string(),
  incomePerHead: z.number().nullable().describe('yuan per person per month'),
  line: ZLine.nullable(),
  allowedCategories: z.array(z.enum(HARDSHIP_CATEGORIES)),
  visit: z
    .object({ officerName: z.string(), visitedOn: z.string(), notes: z.string(), companions: z.string().nullable() })
    .nullable(),
  verifiedAt: z.iso.datetime().nullable(),
  exitedAt: z.iso.datetime().nullable(),
  exitNote: z.string().nullable(),
  purgeAt: z.iso.datetime().nullable(),
  caseId: z.number().int().nullable(),
  consent: z
    .object({
      version: z.string(),
      scope: z.array(z.string()),
      givenVia: z.enum(['member', 'staff']),
      givenAt: z.iso.datetime(),
      withdrawnAt: z.iso.datetime().nullable(),
    })
    .nullable(),
  evidence: z.array(
    z.object({
      id: z.number().int(),
      fileName: z.string(),
      contentType: z.string(),
      size: z.number().int(),
      createdAt: z.iso.datetime(),
      url: z.string(),
    }),
  ),
  timeline: z.array(
    z.object({
      id: z.number().int(),
      kind: z.string(),
      actorName: z.string().nullable(),
      note: z.string().nullable(),
      at: z.iso.datetime(),
    }),
  ),
  reviews: z.array(
    z.object({
      id: z.number().int(),
      kind: z.string(),
      actorName: z.string().nullable(),
      note: z.string().nullable(),
      at: z.iso.datetime(),
    }),
  ),
  assistance: z.array(ZAssistanceItem),
  viewers: z.array(z.object({ name: z.string(), org: z.string(), at: z.iso.datetime() })),
  files: z.array(
    z.object({
      id: z.number().int(),
      state: z.enum(FILE_STATES),
      category: z.enum(HARDSHIP_CATEGORIES).nullable(),
      createdAt: z.iso.datetime(),
      exitReason: z.enum(EXIT_REASONS).nullable(),
    }),
  ),
  actions: z.array(z.string()),
}).meta({ id: 'HardshipFile' });
