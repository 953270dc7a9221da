import { z } from 'zod';
import { idNumberProblem, normaliseIdNumber } from './id-number.js';
import { HOUSEHOLD_TYPES, JOB_TYPES, MEMBER_STATUSES } from './member.schema.js';

// The member fields as every entry point (API, H5, Excel import) checks them, with messages
// keyed for kernel/http.ts's translations.

export const PHONE = /^1[3-9]\d{9}$/;

export const ZIdNumber = z
  .string()
  .max(40)
  .transform(normaliseIdNumber)
  .superRefine((id, ctx) => {
    const problem = idNumberProblem(id);
    if (problem) ctx.addIssue({ code: 'custom', message: `idNumber.${problem}` });
  });

export const ZName = z.string().trim().min(2, 'name.invalid').max(30, 'name.invalid');
export const ZMemberPhone = z.string().trim().regex(PHONE, 'phone.invalid');

export const ZDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'date.invalid')
  .refine(
    (d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    'date.invalid',
  );
export const ZPastDate = ZDate.refine((d) => d <= new Date().toISOString().slice(0, 10), 'date.future');

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

/** The descriptive fields a member record carries besides identity. */
export const memberDetailFields = {
  ethnicity: optionalText(20),
  politicalStatus: optionalText(20),
  education: optionalText(20),
  householdType: z.enum(HOUSEHOLD_TYPES).nullable().optional(),
  migrantWorker: z.boolean().optional(),
  employer: optionalText(100),
  post: optionalText(50),
  jobType: z.enum(JOB_TYPES).optional(),
};

export const ZNewMember = z.strictObject({
  name: ZName,
  idNumber: ZIdNumber,
  phone: ZMemberPhone,
  orgId: z.number().int().min(1),
  joinedAt: ZPastDate,
  cardNo: z
    .string()
    .trim()
    .min(1)
    .max(32)
    .regex(/^[A-Za-z0-9-]+$/, 'code.invalid')
    .nullable()
    .optional(),
  ...memberDetailFields,
});
export type NewMember = z.infer<typeof ZNewMember>;

export const ZMemberPatch = z.strictObject({
  name: ZName.optional(),
  phone: ZMemberPhone.nullable().optional(),
  joinedAt: ZPastDate.optional(),
  cardNo: ZNewMember.shape.cardNo,
  status: z.enum(['active', 'left', 'deceased']).optional(),
  ...memberDetailFields,
});
export type MemberPatch = z.infer<typeof ZMemberPatch>;

export { MEMBER_STATUSES };
