// The assistance module's public surface (困难帮扶): hardship files (hardship/), assistance
// programmes and records (aid/), precise identification (identify/). Other modules import it
// only through this file; the sub-folders call each other through the functions exported here.
import type { FastifyInstance } from 'fastify';
import { aidAllRoutes } from './aid/index.js';
import { hardshipRoutes } from './hardship/index.js';
import { identifyRoutes } from './identify/index.js';

/** All HTTP routes of the module. */
export async function assistanceRoutes(app: FastifyInstance): Promise<void> {
  await app.register(hardshipRoutes);
  await app.register(aidAllRoutes);
  await app.register(identifyRoutes);
}

export {
  openDraftFile, currentFiledFile, fileSummary, purgeHardship, effectiveLine, CONSENT_VERSION, CONSENT_SCOPES, type OpenDraftFileInput, type FileSummary,
} from './hardship/index.js';
export { hardshipFile, hardshipLine, hardshipConsent, HARDSHIP_CATEGORIES, HARDSHIP_CAUSES, FILE_STATES, EXIT_REASONS } from './hardship/hardship.schema.js';
export { recompute as recomputeCandidates, RECOMPUTE_JOB, IDENTIFY_READ, IDENTIFY_HANDLE, IDENTIFY_RULES } from './identify/index.js';
export { assistanceHistory, assistanceForFile, type AssistanceHistoryItem, aidProgramme, aidRecord, aidWish, aidHouseholdTotal, PROGRAMME_KINDS } from './aid/index.js';
