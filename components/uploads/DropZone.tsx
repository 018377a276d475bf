"use client";
import { useRef, useState, type DragEvent } from "react";
import { formatBytes } from "@/lib/units";
import { entriesOfDrop, filesFromEntries, filesFromInput } from "./folder-traversal";
import { partitionGenomes, type PickedFile } from "./genome-files";

export interface Selection {
  genomes: PickedFile[];
  skipped: string[];
}

// React does not type the folder-picker attribute; Chromium, Firefox and Safari all support it.
const folderPicker = { webkitdirectory: "", directory: "" } as Record<string, string>;

/** Where genomes come in: drop files or folders, browse for files, or pick a folder. */
export function DropZone({
  selection,
  onSelect,
  maxBytes,
  disabled,
}: {
  selection: Selection;
  onSelect: (selection: Selection) => void;
  maxBytes: number;
  disabled?: boolean;
}) {
  const [dragging, setDragging] = useState(false);
  const [reading, setReading] = useState(false);
  const [readError, setReadError] = useState<string | null>(null);
  const files = useRef<HTMLInputElement>(null);
  const folder = useRef<HTMLInputElement>(null);

  const take = (picked: PickedFile[]) => {
    onSelect(partitionGenomes(picked));
    // Clear the inputs so picking the same files again still fires a change.
    if (files.current) files.current.value = "";
    if (folder.current) folder.current.value = "";
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    if (disabled) return;
    const { entries, loose } = entriesOfDrop(e.dataTransfer);
    setReading(true);
    setReadError(null);
    filesFromEntries(entries)
      .then((found) => take([...found, ...filesFromInput(loose)]))
      .catch(() => setReadError("Some dropped files could not be read. Try the folder picker instead."))
      .finally(() => setReading(false));
  };

  const { genomes } = selection;
  const total = genomes.reduce((n, g) => n + g.file.size, 0);
  const button =
    "cursor-pointer rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100 focus-within:ring-2 focus-within:ring-teal-600";
  return (
    <div
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      data-testid="drop-zone"
      className={`mt-4 flex flex-col items-center justify-center gap-2 rounded-lg border-2 border-dashed px-4 py-6 text-center transition-colors ${
        dragging ? "border-teal-500 bg-teal-50" : "border-slate-300 bg-slate-50"
      }`}
    >
      <svg aria-hidden viewBox="0 0 24 24" className="h-8 w-8 text-slate-400" fill="none" stroke="currentColor" strokeWidth={1.5}>
        <path d="M12 16V4m0 0 4 4m-4-4L8 8M4 16v2a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-2" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      {reading ? (
        <p className="text-sm text-slate-600" aria-live="polite">Reading the folder…</p>
      ) : genomes.length === 1 ? (
        <p className="text-sm">
          <span className="font-medium text-slate-900" data-testid="chosen-file">{genomes[0].file.name}</span>{" "}
          <span className="text-slate-500">· {formatBytes(genomes[0].file.size)}</span>
        </p>
      ) : genomes.length > 1 ? (
        <div className="w-full text-sm">
          <p className="font-medium text-slate-900" data-testid="chosen-count">
            {genomes.length} genomes · {formatBytes(total)}
          </p>
          <ul className="mt-1 max-h-28 overflow-y-auto text-left text-xs text-slate-600" aria-label="Chosen genomes">
            {genomes.map((g) => (
              <li key={g.path} className="truncate" title={g.path}>{g.path}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="text-sm text-slate-600">Drag genomes or a whole folder here, or</p>
      )}
      <div className="flex flex-wrap justify-center gap-2">
        <label className={button}>
          {genomes.length ? "Choose other files" : "Browse files"}
          <input
            ref={files}
            type="file"
            multiple
            disabled={disabled}
            aria-label="Genome files"
            accept=".fa,.fasta,.fna,.ffn,.fas,.fsa,.gz"
            className="sr-only"
            onChange={(e) => take(filesFromInput(e.target.files))}
          />
        </label>
        <label className={button}>
          Choose a folder
          <input
            ref={folder}
            type="file"
            multiple
            disabled={disabled}
            aria-label="Genome folder"
            className="sr-only"
            {...folderPicker}
            onChange={(e) => take(filesFromInput(e.target.files))}
          />
        </label>
      </div>
      <p className="text-xs text-slate-500">Up to {formatBytes(maxBytes)} each · .fa .fasta .fna, plain or .gz · one job per genome</p>
      {readError && <p role="alert" className="text-xs text-rose-700">{readError}</p>}
    </div>
  );
}
