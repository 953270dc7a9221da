// What the merchant pages share: the categories (server/modules/merchant, in its order) and the phone's location.

export const CATEGORIES = ['shopping', 'dining', 'culture', 'fitness', 'health', 'education', 'travel'] as const;

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
