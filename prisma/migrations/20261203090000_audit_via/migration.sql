-- AlterTable
ALTER TABLE "AuditEntry" ADD COLUMN     "via" TEXT;
