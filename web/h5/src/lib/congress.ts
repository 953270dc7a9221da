// What the congress pages share: the colours of states, a share as a percentage, which
// representative on a proposal is me.
import type { TagType } from 'vant';
import type { Proposal } from '../api/congress';

const SESSION: Record<'planned' | 'open' | 'closed', TagType> = {
  planned: 'primary',
  open: 'success',
  closed: 'default',
};
export const sessionTagType = (state: keyof typeof SESSION): TagType => SESSION[state];

const MOTION: Record<'draft' | 'open' | 'closed', TagType> = { draft: 'default', open: 'success', closed: 'default' };
export const motionTagType = (state: keyof typeof MOTION): TagType => MOTION[state];

const PROPOSAL: Record<Proposal['state'], TagType> = {
  cosigning: 'warning',
  submitted: 'primary',
  accepted: 'primary',
  converted: 'default',
  rejected: 'danger',
  assigned: 'primary',
  answered: 'success',
  closed: 'default',
  withdrawn: 'default',
};
export const proposalTagType = (state: Proposal['state']): TagType => PROPOSAL[state];

/** 0.625 → "62.5%". */
export function percent(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}

/** My invitation on a proposal (by the representative ids of my seats), if I am asked to co-sign. */
export function myCosign(p: Pick<Proposal, 'cosigners'>, myReps: readonly number[]) {
  return p.cosigners.find((c) => myReps.includes(c.representativeId)) ?? null;
}
