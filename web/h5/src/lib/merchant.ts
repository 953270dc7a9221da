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

/**
 * "where it can be used" as one line, from a voucher's or campaign's summary of merchants: a text,
 * a list of names or of {name}, or nothing (every partner merchant of the union).
 */
export function placesText(summary: unknown, everywhere: string): string {
  if (typeof summary === 'string') return summary || everywhere;
  if (Array.isArray(summary)) {
    const names = summary
      .map((m: unknown) =>
        typeof m === 'string' ? m : typeof m === 'object' && m && 'name' in m ? String(m.name) : '',
      )
      .filter(Boolean);
    return names.length ? names.join('、') : everywhere;
  }
  if (typeof summary === 'object' && summary !== null) {
    const s = summary as { names?: unknown; items?: unknown; text?: unknown };
    return placesText(s.text ?? s.names ?? s.items, everywhere);
  }
  return everywhere;
}
