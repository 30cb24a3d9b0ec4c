-- AlterTable
ALTER TABLE "Area" ADD COLUMN     "isIllustrative" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Honour" ADD COLUMN     "month" INTEGER;

-- AlterTable
ALTER TABLE "Station" ADD COLUMN     "contactIsDemo" BOOLEAN NOT NULL DEFAULT false;
