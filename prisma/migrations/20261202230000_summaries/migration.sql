-- Summaries kept current by the database in the same transaction as every change of quarter_reports
-- (issue 16, "cheaper reads"): dashboards, rankings and exports read a few hundred summary rows instead
-- of the reports' history. Zero staleness: a statement-level trigger recomputes the touched periods
-- before the saving transaction commits, so a saved figure shows in the next read.
--
-- Which reports count is THE rule of lib/figures/counted.ts (an ACTUAL report, SUBMITTED or
-- APPROVED); tests/integration/summaries.test.ts checks that the summaries equal the direct
-- aggregates under that rule after saves, transitions and bulk writes.

-- The sums of a province's communes' counted reports of exactly one period (aggregateFigures).
CREATE TABLE "period_totals" (
    "tenant_id" INTEGER NOT NULL,
    "year" SMALLINT NOT NULL,
    "quarter" SMALLINT NOT NULL,
    "reported" INTEGER NOT NULL,
    "labour_force" DOUBLE PRECISION,
    "population" DOUBLE PRECISION,
    "retirement_age_population" DOUBLE PRECISION,
    "bhxh_compulsory" DOUBLE PRECISION,
    "bhxh_voluntary" DOUBLE PRECISION,
    "bhxh_voluntary_informal" DOUBLE PRECISION,
    "bhtn" DOUBLE PRECISION,
    "bhyt" DOUBLE PRECISION,
    "pension_recipients" DOUBLE PRECISION,
    "amount_due" DOUBLE PRECISION,
    "amount_collected" DOUBLE PRECISION,
    "late_payments" DOUBLE PRECISION,

    CONSTRAINT "period_totals_pkey" PRIMARY KEY ("tenant_id", "year", "quarter")
);

