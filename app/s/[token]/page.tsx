import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SharedCollection, SharedJob } from "@/components/shares/SharedViews";
import { appDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { openShare } from "@/lib/shares/access";
import { sharedView } from "@/lib/shares/resolve";

// A share link's page: public (the token is the credential), read-only, never indexed
// (this metadata, and X-Robots-Tag from proxy.ts), and never the owner's name unless chosen.
export const metadata: Metadata = { title: "Shared results", robots: { index: false, follow: false }, referrer: "no-referrer" };
export const dynamic = "force-dynamic";

export default async function SharedPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  let view;
  try {
    view = await sharedView(appDb(), await openShare(appDb(), await headers(), token));
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") notFound();
    if (err instanceof AppError && err.code === "rate_limited") {
      return <Shell><p role="alert" className="rounded-xl bg-amber-50 p-6 text-amber-900">{err.message}</p></Shell>;
    }
    throw err;
  }
  return (
    <Shell>
      {view.kind === "job" ? <SharedJob token={token} initial={view} /> : <SharedCollection token={token} initial={view} />}
    </Shell>
  );
}

function Shell({ children }: { children: React.ReactNode }) {
  return (
    <>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl items-center justify-between px-4 py-3 sm:px-6">
          <span className="text-base font-semibold tracking-tight text-teal-800">AMR Predictor</span>
          <Link href="/login" className="text-sm text-slate-600 hover:underline">Sign in</Link>
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-8 sm:px-6">{children}</main>
    </>
  );
}
