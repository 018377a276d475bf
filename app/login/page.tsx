import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/AuthCard";
import { safeCallbackUrl } from "@/components/auth/sign-in";
import { LoginForm } from "@/components/auth/LoginForm";
import { getCurrentUser } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

const NOTICES: Record<string, string> = {
  registered: "Your account is ready. Sign in to continue.",
  reset: "Your password has been changed. Sign in with the new one.",
  signedOut: "You have been signed out.",
  everywhere: "You have been signed out on every device.",
};

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function LoginPage({ searchParams }: { searchParams: Search }) {
  const params = await searchParams;
  const one = (k: string) => (typeof params[k] === "string" ? (params[k] as string) : undefined);
  const callbackUrl = safeCallbackUrl(one("callbackUrl"));
  if (await getCurrentUser()) redirect(callbackUrl);
  const notice =
    (one("registered") && NOTICES.registered) ||
    (one("reset") && NOTICES.reset) ||
    (one("signedOut") === "everywhere" ? NOTICES.everywhere : one("signedOut") ? NOTICES.signedOut : undefined);
  return (
    <AuthCard
      title="Sign in"
      subtitle="Welcome back. Sign in to upload genomes and see your results."
      footer={
        <>
          New here?{" "}
          <Link href="/register" className="font-medium text-teal-700 hover:text-teal-900 hover:underline">
            Create an account
          </Link>
        </>
      }
    >
      <LoginForm callbackUrl={callbackUrl} notice={notice} />
    </AuthCard>
  );
}
