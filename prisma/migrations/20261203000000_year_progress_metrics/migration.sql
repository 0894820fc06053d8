-- The path to 2030 of a province and of the nation (yearlyHistory: each year's latest counted figures of
-- every commune, summed) read the reports' whole history: 76k rows for the nation, ~100 ms on the
-- benchmark's national dataset, most of the national unit page's time (issue 16). year_progress now
-- keeps every metric of a unit's latest counted report of the year up to each quarter, not only the
-- participants, and tenant_year_progress their sums per province, kept current by the same statement
-- trigger in the same transaction as every change of quarter_reports (migration 20261202230000).

ALTER TABLE "year_progress"
    ADD COLUMN "labour_force" DOUBLE PRECISION,
    ADD COLUMN "population" DOUBLE PRECISION,
    ADD COLUMN "retirement_age_population" DOUBLE PRECISION,
    ADD COLUMN "bhxh_compulsory" DOUBLE PRECISION,
    ADD COLUMN "bhxh_voluntary" DOUBLE PRECISION,
    ADD COLUMN "bhxh_voluntary_informal" DOUBLE PRECISION,
    ADD COLUMN "bhtn" DOUBLE PRECISION,
    ADD COLUMN "bhyt" DOUBLE PRECISION,
    ADD COLUMN "pension_recipients" DOUBLE PRECISION,
    ADD COLUMN "amount_due" DOUBLE PRECISION,
    ADD COLUMN "amount_collected" DOUBLE PRECISION,
    ADD COLUMN "late_payments" DOUBLE PRECISION;

ALTER TABLE "tenant_year_progress"
    ADD COLUMN "labour_force" DOUBLE PRECISION,
    ADD COLUMN "population" DOUBLE PRECISION,
    ADD COLUMN "retirement_age_population" DOUBLE PRECISION,
    ADD COLUMN "bhxh_compulsory" DOUBLE PRECISION,
    ADD COLUMN "bhxh_voluntary" DOUBLE PRECISION,
    ADD COLUMN "bhxh_voluntary_informal" DOUBLE PRECISION,
    ADD COLUMN "bhtn" DOUBLE PRECISION,
    ADD COLUMN "bhyt" DOUBLE PRECISION,
    ADD COLUMN "pension_recipients" DOUBLE PRECISION,
    ADD COLUMN "amount_due" DOUBLE PRECISION,
    ADD COLUMN "amount_collected" DOUBLE PRECISION,
    ADD COLUMN "late_payments" DOUBLE PRECISION;

-- As in 20261202230000_summaries, the year_progress and tenant_year_progress inserts with every metric.
CREATE OR REPLACE FUNCTION "summaries_refresh"(units INTEGER[], years INTEGER[], quarters INTEGER[]) RETURNS void AS $$
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
    INSERT INTO year_progress (unit_id, tenant_id, year, quarter, as_of_quarter, participants,
        labour_force, population, retirement_age_population, bhxh_compulsory, bhxh_voluntary, bhxh_voluntary_informal, bhtn, bhyt, pension_recipients, amount_due, amount_collected, late_payments)
    SELECT DISTINCT ON (r.unit_id, r.year, g.q) r.unit_id, r.tenant_id, r.year, g.q, r.quarter, (r.bhxh_compulsory + r.bhxh_voluntary)::float8,
        r.labour_force::float8, r.population::float8, r.retirement_age_population::float8, r.bhxh_compulsory::float8, r.bhxh_voluntary::float8, r.bhxh_voluntary_informal::float8, r.bhtn::float8, r.bhyt::float8, r.pension_recipients::float8, r.amount_due::float8, r.amount_collected::float8, r.late_payments::float8
    FROM (SELECT DISTINCT x.u, x.y FROM unnest(units, years) AS x(u, y)) k
    JOIN quarter_reports r ON r.unit_id = k.u AND r.year = k.y AND r.kind = 'ACTUAL' AND r.status IN ('SUBMITTED', 'APPROVED')
    JOIN generate_series(1, 4) AS g(q) ON r.quarter <= g.q
    ORDER BY r.unit_id, r.year, g.q, r.quarter DESC;

    DELETE FROM tenant_year_progress p
    USING (SELECT DISTINCT un.tenant_id AS t, x.y FROM unnest(units, years) AS x(u, y) JOIN units un ON un.id = x.u) k
    WHERE p.tenant_id = k.t AND p.year = k.y;
    INSERT INTO tenant_year_progress (tenant_id, year, quarter, participants, units,
        labour_force, population, retirement_age_population, bhxh_compulsory, bhxh_voluntary, bhxh_voluntary_informal, bhtn, bhyt, pension_recipients, amount_due, amount_collected, late_payments)
    SELECT p.tenant_id, p.year, p.quarter, sum(p.participants), count(*)::int,
        sum(p.labour_force), sum(p.population), sum(p.retirement_age_population), sum(p.bhxh_compulsory), sum(p.bhxh_voluntary), sum(p.bhxh_voluntary_informal), sum(p.bhtn), sum(p.bhyt), sum(p.pension_recipients), sum(p.amount_due), sum(p.amount_collected), sum(p.late_payments)
    FROM year_progress p
    JOIN (SELECT DISTINCT un.tenant_id AS t, x.y FROM unnest(units, years) AS x(u, y) JOIN units un ON un.id = x.u) k ON p.tenant_id = k.t AND p.year = k.y
    GROUP BY p.tenant_id, p.year, p.quarter;
END;
$$ LANGUAGE plpgsql;

-- What is there already.
SELECT summaries_refresh(array_agg(unit_id), array_agg(year::int), array_agg(quarter::int)) FROM quarter_reports;
