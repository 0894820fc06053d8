// The figures' columns in SQL: a metric key's column name (labourForce → labour_force) and a list of
// a report's (or a summary's) figure columns named by their metric keys, for raw statements.
import { METRIC_KEYS } from "../domain/metrics";

/** The column of a metric key: labourForce → labour_force. */
export const metricColumn = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** `r.labour_force::float8 AS "labourForce", …` (with a prefix: AS "r_labourForce"). */
export const figureColumns = (alias: string, prefix = "") => METRIC_KEYS.map((k) => `${alias}.${metricColumn(k)}::float8 AS "${prefix}${k}"`).join(", ");
