-- CreateTable
CREATE TABLE "StationHoursException" (
    "id" SERIAL NOT NULL,
    "stationId" INTEGER NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "closed" BOOLEAN NOT NULL DEFAULT false,
    "opens" TEXT,
    "closes" TEXT,
    "noteZh" TEXT NOT NULL,
    "noteEn" TEXT,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StationHoursException_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "StationHoursException_stationId_endsOn_idx" ON "StationHoursException"("stationId", "endsOn");

-- AddForeignKey
ALTER TABLE "StationHoursException" ADD CONSTRAINT "StationHoursException_stationId_fkey" FOREIGN KEY ("stationId") REFERENCES "Station"("id") ON DELETE CASCADE ON UPDATE CASCADE;
