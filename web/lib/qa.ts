// The policy Q&A, worker voice and alerts contract (docs/API-QA.md) as both web apps read it:
// names for the generated shapes (web/lib/api/schema.d.ts).
import type { Body, Schemas } from './api/client';
import type { QA_CATEGORIES, QA_KINDS, QA_STATUSES, VOICE_KINDS, VOICE_STATUSES } from './api/dictionaries';

export { ALERT_STATUSES } from './api/dictionaries';

export { QA_CATEGORIES, QA_KINDS, QA_STATUSES, VOICE_KINDS, VOICE_STATUSES } from './api/dictionaries';
export type QaCategory = (typeof QA_CATEGORIES)[number];
export type QaKind = (typeof QA_KINDS)[number];
export type QaStatus = (typeof QA_STATUSES)[number];
export type VoiceKind = (typeof VOICE_KINDS)[number];
export type VoiceStatus = (typeof VOICE_STATUSES)[number];
export type Alert = Schemas['Alert'];
export type AlertStatus = Alert['status'];
export type AlertKind = Alert['kind'];
export type QaHit = Schemas['QaHit'];
export type QaHot = Schemas['QaHot'];
export type QaEntry = Schemas['QaEntry'];
export type QaEntryInput = Body<'/api/qa/entries', 'post'>;
export type MyVoiceItem = Schemas['MyVoiceItem'];
export type VoiceItem = Schemas['VoiceItem'];
export type AlertTopic = Schemas['AlertTopic'];
