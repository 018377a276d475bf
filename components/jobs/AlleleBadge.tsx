"use client";
import { useId, useState } from "react";
import type { AlleleStatus } from "@/lib/amr/types";
import { STATUS_LABELS } from "./gene-loci";

const STYLES: Record<AlleleStatus, string> = {
  exact: "bg-emerald-50 text-emerald-800 ring-emerald-300",
  variant: "bg-sky-50 text-sky-800 ring-sky-300",
  partial: "bg-amber-50 text-amber-800 ring-amber-300",
  truncated: "bg-rose-50 text-rose-800 ring-rose-300",
};

/**
 * A status badge whose details show on hover and on keyboard focus (the badge is focusable), stay
 * while the pointer is over them, and close with Escape (WCAG 1.4.13). Screen readers get the
 * details as the badge's description.
 */
export function AlleleBadge({ status, details }: { status: AlleleStatus; details: string[] }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <span className="relative inline-block" onMouseEnter={() => setOpen(true)} onMouseLeave={() => setOpen(false)}>
      <span
        tabIndex={0}
        data-testid="allele-badge"
        aria-describedby={id}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => e.key === "Escape" && setOpen(false)}
        className={`inline-flex cursor-help items-center rounded-full px-2 py-0.5 text-[11px] font-medium whitespace-nowrap ring-1 ring-inset focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600 ${STYLES[status]}`}
      >
        {STATUS_LABELS[status]}
      </span>
      <span
        id={id}
        role="tooltip"
        hidden={!open}
        className="absolute left-0 top-full z-20 mt-1 w-80 max-w-[80vw] rounded-md bg-slate-900 px-3 py-2 text-xs leading-relaxed font-normal normal-case text-white shadow-lg"
      >
        {details.map((line, i) => (
          <span key={i} className="block break-words">{line}</span>
        ))}
      </span>
    </span>
  );
}
