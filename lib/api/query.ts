import { z } from "zod";
import { ServiceError, MSG } from "../figures/errors";
import { periodSchema } from "../figures/service";
import { lastEndedPeriod, type Period } from "../domain/period";

/** ?year=&quarter= of a URL; the last ended quarter when both are absent. 422 when malformed. */
export function periodFromQuery(url: URL, now = new Date()): Period {
  const y = url.searchParams.get("year");
  const q = url.searchParams.get("quarter");
  if (y === null && q === null) return lastEndedPeriod(now);
  const fallback = lastEndedPeriod(now);
  return parseOrThrow(periodSchema, { year: y ?? fallback.year, quarter: q ?? (Number(y) === fallback.year ? fallback.quarter : 4) });
}

export function yearFromQuery(url: URL, now = new Date()): number {
  const y = url.searchParams.get("year");
  return parseOrThrow(periodSchema.shape.year, y ?? lastEndedPeriod(now).year);
}

export function kindFromQuery(url: URL): "actual" | "estimate" {
  return parseOrThrow(
    z.enum(["actual", "estimate"], { error: "kind phải là actual hoặc estimate." }).default("actual"),
    url.searchParams.get("kind") ?? undefined,
  );
}

function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown): T {
  const r = schema.safeParse(value);
  if (!r.success) {
    throw new ServiceError(
      422,
      MSG.invalid,
      r.error.issues.map((i) => ({ path: i.path.join(".") || "query", message: i.message })),
    );
  }
  return r.data;
}
