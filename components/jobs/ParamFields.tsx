import type { ModelParameter } from "@/lib/amr/models";
import { LABEL } from "./param-fields";

/** The model's numeric parameters as inputs, each with its range (or its error) underneath. */
export function ParamFields({
  params,
  values,
  errors,
  onChange,
  placeholder = (p) => String(p.default),
  idPrefix,
}: {
  params: ModelParameter[];
  values: Record<string, string>;
  errors: Record<string, string>;
  onChange: (name: string, value: string) => void;
  placeholder?: (p: ModelParameter) => string;
  /** Keeps hint ids unique when two forms are on one page. */
  idPrefix: string;
}) {
  return (
    <div className="mt-3 grid grid-cols-1 gap-3 sm:grid-cols-2">
      {params.map((p) => {
        const error = errors[p.name];
        const hintId = `${idPrefix}-${p.name}-hint`;
        return (
          <label key={p.name} className="block text-sm text-slate-700">
            {LABEL[p.name] ?? p.name}
            <input
              inputMode="decimal"
              name={p.name}
              value={values[p.name] ?? ""}
              placeholder={placeholder(p)}
              onChange={(e) => onChange(p.name, e.target.value)}
              aria-invalid={Boolean(error)}
              aria-describedby={hintId}
              className={`mt-1 block w-full rounded-md border px-3 py-1.5 text-sm focus:outline-none focus:ring-1 ${
                error ? "border-rose-400 focus:ring-rose-500" : "border-slate-300 focus:ring-teal-600"
              }`}
            />
            <span id={hintId} className={`mt-0.5 block text-xs ${error ? "text-rose-700" : "text-slate-500"}`}>
              {error ?? `${p.min}–${p.max}, default ${p.default}`}
            </span>
          </label>
        );
      })}
    </div>
  );
}
