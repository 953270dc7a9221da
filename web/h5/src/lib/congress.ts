// What the congress pages share: the colours of states, a share as a percentage.
import type { TagType } from 'vant';

const SESSION: Record<'planned' | 'open' | 'closed', TagType> = { planned: 'primary', open: 'success', closed: 'default' };
export const sessionTagType = (state: keyof typeof SESSION): TagType => SESSION[state];

const MOTION: Record<'draft' | 'open' | 'closed', TagType> = { draft: 'default', open: 'success', closed: 'default' };
export const motionTagType = (state: keyof typeof MOTION): TagType => MOTION[state];

/** 0.625 → "62.5%". */
export function percent(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}
