import type { PickedFile } from "./genome-files";

// Reading a dropped folder: DataTransferItem.webkitGetAsEntry gives a tree of entries that is
// read asynchronously. Only the few members used are typed here, so tests pass plain fakes.

export interface FileEntryLike<F> {
  isFile: true;
  isDirectory: false;
  name: string;
  file(ok: (file: F) => void, fail: (err: unknown) => void): void;
}
export interface DirectoryEntryLike<F> {
  isFile: false;
  isDirectory: true;
  name: string;
  createReader(): { readEntries(ok: (entries: EntryLike<F>[]) => void, fail: (err: unknown) => void): void };
}
export type EntryLike<F> = FileEntryLike<F> | DirectoryEntryLike<F>;

/** Folders deeper than this are not read (a dropped home directory should not hang the page). */
export const MAX_DEPTH = 8;
/** Stop collecting after this many files; the caller says how many there were at most. */
export const MAX_FILES = 5000;

async function readAll<F>(dir: DirectoryEntryLike<F>): Promise<EntryLike<F>[]> {
  const reader = dir.createReader();
  const all: EntryLike<F>[] = [];
  // readEntries answers in batches (100 at a time in Chromium) until it answers an empty one.
  for (;;) {
    const batch = await new Promise<EntryLike<F>[]>((ok, fail) => reader.readEntries(ok, fail));
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

/** Every file under the given entries, with its path from the dropped item. */
export async function filesFromEntries<F>(entries: EntryLike<F>[], maxFiles = MAX_FILES): Promise<PickedFile<F>[]> {
  const out: PickedFile<F>[] = [];
  async function walk(entry: EntryLike<F>, prefix: string, depth: number): Promise<void> {
    if (out.length >= maxFiles) return;
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isFile) {
      out.push({ file: await new Promise<F>((ok, fail) => entry.file(ok, fail)), path });
    } else if (depth < MAX_DEPTH) {
      for (const child of await readAll(entry)) await walk(child, path, depth + 1);
    }
  }
  for (const entry of entries) await walk(entry, "", 0);
  return out;
}

/**
 * The files of a drop: folders are walked, plain files kept. Entries must be taken from the
 * items synchronously, inside the drop event (the DataTransfer is emptied after it returns).
 */
export function entriesOfDrop(data: DataTransfer): { entries: EntryLike<File>[]; loose: File[] } {
  const entries: EntryLike<File>[] = [];
  const loose: File[] = [];
  for (const item of Array.from(data.items ?? [])) {
    if (item.kind !== "file") continue;
    const entry = item.webkitGetAsEntry?.() as EntryLike<File> | null | undefined;
    if (entry) entries.push(entry);
    else {
      const f = item.getAsFile();
      if (f) loose.push(f);
    }
  }
  if (entries.length === 0 && loose.length === 0) loose.push(...Array.from(data.files ?? []));
  return { entries, loose };
}

/** Files picked with an input (a folder picker gives webkitRelativePath). */
export function filesFromInput(list: FileList | File[] | null): PickedFile<File>[] {
  return Array.from(list ?? []).map((file) => ({ file, path: file.webkitRelativePath || file.name }));
}
