-- CreateEnum
CREATE TYPE "MetricKind" AS ENUM ('COUNT', 'PERCENT', 'MONEY');

-- AlterTable
ALTER TABLE "AuditEntry" ADD COLUMN     "stationId" INTEGER;

-- AlterTable
ALTER TABLE "Metric" ADD COLUMN     "kind" "MetricKind" NOT NULL DEFAULT 'COUNT';

-- AlterTable
ALTER TABLE "StaffUser" ADD COLUMN     "allStations" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "StaffStation" (
    "staffUserId" INTEGER NOT NULL,
    "stationId" INTEGER NOT NULL,

    CONSTRAINT "StaffStation_pkey" PRIMARY KEY ("staffUserId","stationId")
);

-- CreateIndex
CREATE INDEX "StaffStation_stationId_idx" ON "StaffStation"("stationId");

-- CreateIndex
CREATE INDEX "AuditEntry_stationId_at_idx" ON "AuditEntry"("stationId", "at");

-- AddForeignKey
ALTER TABLE "StaffStation" ADD CONSTRAINT "StaffStation_staffUserId_fkey" FOREIGN KEY ("staffUserId") REFERENCES "StaffUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffStation" ADD CONSTRAINT "StaffStation_stationId_fkey" FOREIGN KEY ("stationId") REFERENCES "Station"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Staff kept the access they had before stations were bound: every existing account acts for
-- every station until an admin binds it to its own. New accounts start bound to none.
UPDATE "StaffUser" SET "allStations" = true;

-- Metrics: percentages and money by their key, counts otherwise.
UPDATE "Metric" SET "kind" = 'PERCENT' WHERE "key" LIKE '%\_rate' ESCAPE '\';
UPDATE "Metric" SET "kind" = 'MONEY' WHERE "key" = 'losses_recovered';
