import type { Metadata } from "next";
import { openApiDocument } from "@/lib/openapi/document";
import { ApiReference } from "./ApiReference";

export const metadata: Metadata = { title: "API reference" };

/** Public, like the document it renders: a script author may read it before having an account. */
export default function ApiDocsPage() {
  return (
    <main data-testid="api-reference">
      <ApiReference document={openApiDocument()} />
    </main>
  );
}
