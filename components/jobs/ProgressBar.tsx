export function ProgressBar({ value, label, tone = "teal" }: { value: number; label: string; tone?: "teal" | "slate" }) {
  const pct = Math.max(0, Math.min(100, value));
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(pct)}
      className="h-2 w-full overflow-hidden rounded-full bg-slate-200"
    >
      <div
        className={`h-full rounded-full transition-[width] duration-700 ease-out ${tone === "teal" ? "bg-teal-600" : "bg-slate-400"}`}
        style={{ width: `${pct}%` }}
      />
    </div>
  );
}
