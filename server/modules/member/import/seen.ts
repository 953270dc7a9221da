// The 身份证号 and card numbers seen so far in an import file, with the line each was first seen
// on. A million-row file holds a million IDs and half a million card numbers: as a Map of strings
// that is ~150 MB of small objects in the worker's capped heap (thread.ts), and V8 then spends
// most of the import collecting garbage. Here the keys live as bytes in one growing buffer and
// the index is an open-addressing table in a typed array: ~45 MB for a million IDs, off the heap
// and never traced. Keys are short ASCII (validated before they get here).

const EMPTY = 0xffffffff;
// Reads below are in bounds; `?? EMPTY` / `?? 0` only satisfy noUncheckedIndexedAccess on the typed arrays.

export class SeenKeys {
  private bytes = Buffer.alloc(1 << 16);
  private used = 0;
  /** Per slot: key offset in `bytes` (EMPTY when free), key length, line. */
  private slots = new Uint32Array(3 * (1 << 12)).fill(EMPTY);
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** The line `key` was first seen on; otherwise records it as seen on `line` and returns undefined. */
  firstLine(key: string, line: number): number | undefined {
    const hash = fnv1a(key);
    const mask = this.slots.length / 3 - 1;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const at = this.slots[3 * i] ?? EMPTY;
      if (at === EMPTY) break;
      if (this.slots[3 * i + 1] === key.length && this.equals(at, key)) return this.slots[3 * i + 2];
    }
    this.insert(hash, this.append(key), key.length, line);
    if (++this.count * 2 > this.slots.length / 3) this.grow();
    return undefined;
  }

  private equals(at: number, key: string): boolean {
    for (let k = 0; k < key.length; k++) if (this.bytes[at + k] !== key.charCodeAt(k)) return false;
    return true;
  }

  private append(key: string): number {
    if (this.used + key.length > this.bytes.length) {
      const bigger = Buffer.alloc(Math.max(this.bytes.length * 2, this.used + key.length));
      this.bytes.copy(bigger, 0, 0, this.used);
      this.bytes = bigger;
    }
    const at = this.used;
    this.used += this.bytes.write(key, at, 'latin1');
    return at;
  }

  private insert(hash: number, at: number, length: number, line: number): void {
    const mask = this.slots.length / 3 - 1;
    let i = hash & mask;
    while (this.slots[3 * i] !== EMPTY) i = (i + 1) & mask;
    this.slots[3 * i] = at;
    this.slots[3 * i + 1] = length;
    this.slots[3 * i + 2] = line;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Uint32Array(old.length * 2).fill(EMPTY);
    for (let i = 0; i < old.length; i += 3) {
      const at = old[i] ?? EMPTY;
      if (at === EMPTY) continue;
      const length = old[i + 1] ?? 0;
      let h = FNV_BASIS;
      for (let k = at; k < at + length; k++) h = Math.imul(h ^ (this.bytes[k] ?? 0), FNV_PRIME);
      this.insert(h >>> 0, at, length, old[i + 2] ?? 0);
    }
  }
}

const FNV_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** 32-bit FNV-1a over the key's char codes (its bytes: the keys are ASCII). */
function fnv1a(key: string): number {
  let h = FNV_BASIS;
  for (let k = 0; k < key.length; k++) h = Math.imul(h ^ key.charCodeAt(k), FNV_PRIME);
  return h >>> 0;
}
