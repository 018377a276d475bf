// One row of download links to an endpoint's formats: a job's results (its own page and its share
// page) and a collection's matrix, so the three pages offer the same files the same way.

export interface DownloadFile {
  format: string;
  label: string;
}

/** A finished job's files, as /api/jobs/:id/results and /api/shares/:token/results serve them. */
export const RESULT_DOWNLOADS: readonly DownloadFile[] = [
  { format: "phenotypes.tsv", label: "Phenotypes (TSV)" },
  { format: "genes.tsv", label: "Genes (TSV)" },
  { format: "json", label: "Full result (JSON)" },
];

/** Links to `url` with `format=` added for each file. */
export function DownloadLinks({ url, files }: { url: string; files: readonly DownloadFile[] }) {
  const sep = url.includes("?") ? "&" : "?";
  return (
    <div className="flex flex-wrap items-center gap-2">
      <span className="text-sm text-slate-600">Download:</span>
      {files.map((f) => (
        <a key={f.format} href={`${url}${sep}format=${f.format}`} download data-testid={`download-${f.format}`} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50">
          {f.label}
        </a>
      ))}
    </div>
  );
}
