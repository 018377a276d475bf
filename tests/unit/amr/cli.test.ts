import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const root = path.join(__dirname, "../../..");
const run = (args: string[], env: Record<string, string> = {}) =>
  promisify(execFile)(path.join(root, "node_modules/.bin/tsx"), [path.join(root, "scripts/predict.ts"), ...args], { cwd: root, env: { ...process.env, ...env } }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (err: { code: number; stdout: string; stderr: string }) => ({ code: err.code, stdout: err.stdout, stderr: err.stderr }),
  );
const ISOLATE_02 = "/usr/share/doc/resfinder/examples/data/test_isolate_02.fa";

describe("predict CLI", () => {
  it("prints the result as JSON", async () => {
    const { code, stdout } = await run([ISOLATE_02]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.model).toBe("resfinder-genes");
    expect(result.input).toEqual({ contigs: 1, bases: 876, contigLengths: [{ id: "test_isolate_02", length: 876 }] });
    expect(result.genes).toEqual([
      expect.objectContaining({ refId: "blaCTX-M-33_1_AY238472", gene: "blaCTX-M-33", accession: "AY238472", class: "Beta-lactam", contig: "test_isolate_02", start: 1, end: 876, strand: "+", identity: 100, coverage: 100, alignmentLength: 876, referenceLength: 876 }),
    ]);
    expect(result.phenotypes.find((p: { antibiotic: string }) => p.antibiotic === "cefotaxime")).toEqual({ antibiotic: "cefotaxime", class: "beta-lactam", phenotype: "Resistant", genes: ["blaCTX-M-33_1_AY238472"] });
  });

  it("prints the genes table as TSV with the sample name on every row, honouring thresholds", async () => {
    const { code, stdout } = await run([ISOLATE_02, "--format", "tsv", "--min-identity", "99", "--segment-length=2000"]);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split("\n");
    expect(lines[0].split("\t").slice(0, 3)).toEqual(["sample", "refId", "gene"]);
    expect(lines.slice(1).map((l) => l.split("\t").slice(0, 2))).toEqual([["test_isolate_02", "blaCTX-M-33_1_AY238472"]]);
  });

  it("exits 2 with one line on stderr for bad input", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "amr-cli-"));
    const bad = path.join(dir, "bad.fa");
    writeFileSync(bad, "ACGT\n");
    const r = await run([bad]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe("predict: Line 1: sequence data before the first '>' header\n");
  });

  it("reports a bad genome before a missing database (both are read at once), and a missing database alone with exit 1", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "amr-cli-"));
    const bad = path.join(dir, "bad.fa");
    writeFileSync(bad, ">a\nACGT\n>a\nACGT\n");
    const noDb = { AMR_DB_DIR: path.join(dir, "no-db") };
    const both = await run([bad], noDb);
    expect([both.code, both.stderr]).toEqual([2, "predict: Line 3: duplicate contig id \"a\" (first used on line 1)\n"]);
    const dbOnly = await run([ISOLATE_02], noDb);
    expect(dbOnly.code).toBe(1);
    expect(dbOnly.stderr).toMatch(/^predict: error: ResFinder database not found at .*no-db: install the Debian package resfinder-db or set AMR_DB_DIR\.\n$/);
  });

  it("exits 2 for bad options and missing files", async () => {
    for (const args of [[ISOLATE_02, "--batch-size", "0"], [ISOLATE_02, "--format", "xml"], [ISOLATE_02, "--model", "kma"], ["/nonexistent.fa"], []]) {
      const r = await run(args);
      expect(r.code).toBe(2);
      expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    }
  });

  it("runs the model named by --model and says which in the result", async () => {
    const { code, stdout } = await run([ISOLATE_02, "--model", "resfinder-sensitive"]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.model).toBe("resfinder-sensitive");
    // Nothing for the sensitive model to add here: the default call, unmarked.
    expect(result.genes.map((g: { refId: string; sensitiveOnly?: boolean }) => [g.refId, g.sensitiveOnly])).toEqual([["blaCTX-M-33_1_AY238472", undefined]]);
  });
});

describe("npm run predict (scripts/predict.cjs, the prebuilt bundle)", () => {
  const bundled = (args: string[]) => promisify(execFile)(process.execPath, [path.join(root, "scripts/predict.cjs"), ...args], { cwd: root });

  it("gives the TypeScript CLI's output, building the bundle first when it is missing", async () => {
    const bundle = path.join(root, "build", "amr-predict.cjs");
    rmSync(bundle, { force: true });
    const first = await bundled([ISOLATE_02, "--format", "tsv"]);
    expect(existsSync(bundle)).toBe(true);
    const expected = (await run([ISOLATE_02, "--format", "tsv"])).stdout;
    expect(first.stdout).toBe(expected);
    expect((await bundled([ISOLATE_02, "--format", "tsv"])).stdout).toBe(expected);
  });

  it("keeps the CLI's exit codes", async () => {
    const err = await bundled(["/nonexistent.fa"]).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect([err?.code, err?.stderr]).toEqual([2, "predict: /nonexistent.fa: no such file\n"]);
  });
});
