// npm run bench:engine — `npm run predict` with both models against ResFinder 4.3 (BLAST mode), run
// alternately, on the E. coli genome in scripts/bench/genomes, a generated gene-rich genome (allele
// families, plasmid-like contigs) and a generated 5 Mbp genome; then a one-run agreement check of the
// default model on every other genome we have ResFinder for; then the sensitive model's found / missed /
// false calls on generated genomes. BENCH_RUNS sets the repeats (3).
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { loadCatalog } from "../lib/amr/catalog";
import { DEFAULT_MODEL, SENSITIVE_MODEL } from "../lib/amr/models";
import type { AmrResult } from "../lib/amr/types";
import { generateGeneRichGenome } from "../tests/helpers/gene-rich-genome";
import { generateGenome } from "../tests/helpers/genome-generator";
import { sensitiveScorecard } from "./bench/sensitive-scorecard";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const GENOMES = path.resolve(root, "scripts/bench/genomes");
const EXAMPLES = "/usr/share/doc/resfinder/examples/data";
const DB = process.env.AMR_DB_DIR ?? "/usr/share/resfinder/db";
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const work = mkdtempSync(path.join(tmpdir(), "amr-bench-"));

interface Measure {
  wall: number;
  /** User + system CPU seconds: steadier than wall time when other work shares the machine. */
  cpu: number;
  rssMiB: number;
}

