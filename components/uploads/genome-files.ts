// Which files of a drop or a picked folder are genomes. Pure, so the rules are tested directly.

/** Nucleotide FASTA names, plain or gzipped (.faa is protein: not a genome assembly). */
const GENOME_NAME = /\.(fa|fasta|fna|ffn|fas|fsa)(\.gz)?$/i;

export interface PickedFile<F = File> {
  file: F;
  /** Path inside the dropped folder ("run7/isolate_01.fa"), or just the name for a single file. */
  path: string;
}

export function isGenomeName(name: string): boolean {
  return GENOME_NAME.test(name);
}

/** Dot files and anything inside a dot folder (.DS_Store, ._x.fa resource forks, .git/…). */
export function isHiddenPath(path: string): boolean {
  return path.split("/").some((part) => part.startsWith("."));
}

/** Splits picked files into genomes (in path order, duplicates of one path once) and skipped names. */
export function partitionGenomes<F>(picked: PickedFile<F>[]): { genomes: PickedFile<F>[]; skipped: string[] } {
  const genomes: PickedFile<F>[] = [];
  const skipped: string[] = [];
  const seen = new Set<string>();
  for (const p of [...picked].sort((a, b) => a.path.localeCompare(b.path))) {
    const name = p.path.split("/").pop() ?? p.path;
    if (isHiddenPath(p.path) || !isGenomeName(name)) skipped.push(p.path);
    else if (!seen.has(p.path)) {
      seen.add(p.path);
      genomes.push(p);
    }
  }
  return { genomes, skipped };
}

/** "3 files skipped (not FASTA genomes): README.txt, notes.docx, run.log" — at most `shown` names. */
export function skippedNote(skipped: string[], shown = 5): string | null {
  if (skipped.length === 0) return null;
  const names = skipped.slice(0, shown).join(", ") + (skipped.length > shown ? `, and ${skipped.length - shown} more` : "");
  return `${skipped.length} ${skipped.length === 1 ? "file" : "files"} skipped (not FASTA genomes): ${names}`;
}