-- Per unit, year and quarter q: the participants (compulsory + voluntary) of the unit's latest
-- counted report of that year with quarter <= q (the path to 2030's yearly values).
CREATE TABLE "year_progress" (
    "unit_id" INTEGER NOT NULL,
    "tenant_id" INTEGER NOT NULL,
    "year" SMALLINT NOT NULL,
    "quarter" SMALLINT NOT NULL,
    "as_of_quarter" SMALLINT NOT NULL,
    "participants" DOUBLE PRECISION,

    CONSTRAINT "year_progress_pkey" PRIMARY KEY ("unit_id", "year", "quarter")
);
CREATE INDEX "year_progress_tenant_id_year_quarter_idx" ON "year_progress"("tenant_id", "year", "quarter");

-- The same summed per province.
CREATE TABLE "tenant_year_progress" (
    "tenant_id" INTEGER NOT NULL,
    "year" SMALLINT NOT NULL,
    "quarter" SMALLINT NOT NULL,
    "participants" DOUBLE PRECISION,
    "units" INTEGER NOT NULL,

    CONSTRAINT "tenant_year_progress_pkey" PRIMARY KEY ("tenant_id", "year", "quarter")
);

-- Recomputes the summaries of the touched (unit, year, quarter) triples. Provinces are locked in
-- order first, so two transactions saving in one province recompute its totals one after the other
-- (each statement then reads what the other committed).
CREATE FUNCTION "summaries_refresh"(units INTEGER[], years INTEGER[], quarters INTEGER[]) RETURNS void AS $$
DECLARE
    t INTEGER;
BEGIN
    IF units IS NULL OR cardinality(units) = 0 THEN
        RETURN;
    END IF;
    FOR t IN
        SELECT DISTINCT un.tenant_id FROM unnest(units) AS x(u) JOIN units un ON un.id = x.u WHERE un.tenant_id IS NOT NULL ORDER BY 1
    LOOP
        PERFORM pg_advisory_xact_lock(72707371, t);
    END LOOP;

    DELETE FROM period_totals p
    USING (SELECT DISTINCT un.tenant_id AS t, x.y, x.q FROM unnest(units, years, quarters) AS x(u, y, q) JOIN units un ON un.id = x.u) k
    WHERE p.tenant_id = k.t AND p.year = k.y AND p.quarter = k.q;
    INSERT INTO period_totals (tenant_id, year, quarter, reported, labour_force, population, retirement_age_population, bhxh_compulsory,
        bhxh_voluntary, bhxh_voluntary_informal, bhtn, bhyt, pension_recipients, amount_due, amount_collected, late_payments)
    SELECT r.tenant_id, r.year, r.quarter, count(*)::int, sum(r.labour_force)::float8, sum(r.population)::float8,
        sum(r.retirement_age_population)::float8, sum(r.bhxh_compulsory)::float8, sum(r.bhxh_voluntary)::float8,
        sum(r.bhxh_voluntary_informal)::float8, sum(r.bhtn)::float8, sum(r.bhyt)::float8, sum(r.pension_recipients)::float8,
        sum(r.amount_due)::float8, sum(r.amount_collected)::float8, sum(r.late_payments)::float8
    FROM (SELECT DISTINCT un.tenant_id AS t, x.y, x.q FROM unnest(units, years, quarters) AS x(u, y, q) JOIN units un ON un.id = x.u) k
    JOIN quarter_reports r ON r.tenant_id = k.t AND r.year = k.y AND r.quarter = k.q
    JOIN units u ON u.id = r.unit_id AND u.level = 'COMMUNE'
    WHERE r.kind = 'ACTUAL' AND r.status IN ('SUBMITTED', 'APPROVED')
    GROUP BY r.tenant_id, r.year, r.quarter;

    DELETE FROM year_progress p
    USING (SELECT DISTINCT x.u, x.y FROM unnest(units, years) AS x(u, y)) k
    WHERE p.unit_id = k.u AND p.year = k.y;
    INSERT INTO year_progress (unit_id, tenant_id, year, quarter, as_of_quarter, participants)
    SELECT DISTINCT ON (r.unit_id, r.year, g.q) r.unit_id, r.tenant_id, r.year, g.q, r.quarter, (r.bhxh_compulsory + r.bhxh_voluntary)::float8
    FROM (SELECT DISTINCT x.u, x.y FROM unnest(units, years) AS x(u, y)) k
    JOIN quarter_reports r ON r.unit_id = k.u AND r.year = k.y AND r.kind = 'ACTUAL' AND r.status IN ('SUBMITTED', 'APPROVED')
    JOIN generate_series(1, 4) AS g(q) ON r.quarter <= g.q
    ORDER BY r.unit_id, r.year, g.q, r.quarter DESC;

    DELETE FROM tenant_year_progress p
    USING (SELECT DISTINCT un.tenant_id AS t, x.y FROM unnest(units, years) AS x(u, y) JOIN units un ON un.id = x.u) k
    WHERE p.tenant_id = k.t AND p.year = k.y;
    INSERT INTO tenant_year_progress (tenant_id, year, quarter, participants, units)
    SELECT p.tenant_id, p.year, p.quarter, sum(p.participants), count(*)::int
    FROM year_progress p
    JOIN (SELECT DISTINCT un.tenant_id AS t, x.y FROM unnest(units, years) AS x(u, y) JOIN units un ON un.id = x.u) k ON p.tenant_id = k.t AND p.year = k.y
    GROUP BY p.tenant_id, p.year, p.quarter;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION "summaries_after_insert"() RETURNS trigger AS $$
DECLARE u INTEGER[]; y INTEGER[]; q INTEGER[];
BEGIN
    SELECT array_agg(unit_id), array_agg(year::int), array_agg(quarter::int) INTO u, y, q FROM new_rows;
    PERFORM summaries_refresh(u, y, q);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION "summaries_after_update"() RETURNS trigger AS $$
DECLARE u INTEGER[]; y INTEGER[]; q INTEGER[];
BEGIN
    SELECT array_agg(unit_id), array_agg(year::int), array_agg(quarter::int) INTO u, y, q
    FROM (SELECT unit_id, year, quarter FROM new_rows UNION SELECT unit_id, year, quarter FROM old_rows) AS x;
    PERFORM summaries_refresh(u, y, q);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION "summaries_after_delete"() RETURNS trigger AS $$
DECLARE u INTEGER[]; y INTEGER[]; q INTEGER[];
BEGIN
    SELECT array_agg(unit_id), array_agg(year::int), array_agg(quarter::int) INTO u, y, q FROM old_rows;
    PERFORM summaries_refresh(u, y, q);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "quarter_reports_summaries_insert" AFTER INSERT ON "quarter_reports"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION summaries_after_insert();
CREATE TRIGGER "quarter_reports_summaries_update" AFTER UPDATE ON "quarter_reports"
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION summaries_after_update();
CREATE TRIGGER "quarter_reports_summaries_delete" AFTER DELETE ON "quarter_reports"
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION summaries_after_delete();

-- What is there already.
SELECT summaries_refresh(array_agg(unit_id), array_agg(year::int), array_agg(quarter::int)) FROM quarter_reports;
