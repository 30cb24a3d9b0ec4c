-- CreateTable
CREATE TABLE "SurveyFormSecret" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "secret" TEXT NOT NULL,

    CONSTRAINT "SurveyFormSecret_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SpentSurveyFormToken" (
    "nonce" TEXT NOT NULL,
    "campaignId" INTEGER NOT NULL,
    "expiresOn" DATE NOT NULL,

    CONSTRAINT "SpentSurveyFormToken_pkey" PRIMARY KEY ("nonce")
);

-- CreateIndex
CREATE INDEX "SpentSurveyFormToken_expiresOn_idx" ON "SpentSurveyFormToken"("expiresOn");
