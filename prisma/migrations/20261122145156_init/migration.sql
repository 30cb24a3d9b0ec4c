-- CreateEnum
CREATE TYPE "AreaKind" AS ENUM ('COMMUNITY', 'VILLAGE', 'INDUSTRIAL_PARK', 'SCENIC_AREA', 'SCHOOL_ZONE', 'TOWN_CENTRE', 'OTHER');

-- CreateEnum
CREATE TYPE "OfficerRole" AS ENUM ('DIRECTOR', 'DEPUTY_DIRECTOR', 'COMMUNITY_OFFICER', 'CASE_OFFICER', 'AUXILIARY_OFFICER', 'GRID_WORKER', 'MEDIATOR');

-- CreateEnum
CREATE TYPE "ServiceCategory" AS ENUM ('HOUSEHOLD_REGISTRATION', 'ID_CARD', 'RESIDENCE_PERMIT', 'EXIT_ENTRY', 'VEHICLES_AND_DRIVING', 'PERMITS', 'CERTIFICATES', 'REPORTING', 'OTHER');

-- CreateEnum
CREATE TYPE "ReportStatus" AS ENUM ('DRAFT', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "MediationCategory" AS ENUM ('NEIGHBOUR', 'FAMILY', 'LAND_AND_HOUSING', 'LABOUR', 'CONSUMER', 'TRAFFIC', 'TENANCY', 'OTHER');

-- CreateEnum
CREATE TYPE "CaseSource" AS ENUM ('WALK_IN', 'POLICE_CALL', 'PATROL', 'PARTNER_REFERRAL', 'GRID_WORKER');

-- CreateEnum
CREATE TYPE "CaseStatus" AS ENUM ('RECEIVED', 'IN_PROGRESS', 'RESOLVED', 'UNRESOLVED', 'REFERRED');

-- CreateEnum
CREATE TYPE "PartnerKind" AS ENUM ('JUSTICE_OFFICE', 'TOWN_GOVERNMENT', 'URBAN_MANAGEMENT', 'FIRE_BRIGADE', 'SCHOOL', 'ENTERPRISE', 'VILLAGE_COMMITTEE', 'COMMUNITY_COMMITTEE', 'OTHER');

-- CreateEnum
CREATE TYPE "ReferralDirection" AS ENUM ('POLICE_TO_PARTNER', 'PARTNER_TO_POLICE');

-- CreateEnum
CREATE TYPE "ReferralStatus" AS ENUM ('CREATED', 'ACCEPTED', 'IN_PROGRESS', 'RESOLVED', 'RETURNED');

-- CreateEnum
CREATE TYPE "EventKind" AS ENUM ('RESIDENTS_MEETING', 'OPEN_DAY', 'PREVENTION_TALK', 'SCHOOL_SAFETY', 'VOLUNTEER_PATROL', 'OTHER');

-- CreateTable
CREATE TABLE "Station" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT,
    "bureauZh" TEXT NOT NULL,
    "bureauEn" TEXT,
    "regionZh" TEXT NOT NULL,
    "regionEn" TEXT,
    "addressZh" TEXT NOT NULL,
    "addressEn" TEXT,
    "dutyPhone" TEXT NOT NULL,
    "openingHoursZh" TEXT NOT NULL,
    "openingHoursEn" TEXT,
    "summaryZh" TEXT NOT NULL,
    "summaryEn" TEXT,
    "areaKm2" DECIMAL(10,2),
    "population" INTEGER,
    "households" INTEGER,
    "registeredUnits" INTEGER,
    "policeOfficers" INTEGER,
    "auxiliaryOfficers" INTEGER,
    "gridWorkers" INTEGER,
    "sourceTitleZh" TEXT,
    "sourcePublishedOn" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Station_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Honour" (
    "id" SERIAL NOT NULL,
    "stationId" INTEGER NOT NULL,
    "titleZh" TEXT NOT NULL,
    "titleEn" TEXT,
    "awardedBy" TEXT,
    "year" INTEGER NOT NULL,
    "awardedOn" DATE,

    CONSTRAINT "Honour_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Area" (
    "id" SERIAL NOT NULL,
    "stationId" INTEGER NOT NULL,
    "kind" "AreaKind" NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT,
    "households" INTEGER,
    "population" INTEGER,
    "gridCount" INTEGER,

    CONSTRAINT "Area_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Officer" (
    "id" SERIAL NOT NULL,
    "stationId" INTEGER NOT NULL,
    "role" "OfficerRole" NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT,
    "badgeNumber" TEXT,
    "photoUrl" TEXT,
    "dutyPhone" TEXT,
    "contactHoursZh" TEXT,
    "contactHoursEn" TEXT,
    "lastVerifiedOn" DATE,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "retiredAt" TIMESTAMP(3),

    CONSTRAINT "Officer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OfficerAssignment" (
    "id" SERIAL NOT NULL,
    "officerId" INTEGER NOT NULL,
    "areaId" INTEGER NOT NULL,
    "isPrimary" BOOLEAN NOT NULL DEFAULT true,
    "since" DATE NOT NULL,

    CONSTRAINT "OfficerAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceItem" (
    "id" SERIAL NOT NULL,
    "stationId" INTEGER NOT NULL,
    "slug" TEXT NOT NULL,
    "category" "ServiceCategory" NOT NULL,
    "titleZh" TEXT NOT NULL,
    "titleEn" TEXT,
    "conditionsZh" TEXT NOT NULL,
    "conditionsEn" TEXT,
    "materialsZh" TEXT[],
    "materialsEn" TEXT[],
    "stepsZh" TEXT[],
    "stepsEn" TEXT[],
    "timeLimitDays" INTEGER,
    "timeLimitZh" TEXT NOT NULL,
    "timeLimitEn" TEXT,
    "feeZh" TEXT NOT NULL,
    "feeEn" TEXT,
    "feeBasisZh" TEXT,
    "feeBasisEn" TEXT,
    "locationZh" TEXT NOT NULL,
    "locationEn" TEXT,
    "hoursZh" TEXT NOT NULL,
    "hoursEn" TEXT,
    "onlineUrl" TEXT,
    "appointmentZh" TEXT,
    "appointmentEn" TEXT,
    "effectiveFrom" DATE NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "retiredAt" TIMESTAMP(3),

    CONSTRAINT "ServiceItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceItemRevision" (
    "id" SERIAL NOT NULL,
    "serviceItemId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "effectiveFrom" DATE NOT NULL,
    "replacedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ServiceItemRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Metric" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT,
    "definitionZh" TEXT NOT NULL,
    "definitionEn" TEXT,
    "unitZh" TEXT NOT NULL,
    "unitEn" TEXT,
    "higherIsBetter" BOOLEAN NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Metric_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkReport" (
    "id" SERIAL NOT NULL,
    "stationId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "quarter" INTEGER NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "status" "ReportStatus" NOT NULL DEFAULT 'DRAFT',
    "titleZh" TEXT NOT NULL,
    "titleEn" TEXT,
    "summaryZh" TEXT NOT NULL,
    "summaryEn" TEXT,
    "correctionNoteZh" TEXT,
    "correctionNoteEn" TEXT,
    "publishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WorkReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportSection" (
    "id" SERIAL NOT NULL,
    "reportId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "headingZh" TEXT NOT NULL,
    "headingEn" TEXT,
    "bodyZh" TEXT NOT NULL,
    "bodyEn" TEXT,

    CONSTRAINT "ReportSection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MetricValue" (
    "id" SERIAL NOT NULL,
    "reportId" INTEGER NOT NULL,
    "metricId" INTEGER NOT NULL,
    "value" DECIMAL(14,2) NOT NULL,
    "noteZh" TEXT,
    "noteEn" TEXT,

    CONSTRAINT "MetricValue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportPriority" (
    "id" SERIAL NOT NULL,
    "reportId" INTEGER NOT NULL,
    "areaId" INTEGER,
    "position" INTEGER NOT NULL,
    "issueZh" TEXT NOT NULL,
    "issueEn" TEXT,
    "raisedOn" DATE NOT NULL,
    "actionZh" TEXT,
    "actionEn" TEXT,
    "actionOn" DATE,

    CONSTRAINT "ReportPriority_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MediationRoom" (
    "id" SERIAL NOT NULL,
    "stationId" INTEGER NOT NULL,
    "slug" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT,
    "descriptionZh" TEXT NOT NULL,
    "descriptionEn" TEXT,
    "locationZh" TEXT NOT NULL,
    "locationEn" TEXT,
    "phone" TEXT,
    "openingHoursZh" TEXT,
    "openingHoursEn" TEXT,
    "foundedYear" INTEGER,
    "leadMediatorId" INTEGER,

    CONSTRAINT "MediationRoom_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MediationCase" (
    "id" SERIAL NOT NULL,
    "roomId" INTEGER NOT NULL,
    "reference" TEXT NOT NULL,
    "category" "MediationCategory" NOT NULL,
    "source" "CaseSource" NOT NULL,
    "status" "CaseStatus" NOT NULL,
    "receivedOn" DATE NOT NULL,
    "closedOn" DATE,

    CONSTRAINT "MediationCase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MediationCasePartner" (
    "caseId" INTEGER NOT NULL,
    "partnerId" INTEGER NOT NULL,

    CONSTRAINT "MediationCasePartner_pkey" PRIMARY KEY ("caseId","partnerId")
);

-- CreateTable
CREATE TABLE "PartnerAgency" (
    "id" SERIAL NOT NULL,
    "stationId" INTEGER NOT NULL,
    "slug" TEXT NOT NULL,
    "kind" "PartnerKind" NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT,

    CONSTRAINT "PartnerAgency_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Referral" (
    "id" SERIAL NOT NULL,
    "stationId" INTEGER NOT NULL,
    "partnerId" INTEGER NOT NULL,
    "caseId" INTEGER,
    "direction" "ReferralDirection" NOT NULL,
    "status" "ReferralStatus" NOT NULL DEFAULT 'CREATED',
    "summaryZh" TEXT NOT NULL,
    "summaryEn" TEXT,
    "createdOn" DATE NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Referral_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VolunteerTeam" (
    "id" SERIAL NOT NULL,
    "stationId" INTEGER NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT,
    "descriptionZh" TEXT NOT NULL,
    "descriptionEn" TEXT,
    "memberCount" INTEGER,
    "foundedYear" INTEGER,

    CONSTRAINT "VolunteerTeam_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Event" (
    "id" SERIAL NOT NULL,
    "stationId" INTEGER NOT NULL,
    "areaId" INTEGER,
    "kind" "EventKind" NOT NULL,
    "titleZh" TEXT NOT NULL,
    "titleEn" TEXT,
    "descriptionZh" TEXT NOT NULL,
    "descriptionEn" TEXT,
    "locationZh" TEXT NOT NULL,
    "locationEn" TEXT,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3),

    CONSTRAINT "Event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Station_slug_key" ON "Station"("slug");

-- CreateIndex
CREATE INDEX "Honour_stationId_year_idx" ON "Honour"("stationId", "year");

-- CreateIndex
CREATE INDEX "Area_nameZh_idx" ON "Area"("nameZh");

-- CreateIndex
CREATE UNIQUE INDEX "Area_stationId_nameZh_key" ON "Area"("stationId", "nameZh");

-- CreateIndex
CREATE INDEX "Officer_stationId_role_idx" ON "Officer"("stationId", "role");

-- CreateIndex
CREATE INDEX "OfficerAssignment_areaId_idx" ON "OfficerAssignment"("areaId");

-- CreateIndex
CREATE UNIQUE INDEX "OfficerAssignment_officerId_areaId_key" ON "OfficerAssignment"("officerId", "areaId");

-- CreateIndex
CREATE INDEX "ServiceItem_category_idx" ON "ServiceItem"("category");

-- CreateIndex
CREATE UNIQUE INDEX "ServiceItem_stationId_slug_key" ON "ServiceItem"("stationId", "slug");

-- CreateIndex
CREATE UNIQUE INDEX "ServiceItemRevision_serviceItemId_version_key" ON "ServiceItemRevision"("serviceItemId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "Metric_key_key" ON "Metric"("key");

-- CreateIndex
CREATE INDEX "WorkReport_status_year_quarter_idx" ON "WorkReport"("status", "year", "quarter");

-- CreateIndex
CREATE UNIQUE INDEX "WorkReport_stationId_year_quarter_revision_key" ON "WorkReport"("stationId", "year", "quarter", "revision");

-- CreateIndex
CREATE UNIQUE INDEX "ReportSection_reportId_position_key" ON "ReportSection"("reportId", "position");

-- CreateIndex
CREATE INDEX "MetricValue_metricId_idx" ON "MetricValue"("metricId");

-- CreateIndex
CREATE UNIQUE INDEX "MetricValue_reportId_metricId_key" ON "MetricValue"("reportId", "metricId");

-- CreateIndex
CREATE INDEX "ReportPriority_areaId_idx" ON "ReportPriority"("areaId");

-- CreateIndex
CREATE UNIQUE INDEX "ReportPriority_reportId_position_key" ON "ReportPriority"("reportId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "MediationRoom_stationId_slug_key" ON "MediationRoom"("stationId", "slug");

-- CreateIndex
CREATE INDEX "MediationCase_roomId_receivedOn_idx" ON "MediationCase"("roomId", "receivedOn");

-- CreateIndex
CREATE UNIQUE INDEX "MediationCase_roomId_reference_key" ON "MediationCase"("roomId", "reference");

-- CreateIndex
CREATE INDEX "MediationCasePartner_partnerId_idx" ON "MediationCasePartner"("partnerId");

-- CreateIndex
CREATE UNIQUE INDEX "PartnerAgency_stationId_slug_key" ON "PartnerAgency"("stationId", "slug");

-- CreateIndex
CREATE INDEX "Referral_stationId_status_idx" ON "Referral"("stationId", "status");

-- CreateIndex
CREATE INDEX "Referral_partnerId_idx" ON "Referral"("partnerId");

-- CreateIndex
CREATE INDEX "Referral_caseId_idx" ON "Referral"("caseId");

-- CreateIndex
CREATE UNIQUE INDEX "VolunteerTeam_stationId_nameZh_key" ON "VolunteerTeam"("stationId", "nameZh");

-- CreateIndex
CREATE INDEX "Event_stationId_startsAt_idx" ON "Event"("stationId", "startsAt");

-- CreateIndex
CREATE INDEX "Event_areaId_idx" ON "Event"("areaId");

-- AddForeignKey
ALTER TABLE "Honour" ADD CONSTRAINT "Honour_stationId_fkey" FOREIGN KEY ("stationId") REFERENCES "Station"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Area" ADD CONSTRAINT "Area_stationId_fkey" FOREIGN KEY ("stationId") REFERENCES "Station"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Officer" ADD CONSTRAINT "Officer_stationId_fkey" FOREIGN KEY ("stationId") REFERENCES "Station"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfficerAssignment" ADD CONSTRAINT "OfficerAssignment_officerId_fkey" FOREIGN KEY ("officerId") REFERENCES "Officer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfficerAssignment" ADD CONSTRAINT "OfficerAssignment_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Area"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceItem" ADD CONSTRAINT "ServiceItem_stationId_fkey" FOREIGN KEY ("stationId") REFERENCES "Station"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceItemRevision" ADD CONSTRAINT "ServiceItemRevision_serviceItemId_fkey" FOREIGN KEY ("serviceItemId") REFERENCES "ServiceItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkReport" ADD CONSTRAINT "WorkReport_stationId_fkey" FOREIGN KEY ("stationId") REFERENCES "Station"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportSection" ADD CONSTRAINT "ReportSection_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "WorkReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MetricValue" ADD CONSTRAINT "MetricValue_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "WorkReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MetricValue" ADD CONSTRAINT "MetricValue_metricId_fkey" FOREIGN KEY ("metricId") REFERENCES "Metric"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportPriority" ADD CONSTRAINT "ReportPriority_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "WorkReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportPriority" ADD CONSTRAINT "ReportPriority_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Area"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MediationRoom" ADD CONSTRAINT "MediationRoom_stationId_fkey" FOREIGN KEY ("stationId") REFERENCES "Station"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MediationRoom" ADD CONSTRAINT "MediationRoom_leadMediatorId_fkey" FOREIGN KEY ("leadMediatorId") REFERENCES "Officer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MediationCase" ADD CONSTRAINT "MediationCase_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "MediationRoom"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MediationCasePartner" ADD CONSTRAINT "MediationCasePartner_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "MediationCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MediationCasePartner" ADD CONSTRAINT "MediationCasePartner_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "PartnerAgency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnerAgency" ADD CONSTRAINT "PartnerAgency_stationId_fkey" FOREIGN KEY ("stationId") REFERENCES "Station"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_stationId_fkey" FOREIGN KEY ("stationId") REFERENCES "Station"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "PartnerAgency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "MediationCase"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VolunteerTeam" ADD CONSTRAINT "VolunteerTeam_stationId_fkey" FOREIGN KEY ("stationId") REFERENCES "Station"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_stationId_fkey" FOREIGN KEY ("stationId") REFERENCES "Station"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Area"("id") ON DELETE SET NULL ON UPDATE CASCADE;
