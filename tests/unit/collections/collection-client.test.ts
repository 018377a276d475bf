import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "@/components/api/client";
import { resolveCollection } from "@/components/collections/collection-choice";
import { changeMembers } from "@/components/collections/collections-client";
import { membersMessage, sendInChunks } from "@/components/collections/members-change";

afterEach(() => vi.unstubAllGlobals());

describe("resolveCollection (the upload form's collection)", () => {
  it("creates a new collection once, with the trimmed name, and returns its id", async () => {
    const create = vi.fn(async (name: string) => ({ id: "c9", name, createdAt: "", updatedAt: "", jobCount: 0 }));
    await expect(resolveCollection({ mode: "new", name: "  Outbreak 12 " }, create)).resolves.toBe("c9");
    expect(create).toHaveBeenCalledTimes(1);
    await expect(resolveCollection({ mode: "existing", id: "c1" }, create)).resolves.toBe("c1");
    await expect(resolveCollection({ mode: "none" }, create)).resolves.toBeNull();
    expect(create).toHaveBeenCalledTimes(1);
  });

  it("refuses a blank or too long name before calling the server", async () => {
    const create = vi.fn();
    await expect(resolveCollection({ mode: "new", name: "   " }, create)).rejects.toMatchObject({ fields: { name: "Name the new collection." } });
    await expect(resolveCollection({ mode: "new", name: "x".repeat(101) }, create)).rejects.toBeInstanceOf(ApiError);
    expect(create).not.toHaveBeenCalled();
  });

  it("passes the server's 409 with its field error on", async () => {
    vi.stubGlobal("fetch", async () =>
      Response.json({ error: { code: "conflict", message: "You already have a collection named so.", fields: { name: "Already used." } } }, { status: 409 }),
    );
    await expect(resolveCollection({ mode: "new", name: "Dup" })).rejects.toMatchObject({ status: 409, fields: { name: "Already used." } });
  });
});

describe("members changes", () => {
  it("posts add/remove to the collection's members route", async () => {
    const fetch = vi.fn(async () => Response.json({ added: 2, removed: 0, jobCount: 5 }));
    vi.stubGlobal("fetch", fetch);
    await expect(changeMembers("c1", { add: ["a", "b"] })).resolves.toEqual({ added: 2, removed: 0, jobCount: 5 });
    expect(fetch.mock.calls[0]).toMatchObject(["/api/collections/c1/members", { method: "POST", body: JSON.stringify({ add: ["a", "b"] }) }]);
  });

  it("sends a long selection in calls of at most 500 ids and sums the answers", async () => {
    const ids = Array.from({ length: 1201 }, (_, i) => `j${i}`);
    const sizes: number[] = [];
    let count = 0;
    const total = await sendInChunks(ids, async (chunk) => {
      sizes.push(chunk.length);
      count += chunk.length;
      return { added: chunk.length - 1, removed: 0, jobCount: count };
    });
    expect(sizes).toEqual([500, 500, 201]);
    expect(total).toEqual({ added: 1198, removed: 0, jobCount: 1201 });
  });

  it("stops at the first refused call", async () => {
    const send = vi.fn(async () => {
      throw new ApiError(404, "Not found.");
    });
    await expect(sendInChunks(["a"], send)).rejects.toMatchObject({ status: 404 });
  });

  it("says what changed and what was already so", () => {
    expect(membersMessage("add", 3, { added: 2, removed: 0, jobCount: 12 }, "Outbreak")).toBe("Added 2 jobs to “Outbreak” (1 already in it); it now holds 12 jobs.");
    expect(membersMessage("remove", 1, { added: 0, removed: 1, jobCount: 0 }, "Week 3")).toBe("Removed 1 job from “Week 3”; it now holds 0 jobs.");
  });
});
