// What a refused request must leave as it was: a digest of everything a user's request can change.
import type { TestDatabase } from "./db";

export async function storedFingerprint(db: TestDatabase): Promise<string> {
  return JSON.stringify(
    await db.sql.query(
      `SELECT (SELECT coalesce(sum(version), 0) FROM quarter_reports)::text AS reports, (SELECT count(*) FROM quarter_reports)::text AS nreports,
              (SELECT coalesce(sum(version), 0) FROM targets)::text AS targets, (SELECT count(*) FROM milestones)::text AS milestones,
              (SELECT count(*) FROM report_texts)::text AS texts, (SELECT coalesce(sum(version), 0) FROM report_settings)::text AS settings,
              (SELECT count(*) FROM units)::text AS units, (SELECT count(*) FROM users)::text AS users,
              (SELECT string_agg(value, ',' ORDER BY key) FROM tenant_settings)::text AS city_settings, (SELECT count(*) FROM explanations)::text AS explanations,
              (SELECT count(*) FROM audit_entries)::text AS audit,
              (SELECT count(*) FROM employers)::text AS employers, (SELECT coalesce(sum(version), 0) + count(*) FROM employer_arrears)::text AS arrears,
              (SELECT coalesce(sum(version), 0) + count(*) FROM late_payer_publications)::text AS publications,
              (SELECT coalesce(sum(version), 0) + count(*) FROM village_figures)::text AS village_figures`,
    ),
  );
}
