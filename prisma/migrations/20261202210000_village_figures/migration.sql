-- CreateTable: a village's / residential group's own figures per quarter (issue 15, item 3).
-- Kept apart from quarter_reports, which feed the commune workflow, completeness and rankings.
CREATE TABLE "village_figures" (
    "id" SERIAL NOT NULL,
    "tenant_id" INTEGER NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "year" SMALLINT NOT NULL,
    "quarter" SMALLINT NOT NULL,
    "labour_force" INTEGER,
    "population" INTEGER,
    "bhxh_compulsory" INTEGER,
    "bhxh_voluntary" INTEGER,
    "bhyt" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_by" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "village_figures_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "village_figures_unit_id_year_quarter_key" ON "village_figures"("unit_id", "year", "quarter");

-- CreateIndex
CREATE INDEX "village_figures_tenant_id_year_quarter_idx" ON "village_figures"("tenant_id", "year", "quarter");

-- AddForeignKey
ALTER TABLE "village_figures" ADD CONSTRAINT "village_figures_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "village_figures" ADD CONSTRAINT "village_figures_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "village_figures" ADD CONSTRAINT "village_figures_updated_by_fkey" FOREIGN KEY ("updated_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
