"use client";
import { useState } from "react";
import { postJson, toFormFailure } from "@/components/api/client";
import { FormAlert } from "./FormAlert";

/** Ends every session of the account, this one included, then goes to the sign-in page. */
export function SignOutEverywhere() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run() {
    setPending(true);
    setError(null);
    const failed = await postJson("/api/auth/sign-out-everywhere", {}).then(() => null, toFormFailure);
    if (failed) {
      setError(failed.message);
      setPending(false);
      return;
    }
    // A full page load, not a client transition: nothing of the old session may stay in memory.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- deliberate hard navigation
    window.location.assign("/login?signedOut=everywhere");
  }

  return (
    <div className="space-y-3">
      {error && <FormAlert>{error}</FormAlert>}
      <button
        type="button"
        onClick={run}
        disabled={pending}
        aria-busy={pending}
        className="rounded-lg border border-rose-300 bg-white px-4 py-2 text-sm font-medium text-rose-700 shadow-sm transition hover:bg-rose-50 disabled:cursor-wait disabled:opacity-70"
      >
        {pending ? "Signing out everywhere…" : "Sign out everywhere"}
      </button>
    </div>
  );
}
