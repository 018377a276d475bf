import { describe, expect, it } from "vitest";
import { grown } from "../../../lib/amr/grown";

describe("grown", () => {
  it("returns the array itself while it is long enough", () => {
    const a = new Int32Array(8);
    expect(grown(a, 8)).toBe(a);
  });

  it("grows to at least double or to the size asked, same type, contents kept", () => {
    const a = Uint8Array.from([1, 2, 3, 4]);
    const b = grown(a, 5);
    expect(b).toBeInstanceOf(Uint8Array);
    expect(b.length).toBe(8);
    expect(Array.from(b.subarray(0, 4))).toEqual([1, 2, 3, 4]);
    const c = grown(Int32Array.from([-7, 9]), 100);
    expect(c).toBeInstanceOf(Int32Array);
    expect(c.length).toBe(100);
    expect(Array.from(c.subarray(0, 2))).toEqual([-7, 9]);
  });
});
