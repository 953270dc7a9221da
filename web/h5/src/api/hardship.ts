// My hardship file as the member sees it (docs/API-ASSISTANCE.md, "Hardship files"): status,
// category, next review, assistance received, who viewed the file; consent given and withdrawn.
import { authed } from './client';

export interface MyHardship {
  consentVersion: string;
  consentScopes: string[];
  purgeAfterDays: number;
  consent: { version: string; scope: string[]; givenAt: string; givenVia: 'member' | 'staff' } | null;
  file: {
    id: number; state: 'draft' | 'verifying' | 'filed' | 'exited' | 'closed'; category: 'deep' | 'relative' | 'sudden' | null; orgName: string;
    filedAt: string | null; reviewDue: string | null; exitReason: string | null; watchUntil: string | null; purgeAt: string | null;
  } | null;
  assistance: Array<{ id: number; programmeName: string; kind: string; amountFen: number | null; goods: string | null; date: string; state: string }>;
}

export interface Viewer { name: string; org: string; at: string; times: number }

export const hardshipApi = {
  mine: () => authed.get<MyHardship>('/api/me/hardship'),
  viewers: (page: number) => authed.get<{ items: Viewer[]; total: number; page: number; pageSize: number }>('/api/me/hardship/viewers', { page, pageSize: 20 }),
  consent: (version: string, scope: string[]) => authed.post<MyHardship>('/api/me/hardship/consent', { version, scope }),
  withdraw: () => authed.post<MyHardship>('/api/me/hardship/consent/withdraw', {}),
};
