-- AlterTable
ALTER TABLE "targets" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "target_revisions" (
    "id" SERIAL NOT NULL,
    "tenant_id" INTEGER,
    "unit_id" INTEGER NOT NULL,
    "year" SMALLINT NOT NULL,
    "key" VARCHAR(48) NOT NULL,
    "kind" "TargetKind" NOT NULL,
    "old_value" DOUBLE PRECISION,
    "new_value" DOUBLE PRECISION,
    "old_source" VARCHAR(200),
    "new_source" VARCHAR(200),
    "changed_by_id" INTEGER,
    "changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "target_revisions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "target_revisions_unit_id_year_key_idx" ON "target_revisions"("unit_id", "year", "key");

-- CreateIndex
CREATE INDEX "target_revisions_tenant_id_changed_at_idx" ON "target_revisions"("tenant_id", "changed_at");

-- AddForeignKey
ALTER TABLE "targets" ADD CONSTRAINT "targets_set_by_id_fkey" FOREIGN KEY ("set_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "target_revisions" ADD CONSTRAINT "target_revisions_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "target_revisions" ADD CONSTRAINT "target_revisions_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "target_revisions" ADD CONSTRAINT "target_revisions_changed_by_id_fkey" FOREIGN KEY ("changed_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
