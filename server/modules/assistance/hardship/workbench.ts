import { and } from 'drizzle-orm';
import { countUpTo } from '../../../kernel/db.js';
import type { WorkbenchCounter } from '../../../kernel/module.js';
import { FILE_HANDLE } from './hardship.access.js';
import { fileConditions } from './hardship.query.js';
import { hardshipFile } from './hardship.schema.js';

// Hardship files waiting on staff: submitted for verification, and yearly reviews due within the
// 30 days the review list shows by default — with the file list's own conditions.

export const REVIEW_WINDOW_DAYS = 30;

export const hardshipTodo: readonly WorkbenchCounter[] = [
  {
    key: 'assistance.verifying',
    label: { zh: '待核实困难档案', en: 'Hardship files to verify' },
    permission: FILE_HANDLE,
    path: '/hardship/files?state=verifying',
    count: async (db, actor, now) =>
      (await countUpTo(db, hardshipFile, and(...fileConditions(actor, { state: ['verifying'] }, now)))).total,
  },
  {
    key: 'assistance.reviews',
    label: { zh: '待年审困难档案', en: 'Yearly reviews due' },
    permission: FILE_HANDLE,
    path: '/hardship/reviews',
    count: async (db, actor, now) =>
      (await countUpTo(db, hardshipFile, and(...fileConditions(actor, { reviewWithinDays: REVIEW_WINDOW_DAYS }, now))))
        .total,
  },
];
