import Link from "next/link";

// Placeholder until the accounts work lands.
export default function RegisterPage() {
  return (
    <main className="mx-auto max-w-md px-6 py-16">
      <h1 className="text-2xl font-semibold">Create an account</h1>
      <p className="mt-4 text-slate-600">Accounts are coming soon.</p>
      <Link href="/" className="mt-6 inline-block text-teal-700 underline">Back to the start page</Link>
    </main>
  );
}
