-- Two more summaries for the dashboards (issue 16: a city's dashboard within 2x of its one-statement SQL).
-- A city's dashboard spent most of its statement aggregating ~1.500 target rows into one object per
-- commune and ~1.000 yearly rows into each commune's path to 2030. Both are now kept by the database,
-- in the same transaction as each change (zero staleness, as 20261202230000_summaries):
--   * year_progress.history, tenant_year_progress.history: the path to 2030 as of that period, the
--     pairs [year, participants] of every earlier year's year end and of this period, by the rule the
--     dashboard applied when it read them (decision 0019, 2026-12-04);
--   * unit_targets: a unit's targets of a year as one object {key: value}, kept by a trigger on targets.

ALTER TABLE "year_progress" ADD COLUMN "history" JSON;
ALTER TABLE "tenant_year_progress" ADD COLUMN "history" JSON;

CREATE TABLE "unit_targets" (
    "unit_id" INTEGER NOT NULL,
    "year" SMALLINT NOT NULL,
    "targets" JSON NOT NULL,

    CONSTRAINT "unit_targets_pkey" PRIMARY KEY ("unit_id", "year")
);

-- The path to 2030 as of each period (each earlier year's year-end participants, then this period's),
-- rebuilt for every period of the touched units and provinces from their earliest touched year on: a
-- change of one year is part of every later year's path.
CREATE FUNCTION "summaries_paths_refresh"(units INTEGER[], years INTEGER[]) RETURNS void AS $$
BEGIN
    UPDATE year_progress p SET history = (
        SELECT json_agg(json_build_array(y.year, y.participants) ORDER BY y.year) FROM year_progress y
        WHERE y.unit_id = p.unit_id AND y.participants IS NOT NULL
          AND ((y.year < p.year AND y.quarter = 4) OR (y.year = p.year AND y.quarter = p.quarter)))
    FROM (SELECT x.u, min(x.y) AS y FROM unnest(units, years) AS x(u, y) GROUP BY x.u) k
    WHERE p.unit_id = k.u AND p.year >= k.y;
    UPDATE tenant_year_progress p SET history = (
        SELECT json_agg(json_build_array(y.year, y.participants) ORDER BY y.year) FROM tenant_year_progress y
        WHERE y.tenant_id = p.tenant_id AND y.participants IS NOT NULL
          AND ((y.year < p.year AND y.quarter = 4) OR (y.year = p.year AND y.quarter = p.quarter)))
    FROM (SELECT un.tenant_id AS t, min(x.y) AS y FROM unnest(units, years) AS x(u, y) JOIN units un ON un.id = x.u GROUP BY un.tenant_id) k
    WHERE p.tenant_id = k.t AND p.year >= k.y;
END;
$$ LANGUAGE plpgsql;

-- As in 20261203000000_year_progress_metrics, then the paths of the touched units and provinces.
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

    PERFORM summaries_paths_refresh(units, years);
END;
$$ LANGUAGE plpgsql;

-- Recomputes the target objects of the touched (unit, year) pairs. The province's lock of
-- summaries_refresh first (the nation's targets under 0): two transactions setting targets of one
-- province's units rebuild them one after the other, each reading what the other committed.
CREATE FUNCTION "unit_targets_refresh"(units INTEGER[], years INTEGER[]) RETURNS void AS $$
DECLARE
    t INTEGER;
BEGIN
    IF units IS NULL OR cardinality(units) = 0 THEN
        RETURN;
    END IF;
    FOR t IN
        SELECT DISTINCT coalesce(un.tenant_id, 0) FROM unnest(units) AS x(u) JOIN units un ON un.id = x.u ORDER BY 1
    LOOP
        PERFORM pg_advisory_xact_lock(72707371, t);
    END LOOP;
    DELETE FROM unit_targets p
    USING (SELECT DISTINCT x.u, x.y FROM unnest(units, years) AS x(u, y)) k
    WHERE p.unit_id = k.u AND p.year = k.y;
    INSERT INTO unit_targets (unit_id, year, targets)
    SELECT t.unit_id, t.year, json_object_agg(t.key, t.value ORDER BY t.key)
    FROM (SELECT DISTINCT x.u, x.y FROM unnest(units, years) AS x(u, y)) k
    JOIN targets t ON t.unit_id = k.u AND t.year = k.y
    GROUP BY t.unit_id, t.year;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION "unit_targets_after_insert"() RETURNS trigger AS $$
DECLARE u INTEGER[]; y INTEGER[];
BEGIN
    SELECT array_agg(unit_id), array_agg(year::int) INTO u, y FROM new_rows;
    PERFORM unit_targets_refresh(u, y);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION "unit_targets_after_update"() RETURNS trigger AS $$
DECLARE u INTEGER[]; y INTEGER[];
BEGIN
    SELECT array_agg(unit_id), array_agg(year::int) INTO u, y
    FROM (SELECT unit_id, year FROM new_rows UNION SELECT unit_id, year FROM old_rows) AS x;
    PERFORM unit_targets_refresh(u, y);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION "unit_targets_after_delete"() RETURNS trigger AS $$
DECLARE u INTEGER[]; y INTEGER[];
BEGIN
    SELECT array_agg(unit_id), array_agg(year::int) INTO u, y FROM old_rows;
    PERFORM unit_targets_refresh(u, y);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "targets_unit_targets_insert" AFTER INSERT ON "targets"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION unit_targets_after_insert();
CREATE TRIGGER "targets_unit_targets_update" AFTER UPDATE ON "targets"
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION unit_targets_after_update();
CREATE TRIGGER "targets_unit_targets_delete" AFTER DELETE ON "targets"
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION unit_targets_after_delete();

-- What is there already.
SELECT unit_targets_refresh(array_agg(unit_id), array_agg(year::int)) FROM targets;
SELECT summaries_paths_refresh(array_agg(unit_id), array_agg(year::int)) FROM year_progress;
