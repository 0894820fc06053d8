-- The communes (or provinces) in force with their province, for the national dashboard's and the
-- reporting board's counts per province: an index-only scan of 3,321 entries instead of a sequential scan
-- of every unit and village (36k rows). National dashboard count 5,2 -> 2,0 ms on the benchmark's dataset (issue 16).
CREATE INDEX "units_level_valid_to_tenant_id_id_idx" ON "units"("level", "valid_to", "tenant_id", "id");
