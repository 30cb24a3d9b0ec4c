-- CreateEnum
CREATE TYPE "SurveyAccessMode" AS ENUM ('OPEN', 'CODE');

-- CreateEnum
CREATE TYPE "SurveyStatus" AS ENUM ('DRAFT', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "SurveyIndicator" AS ENUM ('BASIC_MANAGEMENT', 'PREVENTION_PUBLICITY', 'SERVICE_TO_RESIDENTS', 'OVERALL_SATISFACTION', 'OFFICER_AWARENESS', 'WINDOW_SERVICE');

-- CreateEnum
CREATE TYPE "SurveyQuestionType" AS ENUM ('SCALE5', 'YES_NO', 'SINGLE_CHOICE', 'FREE_TEXT');

-- CreateEnum
CREATE TYPE "SurveyChannel" AS ENUM ('WEB', 'PAPER', 'PHONE');

-- CreateTable
CREATE TABLE "SurveyCampaign" (
    "id" SERIAL NOT NULL,
    "stationId" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "titleZh" TEXT NOT NULL,
    "titleEn" TEXT,
    "opensOn" DATE NOT NULL,
    "closesOn" DATE NOT NULL,
    "accessMode" "SurveyAccessMode" NOT NULL DEFAULT 'OPEN',
    "status" "SurveyStatus" NOT NULL DEFAULT 'DRAFT',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SurveyCampaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyQuestion" (
    "id" SERIAL NOT NULL,
    "campaignId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "indicator" "SurveyIndicator" NOT NULL,
    "type" "SurveyQuestionType" NOT NULL,
    "textZh" TEXT NOT NULL,
    "textEn" TEXT,
    "optionsZh" TEXT[],
    "optionsEn" TEXT[],
    "required" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "SurveyQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InvitationCode" (
    "id" SERIAL NOT NULL,
    "campaignId" INTEGER NOT NULL,
    "areaId" INTEGER,
    "codeHash" TEXT NOT NULL,
    "used" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "InvitationCode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyResponse" (
    "id" SERIAL NOT NULL,
    "campaignId" INTEGER NOT NULL,
    "areaId" INTEGER,
    "channel" "SurveyChannel" NOT NULL,
    "submittedOn" DATE NOT NULL,

    CONSTRAINT "SurveyResponse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyAnswer" (
    "responseId" INTEGER NOT NULL,
    "questionId" INTEGER NOT NULL,
    "value" INTEGER,
    "dontKnow" BOOLEAN NOT NULL DEFAULT false,
    "choice" INTEGER,
    "text" TEXT,

    CONSTRAINT "SurveyAnswer_pkey" PRIMARY KEY ("responseId","questionId")
);

-- CreateIndex
CREATE UNIQUE INDEX "SurveyCampaign_stationId_period_key" ON "SurveyCampaign"("stationId", "period");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyQuestion_campaignId_position_key" ON "SurveyQuestion"("campaignId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "InvitationCode_codeHash_key" ON "InvitationCode"("codeHash");

-- CreateIndex
CREATE INDEX "InvitationCode_campaignId_idx" ON "InvitationCode"("campaignId");

-- CreateIndex
CREATE INDEX "SurveyResponse_campaignId_areaId_idx" ON "SurveyResponse"("campaignId", "areaId");

-- CreateIndex
CREATE INDEX "SurveyAnswer_questionId_idx" ON "SurveyAnswer"("questionId");

-- AddForeignKey
ALTER TABLE "SurveyCampaign" ADD CONSTRAINT "SurveyCampaign_stationId_fkey" FOREIGN KEY ("stationId") REFERENCES "Station"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyQuestion" ADD CONSTRAINT "SurveyQuestion_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "SurveyCampaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvitationCode" ADD CONSTRAINT "InvitationCode_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "SurveyCampaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvitationCode" ADD CONSTRAINT "InvitationCode_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Area"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyResponse" ADD CONSTRAINT "SurveyResponse_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "SurveyCampaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyResponse" ADD CONSTRAINT "SurveyResponse_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Area"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyAnswer" ADD CONSTRAINT "SurveyAnswer_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "SurveyResponse"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyAnswer" ADD CONSTRAINT "SurveyAnswer_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "SurveyQuestion"("id") ON DELETE CASCADE ON UPDATE CASCADE;
