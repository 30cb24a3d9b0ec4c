-- CreateTable
CREATE TABLE "OfficerPhoto" (
    "officerId" INTEGER NOT NULL,
    "bytes" BYTEA NOT NULL,
    "sha256" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OfficerPhoto_pkey" PRIMARY KEY ("officerId")
);

-- AddForeignKey
ALTER TABLE "OfficerPhoto" ADD CONSTRAINT "OfficerPhoto_officerId_fkey" FOREIGN KEY ("officerId") REFERENCES "Officer"("id") ON DELETE CASCADE ON UPDATE CASCADE;
