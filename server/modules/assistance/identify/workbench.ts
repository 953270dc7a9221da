import { countUpTo } from '../../../kernel/db.js';
import type { WorkbenchCounter } from '../../../kernel/module.js';
import { identifyCandidate } from './identify.schema.js';
import { candidateWhere, IDENTIFY_HANDLE } from './identify.service.js';

// 精准识别: the candidates the list shows (not hidden by a dismissal), to verify, dismiss or visit.

export const identifyTodo: readonly WorkbenchCounter[] = [
  {
    key: 'assistance.candidates',
    label: { zh: '待核实识别对象', en: 'Identification candidates' },
    permission: IDENTIFY_HANDLE,
    path: '/hardship/identify',
    count: async (db, actor, now) => (await countUpTo(db, identifyCandidate, candidateWhere(actor, {}, now))).total,
  },
];
