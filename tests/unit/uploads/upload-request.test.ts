import { afterEach, describe, expect, it, vi } from "vitest";
import { uploadGenome, paramsOf } from "@/components/uploads/upload-request";
import { formFor } from "@/components/uploads/use-upload-queue";

afterEach(() => vi.unstubAllGlobals());

describe("the batch's form and the direct-upload JSON", () => {
  const fields: [string, string][] = [
    ["modelName", "resfinder-genes"],
    ["segment_length", "20000"],
    ["useCpu", "true"],
    ["collection_id", "c-123"],
  ];

  it("builds one multipart form per file, fields first and the file last", () => {
    const form = formFor({ file: new File(["ACGT"], "a.fa"), fields, openWhenDone: false });
    expect([...form.keys()]).toEqual(["modelName", "segment_length", "useCpu", "collection_id", "file"]);
  });

  it("turns the form into the confirm's JSON: numbers, booleans, and collectionId kept as a string", () => {
    const form = formFor({ file: new File(["ACGT"], "a.fa"), fields, openWhenDone: false });
    expect(paramsOf(form)).toEqual({ modelName: "resfinder-genes", segmentLength: 20000, useCpu: true, collectionId: "c-123" });
  });

  it("asks for a direct upload with the collection, and goes to the job it is confirmed as", async () => {
    const bodies: Record<string, unknown>[] = [];
    vi.stubGlobal("fetch", async (url: string, init: RequestInit) => {
      bodies.push(JSON.parse(String(init.body)));
      if (url === "/api/uploads") return Response.json({ uploadId: "u1", url: "http://bucket/", fields: { key: "k" } }, { status: 201 });
      return Response.json({ id: "job-1" }, { status: 201 });
    });
    // The bucket POST goes through XMLHttpRequest (for its progress events): a minimal stand-in.
    class FakeXhr {
      status = 204;
      responseText = "";
      upload: { onprogress?: (e: { lengthComputable: boolean; loaded: number; total: number }) => void } = {};
      onload?: () => void;
      open() {}
      setRequestHeader() {}
      getResponseHeader() {
        return null;
      }
      send() {
        this.upload.onprogress?.({ lengthComputable: true, loaded: 2, total: 4 });
        setTimeout(() => this.onload?.(), 0);
      }
    }
    vi.stubGlobal("XMLHttpRequest", FakeXhr);
    const progress: number[] = [];
    const job = await uploadGenome(formFor({ file: new File(["ACGT"], "a.fa"), fields, openWhenDone: false }), (f) => progress.push(f));
    expect(job).toEqual({ id: "job-1" });
    expect(bodies[0]).toEqual({ fileName: "a.fa", size: 4, collectionId: "c-123" });
    expect(bodies[1]).toMatchObject({ uploadId: "u1", fileName: "a.fa", collectionId: "c-123", segmentLength: 20000 });
    expect(progress).toEqual([0.5, 1]);
  });

  it("a server without an object store gets the file as multipart, and that answer reaches the caller", async () => {
    const calls: string[] = [];
    vi.stubGlobal("fetch", async (url: string) => {
      calls.push(url);
      return Response.json({ error: { code: "direct_upload_unavailable", message: "Uploads go through POST /api/jobs." } }, { status: 404 });
    });
    const sent: string[] = [];
    class FakeXhr {
      status = 422;
      responseText = JSON.stringify({ error: { code: "invalid_genome", message: "Line 1: not a FASTA header." } });
      upload = {};
      onload?: () => void;
      open(_method: string, url: string) {
        sent.push(url);
      }
      setRequestHeader() {}
      getResponseHeader() {
        return null;
      }
      send() {
        setTimeout(() => this.onload?.(), 0);
      }
    }
    vi.stubGlobal("XMLHttpRequest", FakeXhr);
    await expect(uploadGenome(formFor({ file: new File(["ACGT"], "a.fa"), fields, openWhenDone: false }), () => {})).rejects.toMatchObject({
      status: 422,
      message: "Line 1: not a FASTA header.",
    });
    expect(calls).toEqual(["/api/uploads"]);
    expect(sent).toEqual(["/api/jobs"]);
  });

  it("any other refusal of the start (a collection that is not yours) is the answer: the file is not sent", async () => {
    vi.stubGlobal("fetch", async () => Response.json({ error: { code: "not_found", message: "Collection not found." } }, { status: 404 }));
    const sent: string[] = [];
    class FakeXhr {
      open(_method: string, url: string) {
        sent.push(url);
      }
    }
    vi.stubGlobal("XMLHttpRequest", FakeXhr);
    await expect(uploadGenome(formFor({ file: new File(["ACGT"], "a.fa"), fields, openWhenDone: false }), () => {})).rejects.toMatchObject({
      status: 404,
      message: "Collection not found.",
    });
    expect(sent).toEqual([]);
  });
});
