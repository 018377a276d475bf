import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/AuthCard";
import { FormAlert } from "@/components/auth/FormAlert";
import { ResetPasswordForm } from "@/components/auth/ResetPasswordForm";

// The token is in the URL: no Referer may carry it to another site (AS5).
export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };
export const dynamic = "force-dynamic";

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await searchParams;
  const valid = typeof token === "string" && /^[A-Za-z0-9_-]{22}$/.test(token);
  return (
    <AuthCard
      title="Choose a new password"
      subtitle="After this, every device signed in to your account is signed out."
      footer={
        <Link href="/login" className="font-medium text-teal-700 hover:text-teal-900 hover:underline">
          Back to sign in
        </Link>
      }
    >
      {valid ? (
        <ResetPasswordForm token={token} />
      ) : (
        <FormAlert>
          This reset link is incomplete or malformed. Open the link from the email again, or{" "}
          <Link href="/forgot-password" className="font-medium underline">
            request a new one
          </Link>
          .
        </FormAlert>
      )}
    </AuthCard>
  );
}
