-- CreateTable
CREATE TABLE "TrustedOperation" (
    "id" TEXT NOT NULL,
    "document" TEXT NOT NULL,
    "operationName" TEXT NOT NULL,
    "apiClientId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "TrustedOperation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TrustedOperation_apiClientId_idx" ON "TrustedOperation"("apiClientId");

-- AddForeignKey
ALTER TABLE "TrustedOperation" ADD CONSTRAINT "TrustedOperation_apiClientId_fkey" FOREIGN KEY ("apiClientId") REFERENCES "ApiClient"("id") ON DELETE CASCADE ON UPDATE CASCADE;
