-- CreateTable: a unit's monthly scenario for a year (issue 15): the planned value of each target key
-- at the end of each month, {"1": {key: value}, …, "12": {…}}; versioned and audited.
CREATE TABLE "scenarios" (
    "id" SERIAL NOT NULL,
    "tenant_id" INTEGER,
    "unit_id" INTEGER NOT NULL,
    "year" SMALLINT NOT NULL,
    "months" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_by_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "scenarios_pkey" PRIMARY KEY ("id")
);

-- CreateTable: a unit's figures at the end of a month (issue 15), entered or imported by city staff.
CREATE TABLE "monthly_figures" (
    "id" SERIAL NOT NULL,
    "tenant_id" INTEGER NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "year" SMALLINT NOT NULL,
    "month" SMALLINT NOT NULL,
    "bhxh_compulsory" INTEGER,
    "bhxh_voluntary" INTEGER,
    "bhtn" INTEGER,
    "bhyt" INTEGER,
    "amount_due" BIGINT,
    "amount_collected" BIGINT,
    "late_payments" BIGINT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_by_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "monthly_figures_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "scenarios_unit_id_year_key" ON "scenarios"("unit_id", "year");

-- CreateIndex
CREATE INDEX "scenarios_tenant_id_year_idx" ON "scenarios"("tenant_id", "year");

-- CreateIndex
CREATE UNIQUE INDEX "monthly_figures_unit_id_year_month_key" ON "monthly_figures"("unit_id", "year", "month");

-- CreateIndex
CREATE INDEX "monthly_figures_tenant_id_year_month_idx" ON "monthly_figures"("tenant_id", "year", "month");

-- AddForeignKey
ALTER TABLE "scenarios" ADD CONSTRAINT "scenarios_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "scenarios" ADD CONSTRAINT "scenarios_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "scenarios" ADD CONSTRAINT "scenarios_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "monthly_figures" ADD CONSTRAINT "monthly_figures_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "monthly_figures" ADD CONSTRAINT "monthly_figures_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "monthly_figures" ADD CONSTRAINT "monthly_figures_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
