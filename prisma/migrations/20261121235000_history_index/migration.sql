-- CreateIndex
CREATE INDEX "quarter_reports_history_idx" ON "quarter_reports"("unit_id", "year", "quarter" DESC, "kind", "status", "tenant_id", "bhxh_compulsory", "bhxh_voluntary");
