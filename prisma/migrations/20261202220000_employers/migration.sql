-- CreateTable: a province's register of employers paying social insurance late (issue 15)
CREATE TABLE "employers" (
    "id" SERIAL NOT NULL,
    "tenant_id" INTEGER NOT NULL,
    "tax_code" VARCHAR(14) NOT NULL,
    "name" VARCHAR(300) NOT NULL,
    "address" VARCHAR(500) NOT NULL DEFAULT '',
    "commune_id" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "employers_pkey" PRIMARY KEY ("id")
);

-- CreateTable: an employer's arrears as at a month end
CREATE TABLE "employer_arrears" (
    "id" SERIAL NOT NULL,
    "tenant_id" INTEGER NOT NULL,
    "employer_id" INTEGER NOT NULL,
    "year" SMALLINT NOT NULL,
    "month" SMALLINT NOT NULL,
    "months_late" SMALLINT NOT NULL,
    "amount_late" BIGINT NOT NULL,
    "updated_by" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "employer_arrears_pkey" PRIMARY KEY ("id")
);

-- CreateTable: a month's published list (a frozen snapshot of the published fields only)
CREATE TABLE "late_payer_publications" (
    "id" SERIAL NOT NULL,
    "tenant_id" INTEGER NOT NULL,
    "year" SMALLINT NOT NULL,
    "month" SMALLINT NOT NULL,
    "min_months_late" SMALLINT NOT NULL,
    "published_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "published_by" INTEGER,
    "entries" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "late_payer_publications_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "employers_tenant_id_tax_code_key" ON "employers"("tenant_id", "tax_code");

-- CreateIndex
CREATE INDEX "employers_commune_id_idx" ON "employers"("commune_id");

-- CreateIndex
CREATE UNIQUE INDEX "employer_arrears_employer_id_year_month_key" ON "employer_arrears"("employer_id", "year", "month");

-- CreateIndex
CREATE INDEX "employer_arrears_tenant_id_year_month_idx" ON "employer_arrears"("tenant_id", "year", "month");

-- CreateIndex
CREATE UNIQUE INDEX "late_payer_publications_tenant_id_year_month_key" ON "late_payer_publications"("tenant_id", "year", "month");

-- AddForeignKey
ALTER TABLE "employers" ADD CONSTRAINT "employers_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "employers" ADD CONSTRAINT "employers_commune_id_fkey" FOREIGN KEY ("commune_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "employer_arrears" ADD CONSTRAINT "employer_arrears_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "employer_arrears" ADD CONSTRAINT "employer_arrears_employer_id_fkey" FOREIGN KEY ("employer_id") REFERENCES "employers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "employer_arrears" ADD CONSTRAINT "employer_arrears_updated_by_fkey" FOREIGN KEY ("updated_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "late_payer_publications" ADD CONSTRAINT "late_payer_publications_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "late_payer_publications" ADD CONSTRAINT "late_payer_publications_published_by_fkey" FOREIGN KEY ("published_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
