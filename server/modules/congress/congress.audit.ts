import { eq, ilike, inArray } from 'drizzle-orm';
import { numericIds, type AuditTargetKind } from '../../kernel/audit-labels.js';
import { escapeLike } from '../../kernel/db.js';
import type { Label } from '../../kernel/errors.js';
import { congressBody, congressSession, congressTerm } from './congress.schema.js';

// How the audit log names the core congress actions and records (bodies and sessions).

export const CONGRESS_CORE_AUDIT_ACTIONS = {
  'congress_body.create': { zh: '创建职代会', en: 'Congress created' },
  'congress_term.create': { zh: '新建职代会届次', en: 'Congress term opened' },
  'congress_representative.add': { zh: '增补职工代表', en: 'Representative added' },
  'congress_representative.replace': { zh: '替补职工代表', en: 'Representative replaced' },
  'congress_representative.end': { zh: '职工代表离任', en: 'Representative left' },
  'congress_session.create': { zh: '新建职代会会议', en: 'Congress session planned' },
  'congress_session.update': { zh: '编辑职代会会议', en: 'Congress session edited' },
  'congress_session.document': { zh: '上传会议文件', en: 'Session document added' },
  'congress_session.send_documents': { zh: '送达会议文件', en: 'Session documents sent' },
  'congress_session.open': { zh: '职代会开幕', en: 'Congress session opened' },
  'congress_session.close': { zh: '职代会闭幕', en: 'Congress session closed' },
  'congress_session.publish': { zh: '职代会决议厂务公开', en: 'Session resolutions published' },
  'congress_session.report': { zh: '职代会报上级工会', en: 'Session reported to the higher union' },
  'congress_attendance.record': { zh: '职工代表签到', en: 'Representative checked in' },
} as const satisfies Record<string, Label>;

export const CONGRESS_AUDIT_TARGETS: Readonly<Record<string, AuditTargetKind>> = {
  congress_body: {
    label: { zh: '职代会', en: 'Workers’ congress' },
    async describe(ids, { db }) {
      const wanted = numericIds(ids);
      if (wanted.length === 0) return new Map();
      const found = await db
        .select({ id: congressBody.id, name: congressBody.name })
        .from(congressBody)
        .where(inArray(congressBody.id, wanted));
      return new Map(found.map((b) => [String(b.id), { label: b.name, link: `/congress/bodies/${b.id}` }]));
    },
    async find(text, { db }, limit) {
      if (text.trim() === '') return [];
      const found = await db
        .select({ id: congressBody.id })
        .from(congressBody)
        .where(ilike(congressBody.name, `%${escapeLike(text.trim())}%`))
        .limit(limit);
      return found.map((b) => String(b.id));
    },
  },
  congress_session: {
    label: { zh: '职代会会议', en: 'Congress session' },
    async describe(ids, { db }) {
      const wanted = numericIds(ids);
      if (wanted.length === 0) return new Map();
      const found = await db
        .select({ id: congressSession.id, title: congressSession.title, body: congressBody.name })
        .from(congressSession)
        .innerJoin(congressTerm, eq(congressTerm.id, congressSession.termId))
        .innerJoin(congressBody, eq(congressBody.id, congressTerm.bodyId))
        .where(inArray(congressSession.id, wanted));
      return new Map(
        found.map((s) => [String(s.id), { label: `${s.body} · ${s.title}`, link: `/congress/sessions/${s.id}` }]),
      );
    },
    async find(text, { db }, limit) {
      if (text.trim() === '') return [];
      const found = await db
        .select({ id: congressSession.id })
        .from(congressSession)
        .where(ilike(congressSession.title, `%${escapeLike(text.trim())}%`))
        .limit(limit);
      return found.map((s) => String(s.id));
    },
  },
};

export const CONGRESS_CORE_FIELD_MESSAGES = {
  'congress.period': { zh: '结束日期须晚于开始日期', en: 'The end date must fall after the start date' },
  'congress.reason': { zh: '请填写原因（1至200字）', en: 'Give a reason of 1 to 200 characters' },
  'congress.datetime': {
    zh: '请填写带时区的时间，如 2026-06-01T09:00:00+08:00',
    en: 'Give a time with its offset, e.g. 2026-06-01T09:00:00+08:00',
  },
  'congress.topic': { zh: '议题须为1至200字', en: 'A topic has 1 to 200 characters' },
} as const satisfies Record<string, Label>;
