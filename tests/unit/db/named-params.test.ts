import { describe, expect, it } from "vitest";
import { parameterNames, positionalText, toNumbered } from "@/lib/db/named-params";

const SQL = "UPDATE t SET a = COALESCE(:now::timestamptz, now()), b = :owner WHERE c < :now AND d = 'x:y' AND e = :owner_2";

describe("named SQL parameters", () => {
  it("numbers each name once for PostgreSQL and leaves ::casts and quoted colons alone", () => {
    const { text, args } = toNumbered(SQL, { now: "T", owner: "w", owner_2: 7 });
    expect(text).toBe("UPDATE t SET a = COALESCE($1::timestamptz, now()), b = $2 WHERE c < $1 AND d = 'x:y' AND e = $3");
    expect(args).toEqual(["T", "w", 7]);
  });

  it("gives SQLite one ? per occurrence, with the names in binding order", () => {
    expect(positionalText("SELECT :a, :b, :a")).toBe("SELECT ?, ?, ?");
    expect(parameterNames("SELECT :a, :b, :a")).toEqual(["a", "b", "a"]);
  });

  it("refuses a statement whose parameter has no value", () => {
    expect(() => toNumbered("SELECT :missing", {})).toThrow(/:missing has no value/);
  });
});
