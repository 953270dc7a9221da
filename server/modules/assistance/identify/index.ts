// Precise identification (精准识别): the list, its rules, member situations, the recompute job.
export { identifyRoutes, RECOMPUTE_JOB } from './identify.routes.js';
export { recompute, dryRun } from './compute.js';
export { IDENTIFY_READ, IDENTIFY_HANDLE, IDENTIFY_RULES } from './identify.service.js';
