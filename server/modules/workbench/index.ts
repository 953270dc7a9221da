// The console's workbench (工作台): what waits on the signed-in staff member, and today's figures.
// It owns no table: the counters come from the other modules' manifests (`workbench`, see
// kernel/module.ts and docs/ADDING-A-MODULE.md), so a module adds its pending work by declaring it.
import { defineModule } from '../../kernel/module.js';
import { workbenchRoutes } from './workbench.routes.js';

export const workbenchModule = defineModule({
  name: 'workbench',
  routes: [workbenchRoutes],
});
