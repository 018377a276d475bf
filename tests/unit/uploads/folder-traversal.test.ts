import { describe, expect, it } from "vitest";
import { filesFromEntries, MAX_DEPTH, type EntryLike } from "@/components/uploads/folder-traversal";

// Fake FileSystemEntry trees: a directory's reader answers in batches, then an empty batch, as Chromium's does.
const file = (name: string): EntryLike<string> => ({ isFile: true, isDirectory: false, name, file: (ok) => setTimeout(() => ok(`<${name}>`), 0) });
function dir(name: string, children: EntryLike<string>[], batch = 2): EntryLike<string> {
  return {
    isFile: false,
    isDirectory: true,
    name,
    createReader() {
      let at = 0;
      return {
        readEntries(ok) {
          const next = children.slice(at, at + batch);
          at += next.length;
          setTimeout(() => ok(next), 0);
        },
      };
    },
  };
}

describe("filesFromEntries", () => {
  it("walks nested folders, reading every batch, and keeps each file's path", async () => {
    const tree = dir("run7", [file("a.fa"), file("b.fa"), file("c.fa"), dir("sub", [file("d.fna.gz")]), file("README.txt")]);
    const files = await filesFromEntries([tree, file("loose.fasta")]);
    expect(files).toEqual([
      { file: "<a.fa>", path: "run7/a.fa" },
      { file: "<b.fa>", path: "run7/b.fa" },
      { file: "<c.fa>", path: "run7/c.fa" },
      { file: "<d.fna.gz>", path: "run7/sub/d.fna.gz" },
      { file: "<README.txt>", path: "run7/README.txt" },
      { file: "<loose.fasta>", path: "loose.fasta" },
    ]);
  });

  it("stops at the file cap", async () => {
    const tree = dir("big", Array.from({ length: 10 }, (_, i) => file(`g${i}.fa`)), 3);
    expect(await filesFromEntries([tree], 4)).toHaveLength(4);
  });

  it("does not descend past the depth limit", async () => {
    let deep: EntryLike<string> = file("bottom.fa");
    for (let i = MAX_DEPTH + 1; i > 0; i--) deep = dir(`d${i}`, [deep]);
    expect(await filesFromEntries([deep])).toEqual([]);
    let shallow: EntryLike<string> = file("ok.fa");
    for (let i = MAX_DEPTH; i > 0; i--) shallow = dir(`d${i}`, [shallow]);
    expect((await filesFromEntries([shallow]))[0].path).toMatch(/ok\.fa$/);
  });

  it("passes a read error on", async () => {
    const broken: EntryLike<string> = { isFile: true, isDirectory: false, name: "x.fa", file: (_ok, fail) => fail(new Error("gone")) };
    await expect(filesFromEntries([broken])).rejects.toThrow("gone");
  });
});