/** Wall time and peak RSS of a command, from GNU time. */
function timed(cmd: string, args: string[], stdoutFile?: string): Measure {
  const timeFile = path.join(work, "time.txt");
  const r = spawnSync("/usr/bin/time", ["-f", "%e %U %S %M", "-o", timeFile, cmd, ...args], { maxBuffer: 1 << 30, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (${r.status}): ${r.stderr.slice(-2000)}`);
  if (stdoutFile) writeFileSync(stdoutFile, r.stdout);
  const [wall, user, sys, kib] = readFileSync(timeFile, "utf8").trim().split("\n").at(-1)!.split(" ").map(Number);
  return { wall, cpu: user + sys, rssMiB: kib / 1024 };
}

function ensureResfinder(): void {
  if (existsSync("/usr/bin/run_resfinder.py")) return;
  console.log("installing the Debian package resfinder ...");
  execFileSync("apt-get", ["install", "-y", "resfinder", "resfinder-db", "ncbi-blast+"], { stdio: "inherit" });
}

const plain = (file: string): string => {
  if (!file.endsWith(".gz")) return file;
  const out = path.join(work, path.basename(file).replace(/\.gz$/, "").replace(/\.fna$/, ".fa"));
  if (!existsSync(out)) writeFileSync(out, gunzipSync(readFileSync(file)));
  return out;
};

/** The documented command, whole process: `npm run --silent predict -- genome --model NAME`. */
function runEngine(fasta: string, model = DEFAULT_MODEL): { m: Measure; result: AmrResult } {
  const out = path.join(work, "engine.json");
  const m = timed("npm", ["run", "--silent", "--prefix", root, "predict", "--", fasta, "--model", model], out);
  return { m, result: JSON.parse(readFileSync(out, "utf8")) as AmrResult };
}

function runResfinder(fasta: string): { m: Measure; genes: string[]; resistant: string[] } {
  const out = path.join(work, `rf-${path.basename(fasta)}-${Date.now()}`);
  const m = timed("/usr/bin/python3", ["/usr/bin/run_resfinder.py", "-ifa", fasta, "-o", out, "-acq", "-db_res", DB, "-b", "/usr/bin/blastn"]);
  const jsonFile = readdirSync(out).find((f) => f.endsWith(".json"))!;
  const json = JSON.parse(readFileSync(path.join(out, jsonFile), "utf8"));
  const genes = Object.values(json.seq_regions as Record<string, Record<string, unknown>>).map((r) =>
    callKey(String(r.ref_id), String(r.query_id).split(/\s/)[0], Number(r.query_start_pos), Number(r.query_end_pos), Number(r.identity), Number(r.coverage)),
  );
  const resistant = Object.entries(json.phenotypes as Record<string, { amr_resistant: boolean }>).filter(([, p]) => p.amr_resistant).map(([k]) => k);
  return { m, genes: genes.sort(), resistant: resistant.sort() };
}

function callKey(refId: string, contig: string, start: number, end: number, identity: number, coverage: number): string {
  return `${refId} ${contig}:${start}-${end} ${identity.toFixed(2)}% ${coverage.toFixed(2)}%`;
}

function engineCalls(result: AmrResult): { genes: string[]; resistant: string[] } {
  return {
    genes: result.genes.map((g) => callKey(g.refId, g.contig, g.start, g.end, g.identity, g.coverage)).sort(),
    resistant: result.phenotypes.filter((p) => p.phenotype === "Resistant").map((p) => p.antibiotic).sort(),
  };
}

function compare(engine: { genes: string[]; resistant: string[] }, rf: { genes: string[]; resistant: string[] }): string {
  const missing = rf.genes.filter((g) => !engine.genes.includes(g));
  const extra = engine.genes.filter((g) => !rf.genes.includes(g));
  const phen = JSON.stringify(engine.resistant) === JSON.stringify(rf.resistant);
  const genesOk = missing.length === 0 && extra.length === 0;
  let s = `genes ${genesOk ? "identical" : "DIFFER"} (${rf.genes.length} ResFinder, ${engine.genes.length} engine), resistant antibiotics ${phen ? "identical" : "DIFFER"} (${rf.resistant.length})`;
  for (const g of missing) s += `\n      only ResFinder: ${g}`;
  for (const g of extra) s += `\n      only engine:    ${g}`;
  return s;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function blastOnce(fasta: string, allFsa: string): Measure {
  return timed("/usr/bin/blastn", ["-subject", allFsa, "-query", fasta, "-outfmt", "5", "-perc_identity", "80", "-max_target_seqs", "50000", "-dust", "no", "-out", path.join(work, "blast.xml")]);
}

async function main(): Promise<void> {
  ensureResfinder();
  execFileSync(process.execPath, [path.join(root, "scripts", "build-engine.mjs")], { stdio: "inherit" });
  const catalog = await loadCatalog(DB);
  const allFsa = path.join(work, "all.fsa");
  writeFileSync(allFsa, catalog.classes.map((c) => readFileSync(path.join(DB, `${c.prefix}.fsa`), "utf8")).join("\n"));

  mkdirSync(work, { recursive: true });
  const generated = path.join(work, "generated_5Mbp.fa");
  const g = generateGenome(catalog, { seed: 2024, contigs: 5, contigLength: 1_000_000, genesPerContig: 12 });
  writeFileSync(generated, g.fasta);
  const geneRich = path.join(work, "gene_rich.fa");
  const rich = generateGeneRichGenome(catalog, { seed: 7 });
  writeFileSync(geneRich, rich.fasta);
  const timedInputs = [
    { name: "E. coli O157 Sakai (scripts/bench/genomes/ecoli_O157_Sakai.fna.gz)", file: plain(path.join(GENOMES, "ecoli_O157_Sakai.fna.gz")) },
    { name: `gene-rich, generated ${(rich.bases / 1e6).toFixed(2)} Mbp, 3 contigs, ${rich.insertions.length} genes of the big allele families`, file: geneRich },
    { name: `generated ${(g.bases / 1e6).toFixed(2)} Mbp, ${g.insertions.length} inserted genes`, file: generated },
  ];
  // Warm the bundle (rebuilt if stale) and the on-disk caches once, outside the timings.
  runEngine(timedInputs[0].file, SENSITIVE_MODEL);

  console.log(`\nwork dir ${work}; ${RUNS} alternating runs each; medians of wall time, CPU time and peak RSS; load average ${loadavg()[0].toFixed(2)}\n`);
  for (const input of timedInputs) {
    const eng: Measure[] = [];
    const sens: Measure[] = [];
    const rf: Measure[] = [];
    const blast: Measure[] = [];
    let engineResult: AmrResult | null = null;
    let sensitiveResult: AmrResult | null = null;
    let rfResult: ReturnType<typeof runResfinder> | null = null;
    for (let i = 0; i < RUNS; i++) {
      const e = runEngine(input.file);
      eng.push(e.m);
      engineResult = e.result;
      const se = runEngine(input.file, SENSITIVE_MODEL);
      sens.push(se.m);
      sensitiveResult = se.result;
      rfResult = runResfinder(input.file);
      rf.push(rfResult.m);
      blast.push(blastOnce(input.file, allFsa));
    }
    const rw = median(rf.map((m) => m.wall));
    const rc = median(rf.map((m) => m.cpu));
    const line = (tool: string, ms: Measure[]) => {
      const w = median(ms.map((m) => m.wall));
      const c = median(ms.map((m) => m.cpu));
      const vs = ms === rf ? "" : `  ${(rw / w).toFixed(1)}x wall, ${(rc / c).toFixed(1)}x CPU vs ResFinder`;
      return `  ${tool.padEnd(40)}${w.toFixed(2)} s wall  ${c.toFixed(2)} s CPU  ${median(ms.map((m) => m.rssMiB)).toFixed(0)} MiB${vs}`;
    };
    console.log(`${input.name}`);
    console.log(line(`npm run predict (${DEFAULT_MODEL})`, eng));
    console.log(line(`npm run predict (${SENSITIVE_MODEL})`, sens));
    console.log(line("ResFinder 4.3", rf));
    console.log(line("one blastn (all)", blast));
    console.log(`  agreement (${DEFAULT_MODEL}): ${compare(engineCalls(engineResult!), rfResult!)}`);
    const extra = sensitiveResult!.genes.filter((x) => x.sensitiveOnly);
    console.log(`  ${SENSITIVE_MODEL}: ${sensitiveResult!.genes.length} calls, ${extra.length} only its own${extra.map((x) => `\n      + ${x.refId} ${x.contig}:${x.start}-${x.end} ${x.identity}% ${x.coverage}%${x.split ? " (split)" : ""}`).join("")}\n`);
  }

  console.log("agreement, one run each:");
  const others = [
    path.join(GENOMES, "sepidermidis_ST14_draft.fa.gz"),
    ...readdirSync(EXAMPLES).filter((f) => /^test_isolate_\w+\.fa(\.gz)?$/.test(f)).sort().map((f) => path.join(EXAMPLES, f)),
  ].filter(existsSync);
  for (const file of others) {
    const fa = plain(file);
    console.log(`  ${path.basename(file)}: ${compare(engineCalls(runEngine(fa).result), runResfinder(fa))}`);
  }

  console.log(`\n${SENSITIVE_MODEL} on generated genomes (inserted genes and the calls they must or must not give):`);
  console.log(await sensitiveScorecard(catalog, [1, 2, 3, 4, 5, 6, 7, 8]));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
