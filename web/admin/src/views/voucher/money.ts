// Money on the voucher screens: typed in 元, sent and received in 分 (integers, never floats).
export { yuan } from '../../api/aid';

/** 元 as typed (up to two decimals) → 分. */
export const toFen = (yuanValue: number): number => Math.round((yuanValue || 0) * 100);
