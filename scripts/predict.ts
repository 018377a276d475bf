// CLI: npm run --silent predict -- <genome.fa[.gz]> [--model resfinder-genes|resfinder-sensitive] [--format json|tsv]
//      [--min-identity 80] [--min-coverage 60] [--segment-length N] [--segment-overlap N] [--batch-size N]
// Exit code 2 and one line on stderr for bad input or bad options.
import { statSync } from "node:fs";
import path from "node:path";
import { loadCatalog } from "../lib/amr/catalog";
import { FastaError, readFastaFile } from "../lib/amr/fasta-reader";
import { resolveParams } from "../lib/amr/models";
import { predictAmr } from "../lib/amr/predict";
import { toGenesTsv } from "../lib/amr/format";
import type { AmrParams } from "../lib/amr/types";

class UsageError extends Error {}

const NUMERIC_OPTIONS: Record<string, keyof AmrParams> = {
  "--min-identity": "minIdentity",
  "--min-coverage": "minCoverage",
  "--segment-length": "segmentLength",
  "--segment-overlap": "segmentOverlap",
  "--batch-size": "batchSize",
};

function parseArgs(argv: string[]): { input: string; format: "json" | "tsv"; params: Partial<AmrParams> } {
  let input: string | undefined;
  let format: "json" | "tsv" = "json";
  const params: Partial<AmrParams> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === "--model") {
      params.modelName = value();
    } else if (flag === "--format") {
      const v = value();
      if (v !== "json" && v !== "tsv") throw new UsageError(`--format must be json or tsv, got "${v}"`);
      format = v;
    } else if (flag in NUMERIC_OPTIONS) {
      const v = value();
      const n = Number(v);
      if (v.trim() === "" || !Number.isFinite(n)) throw new UsageError(`${flag} must be a number, got "${v}"`);
      (params as Record<string, number>)[NUMERIC_OPTIONS[flag]] = n;
    } else if (flag.startsWith("-") && flag !== "-") {
      throw new UsageError(`unknown option ${flag}`);
    } else if (input === undefined) {
      input = arg;
    } else {
      throw new UsageError(`unexpected argument "${arg}"`);
    }
  }
  if (input === undefined) throw new UsageError("usage: predict <genome.fa[.gz]> [--model NAME] [--format json|tsv] [--min-identity N] [--min-coverage N] [--segment-length N] [--segment-overlap N] [--batch-size N]");
  return { input, format, params };
}

async function main(): Promise<number> {
  const { input, format, params } = parseArgs(process.argv.slice(2));
  const resolved = resolveParams(params);
  if (!resolved.ok) throw new UsageError(Object.values(resolved.errors).join(" "));
  if (!statSync(input, { throwIfNoEntry: false })?.isFile()) throw new UsageError(`${input}: no such file`);
  // The database loads (its files read off the main thread) while the genome is parsed; a bad genome is
  // still the error reported when both fail.
  const catalogLoad = loadCatalog();
  const genome = await readFastaFile(input);
  const catalog = await catalogLoad;
  const result = await predictAmr(genome, catalog, resolved.params);
  const out = format === "json" ? JSON.stringify(result, null, 2) + "\n" : toGenesTsv(result, sampleName(input));
  await new Promise<void>((resolve, reject) => process.stdout.write(out, (err) => (err ? reject(err) : resolve())));
  return 0;
}

/** ResFinder's sample name: the file name up to its first dot. */
function sampleName(file: string): string {
  return path.basename(file).split(".")[0];
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    const bad = err instanceof UsageError || err instanceof FastaError;
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`predict: ${bad ? "" : "error: "}${message.replace(/\s*\n\s*/g, " ")}\n`);
    process.exit(bad ? 2 : 1);
  },
);
