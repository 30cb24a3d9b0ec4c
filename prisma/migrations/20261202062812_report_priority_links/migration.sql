-- AlterTable
ALTER TABLE "ReportPriority" ADD COLUMN     "eventId" INTEGER,
ADD COLUMN     "indicator" "SurveyIndicator",
ADD COLUMN     "surveyCampaignId" INTEGER;

-- CreateIndex
CREATE INDEX "ReportPriority_surveyCampaignId_idx" ON "ReportPriority"("surveyCampaignId");

-- CreateIndex
CREATE INDEX "ReportPriority_eventId_idx" ON "ReportPriority"("eventId");

-- AddForeignKey
ALTER TABLE "ReportPriority" ADD CONSTRAINT "ReportPriority_surveyCampaignId_fkey" FOREIGN KEY ("surveyCampaignId") REFERENCES "SurveyCampaign"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportPriority" ADD CONSTRAINT "ReportPriority_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE SET NULL ON UPDATE CASCADE;
