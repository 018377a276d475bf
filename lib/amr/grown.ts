// Growing a typed array that is filled as work proceeds: doubling, so n appends cost O(n) copies.

/** `a` when it holds `size` elements already, else a copy of it at least twice as long. */
export function grown<T extends Uint8Array | Int32Array>(a: T, size: number): T {
  if (a.length >= size) return a;
  const b = new (a.constructor as new (length: number) => T)(Math.max(size, a.length * 2));
  b.set(a);
  return b;
}
