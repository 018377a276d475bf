import Link from "next/link";

const steps = [
  { title: "Upload an assembly", text: "FASTA or gzipped FASTA, up to 100 MB — one file per isolate." },
  {
    title: "Find acquired genes",
    text: "Both strands are searched against the ResFinder database with ResFinder 4.3's thresholds.",
  },
  { title: "Read the phenotype", text: "Per antibiotic: resistant or not, with the genes behind each call." },
];

export default function LandingPage() {
  return (
    <main className="mx-auto flex max-w-5xl flex-col gap-16 px-6 py-16">
      <header className="flex items-center justify-between">
        <span className="text-lg font-semibold tracking-tight text-teal-800">AMR Predictor</span>
        <nav className="flex gap-3 text-sm">
          <Link href="/login" className="rounded-md px-3 py-2 font-medium text-slate-700 hover:bg-slate-100">
            Sign in
          </Link>
          <Link href="/register" className="rounded-md bg-teal-700 px-3 py-2 font-medium text-white hover:bg-teal-800">
            Create account
          </Link>
        </nav>
      </header>

      <section className="flex flex-col gap-6">
        <h1 className="max-w-3xl text-4xl font-bold tracking-tight text-slate-900 sm:text-5xl">
          Antimicrobial resistance predicted from a genome assembly, in seconds.
        </h1>
        <p className="max-w-2xl text-lg text-slate-600">
          AMR Predictor finds acquired resistance genes from the ResFinder database in your bacterial
          genome and turns them into a per-antibiotic resistance profile you can sort, filter and download.
        </p>
        <div className="flex gap-3">
          <Link href="/register" className="rounded-md bg-teal-700 px-5 py-3 font-medium text-white hover:bg-teal-800">
            Get started
          </Link>
          <Link href="/login" className="rounded-md border border-slate-300 px-5 py-3 font-medium hover:bg-white">
            I have an account
          </Link>
        </div>
      </section>

      <section aria-label="How it works" className="grid gap-6 sm:grid-cols-3">
        {steps.map((s, i) => (
          <div key={s.title} className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
            <div className="mb-3 flex h-8 w-8 items-center justify-center rounded-full bg-teal-50 font-semibold text-teal-800">
              {i + 1}
            </div>
            <h2 className="font-semibold">{s.title}</h2>
            <p className="mt-2 text-sm text-slate-600">{s.text}</p>
          </div>
        ))}
      </section>

      <footer className="border-t border-slate-200 pt-6 text-sm text-slate-500">
        Predictions cover acquired genes only; chromosomal point mutations are not detected.
      </footer>
    </main>
  );
}
