// What the merchant pages share: the categories (server/modules/merchant, in its order), the phone's
// location, and where a voucher can be used in words.
import { MERCHANT_CATEGORIES } from '../../../lib/api/dictionaries';
import { i18n } from '../i18n';

export const CATEGORIES = MERCHANT_CATEGORIES;

export interface Coords {
  lat: number;
  lng: number;
}

/** The phone's position, or null when it is refused, unavailable or slow (8 s). Never throws. */
export function locate(): Promise<Coords | null> {
  if (typeof navigator === 'undefined' || !navigator.geolocation) return Promise.resolve(null);
  return new Promise((resolve) => {
    navigator.geolocation.getCurrentPosition(
      (pos) => resolve({ lat: pos.coords.latitude, lng: pos.coords.longitude }),
      () => resolve(null),
      { enableHighAccuracy: false, timeout: 8000, maximumAge: 300_000 },
    );
  });
}

/** Where a voucher or campaign can be used: chosen merchants, categories, or every partner merchant of the union. */
export interface WhereValid {
  merchantIds?: number[] | null;
  categories?: readonly string[] | null;
}

/** "where it can be used" in one line: 3 家指定商户, 购物、餐饮类商户, 全部合作商户. */
export function placesText(where: WhereValid | null | undefined): string {
  const { t } = i18n.global;
  if (where?.merchantIds?.length) return t('voucher.where.merchants', { n: where.merchantIds.length });
  if (where?.categories?.length)
    return t('voucher.where.categories', { list: where.categories.map((c) => t(`merchant.category.${c}`)).join('、') });
  return t('voucher.where.everywhere');
}
