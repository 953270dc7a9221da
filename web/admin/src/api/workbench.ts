// The workbench (工作台): pending work per kind in the caller's scope, and today's figures.
import type { Reply } from '../../../lib/api/client';
import { api, ok } from './client';

export type Workbench = Reply<'/api/workbench'>;
export type Todo = Workbench['todo'][number];
export type Figure = Workbench['today'][number];

export const workbenchApi = {
  get: () => ok(api.GET('/api/workbench')),
  /** Only the counters: what the bell and the menu badges poll. */
  pending: () => ok(api.GET('/api/workbench/pending')),
};
