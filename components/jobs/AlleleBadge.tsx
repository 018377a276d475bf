"use client";
import { useEffect, useId, useRef, useState, type CSSProperties } from "react";
import type { AlleleStatus } from "@/lib/amr/types";
import { STATUS_LABELS } from "./allele-text";

const STYLES: Record<AlleleStatus, string> = {
  exact: "bg-emerald-50 text-emerald-800 ring-emerald-300",
  variant: "bg-sky-50 text-sky-800 ring-sky-300",
  partial: "bg-amber-50 text-amber-800 ring-amber-300",
  truncated: "bg-rose-50 text-rose-800 ring-rose-300",
};

const TIP_WIDTH = 320;
const ROOM_BELOW = 180;

/** Fixed to the viewport, so the genes table's scrolling container cannot clip it; above the badge near the bottom. */
function placeNear(badge: HTMLElement): CSSProperties {
  const r = badge.getBoundingClientRect();
  const left = Math.max(8, Math.min(r.left, window.innerWidth - TIP_WIDTH - 8));
  // No gap: the pointer can move from the badge onto the tooltip without leaving either.
  return window.innerHeight - r.bottom < ROOM_BELOW ? { left, bottom: window.innerHeight - r.top, paddingBottom: 4 } : { left, top: r.bottom, paddingTop: 4 };
}

/**
 * A status badge whose details show on hover and on keyboard focus (the badge is focusable), stay
 * while the pointer is over them, and close with Escape (WCAG 1.4.13). Screen readers get the
 * details as the badge's description.
 */
export function AlleleBadge({ status, details }: { status: AlleleStatus; details: string[] }) {
  const [place, setPlace] = useState<CSSProperties | null>(null);
  const badge = useRef<HTMLSpanElement>(null);
  const id = useId();
  const open = () => badge.current && setPlace(placeNear(badge.current));
  const close = () => setPlace(null);
  useEffect(() => {
    if (!place) return;
    // A fixed tooltip would drift from its badge when the page scrolls.
    window.addEventListener("scroll", close, { capture: true, passive: true });
    return () => window.removeEventListener("scroll", close, { capture: true });
  }, [place]);
  return (
    <span className="inline-block" onMouseEnter={open} onMouseLeave={close}>
      <span
        ref={badge}
        tabIndex={0}
        data-testid="allele-badge"
        aria-describedby={id}
        onFocus={open}
        onBlur={close}
        onKeyDown={(e) => e.key === "Escape" && close()}
        className={`inline-flex cursor-help items-center rounded-full px-2 py-0.5 text-[11px] font-medium whitespace-nowrap ring-1 ring-inset focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600 ${STYLES[status]}`}
      >
        {STATUS_LABELS[status]}
      </span>
      <span id={id} role="tooltip" hidden={!place} style={{ ...place, width: TIP_WIDTH }} className="fixed z-30 max-w-[90vw]">
        <span className="block rounded-md bg-slate-900 px-3 py-2 text-xs leading-relaxed font-normal normal-case text-white shadow-lg">
          {details.map((line, i) => (
            <span key={i} className="block break-words">{line}</span>
          ))}
        </span>
      </span>
    </span>
  );
}
