-- CreateTable: a file read for import and checked, kept until committed or expired (issue 14)
CREATE TABLE "imports" (
    "id" VARCHAR(40) NOT NULL,
    "user_id" INTEGER NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "kind" VARCHAR(16) NOT NULL,
    "year" SMALLINT NOT NULL,
    "quarter" SMALLINT,
    "file_name" VARCHAR(300) NOT NULL,
    "sha256" VARCHAR(64) NOT NULL,
    "rows" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "imports_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "imports_created_at_idx" ON "imports"("created_at");
