// Every module of the platform, once. The app registers their routes, jobs and loops in this
// order; the error handler, the permission catalogue and the demo seed walk the same list.
// Adding a module: its folder with a manifest (kernel/module.ts), and one line here.
import { registerPermissions } from './kernel/access.js';
import { registerAuditActions, registerAuditTargets } from './kernel/audit-labels.js';
import { registerErrors } from './kernel/errors.js';
import { registerFieldMessages } from './kernel/http.js';
import type { ErrorCodesOf, ModuleDef, PermissionsOf } from './kernel/module.js';
import { registerWorkbench } from './kernel/workbench.js';
import { assistanceModule } from './modules/assistance/index.js';
import { auditModule } from './modules/audit/index.js';
import { congressModule } from './modules/congress/index.js';
import { authModule } from './modules/auth/index.js';
import { memberModule } from './modules/member/index.js';
import { merchantModule } from './modules/merchant/index.js';
import { orgModule } from './modules/org/index.js';
import { qaModule } from './modules/qa/index.js';
import { serviceModule } from './modules/service/index.js';
import { voiceModule } from './modules/voice/index.js';
import { voucherModule } from './modules/voucher/index.js';
import { workbenchModule } from './modules/workbench/index.js';

export const MODULES = [
  orgModule,
  authModule,
  memberModule,
  serviceModule,
  qaModule,
  voiceModule,
  assistanceModule,
  auditModule,
  workbenchModule,
  merchantModule,
  voucherModule,
  congressModule,
] as const;

type Manifest = (typeof MODULES)[number];
/** Every permission a manifest declares: a misspelt one does not compile. */
export type Permission = PermissionsOf<Manifest>;
/** Every error code a manifest declares (the kernel's own are in kernel/errors.ts). */
export type ModuleErrorCode = ErrorCodesOf<Manifest>;

const manifests: readonly ModuleDef[] = MODULES;
for (const m of manifests) {
  registerPermissions(m.permissions ?? {});
  registerErrors(m.errors ?? {});
  registerFieldMessages(m.fieldMessages ?? {});
  registerAuditActions(m.name, m.auditActions ?? {});
  registerAuditTargets(m.auditTargets ?? {});
}
// After every permission is known: a counter names a permission of any module.
for (const m of manifests) if (m.workbench) registerWorkbench(m.name, m.workbench);
