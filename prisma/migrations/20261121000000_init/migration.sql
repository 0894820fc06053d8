-- CreateEnum
CREATE TYPE "UnitLevel" AS ENUM ('NATION', 'PROVINCE', 'COMMUNE', 'VILLAGE');

-- CreateEnum
CREATE TYPE "UnitType" AS ENUM ('QUOC_GIA', 'THANH_PHO_TRUNG_UONG', 'TINH', 'XA', 'PHUONG', 'DAC_KHU', 'THON', 'BAN', 'AP', 'TO_DAN_PHO', 'KHU_PHO');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'NATIONAL_LEADER', 'CITY_STAFF', 'CITY_LEADER', 'COMMUNE_OFFICER');

-- CreateEnum
CREATE TYPE "ReportKind" AS ENUM ('ACTUAL', 'ESTIMATE');

-- CreateEnum
CREATE TYPE "ReportStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED');

-- CreateEnum
CREATE TYPE "TargetKind" AS ENUM ('COUNT', 'RATE');

-- CreateTable
CREATE TABLE "units" (
    "id" SERIAL NOT NULL,
    "code" VARCHAR(32) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "level" "UnitLevel" NOT NULL,
    "type" "UnitType" NOT NULL,
    "parent_id" INTEGER,
    "tenant_id" INTEGER,
    "valid_from" DATE NOT NULL DEFAULT '2025-07-01'::date,
    "valid_to" DATE,
    "successor_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "units_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "users" (
    "id" SERIAL NOT NULL,
    "username" VARCHAR(64) NOT NULL,
    "password_hash" VARCHAR(255) NOT NULL,
    "full_name" VARCHAR(200) NOT NULL,
    "role" "Role" NOT NULL,
    "tenant_id" INTEGER,
    "unit_id" INTEGER,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "login_throttle" (
    "username" VARCHAR(64) NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "last_failure_at" TIMESTAMPTZ(3),
    "locked_until" TIMESTAMPTZ(3),

    CONSTRAINT "login_throttle_pkey" PRIMARY KEY ("username")
);

-- CreateTable
CREATE TABLE "quarter_reports" (
    "id" SERIAL NOT NULL,
    "tenant_id" INTEGER NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "year" SMALLINT NOT NULL,
    "quarter" SMALLINT NOT NULL,
    "kind" "ReportKind" NOT NULL DEFAULT 'ACTUAL',
    "status" "ReportStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "labour_force" INTEGER,
    "population" INTEGER,
    "retirement_age_population" INTEGER,
    "bhxh_compulsory" INTEGER,
    "bhxh_voluntary" INTEGER,
    "bhxh_voluntary_informal" INTEGER,
    "bhtn" INTEGER,
    "bhyt" INTEGER,
    "pension_recipients" INTEGER,
    "amount_due" BIGINT,
    "amount_collected" BIGINT,
    "late_payments" BIGINT,
    "submitted_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "quarter_reports_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "targets" (
    "id" SERIAL NOT NULL,
    "tenant_id" INTEGER,
    "unit_id" INTEGER NOT NULL,
    "year" SMALLINT NOT NULL,
    "key" VARCHAR(48) NOT NULL,
    "kind" "TargetKind" NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "source" VARCHAR(200),
    "set_by_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "targets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "system_settings" (
    "key" VARCHAR(64) NOT NULL,
    "value" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "system_settings_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "units_parent_id_idx" ON "units"("parent_id");

-- CreateIndex
CREATE INDEX "units_tenant_id_level_idx" ON "units"("tenant_id", "level");

-- CreateIndex
CREATE UNIQUE INDEX "units_code_valid_from_key" ON "units"("code", "valid_from");

-- CreateIndex
CREATE UNIQUE INDEX "users_username_key" ON "users"("username");

-- CreateIndex
CREATE INDEX "users_tenant_id_idx" ON "users"("tenant_id");

-- CreateIndex
CREATE INDEX "quarter_reports_tenant_id_year_quarter_idx" ON "quarter_reports"("tenant_id", "year", "quarter");

-- CreateIndex
CREATE UNIQUE INDEX "quarter_reports_unit_id_year_quarter_kind_key" ON "quarter_reports"("unit_id", "year", "quarter", "kind");

-- CreateIndex
CREATE INDEX "targets_tenant_id_year_idx" ON "targets"("tenant_id", "year");

-- CreateIndex
CREATE UNIQUE INDEX "targets_unit_id_year_key_key" ON "targets"("unit_id", "year", "key");

-- AddForeignKey
ALTER TABLE "units" ADD CONSTRAINT "units_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "units" ADD CONSTRAINT "units_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "units" ADD CONSTRAINT "units_successor_id_fkey" FOREIGN KEY ("successor_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "users" ADD CONSTRAINT "users_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "users" ADD CONSTRAINT "users_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quarter_reports" ADD CONSTRAINT "quarter_reports_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quarter_reports" ADD CONSTRAINT "quarter_reports_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "targets" ADD CONSTRAINT "targets_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "targets" ADD CONSTRAINT "targets_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
