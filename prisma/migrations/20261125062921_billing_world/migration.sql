-- CreateEnum
CREATE TYPE "ControlQuestionKind" AS ENUM ('BILL_TOTAL', 'METER_SERIAL', 'LAST_PAYMENT');

-- CreateEnum
CREATE TYPE "TariffPlan" AS ENUM ('SINGLE', 'TWO_ZONE', 'THREE_ZONE');

-- CreateEnum
CREATE TYPE "MeterZone" AS ENUM ('T1', 'T2', 'T3');

-- CreateEnum
CREATE TYPE "ReadingSource" AS ENUM ('CUSTOMER', 'ASKUE', 'INSPECTOR', 'ESTIMATED');

-- CreateEnum
CREATE TYPE "PaymentStatus" AS ENUM ('PROCESSING', 'ACCEPTED', 'DECLINED', 'REFUNDED');

-- CreateEnum
CREATE TYPE "PaymentChannel" AS ENUM ('PORTAL', 'AUTOPAY', 'BANK', 'CASH');

-- CreateTable
CREATE TABLE "Supplier" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "shortName" TEXT NOT NULL,
    "accountNumberPattern" TEXT NOT NULL,
    "accountNumberExample" TEXT NOT NULL,
    "accountNumberHint" TEXT NOT NULL,
    "readingWindowStartDay" INTEGER NOT NULL DEFAULT 15,
    "readingWindowEndDay" INTEGER NOT NULL DEFAULT 26,
    "timeZone" TEXT NOT NULL DEFAULT 'Europe/Moscow',
    "controlQuestions" "ControlQuestionKind"[],

    CONSTRAINT "Supplier_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Tariff" (
    "id" UUID NOT NULL,
    "supplierId" TEXT NOT NULL,
    "plan" "TariffPlan" NOT NULL,
    "zone" "MeterZone" NOT NULL,
    "rateKopecks" INTEGER NOT NULL,
    "validFrom" DATE NOT NULL,
    "validTo" DATE,

    CONSTRAINT "Tariff_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PersonalAccount" (
    "id" UUID NOT NULL,
    "supplierId" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "ownerName" TEXT NOT NULL,
    "residents" INTEGER NOT NULL,
    "rooms" INTEGER NOT NULL,
    "totalArea" DECIMAL(7,2) NOT NULL,
    "livingArea" DECIMAL(7,2) NOT NULL,
    "tariffPlan" "TariffPlan" NOT NULL,
    "balanceKopecks" INTEGER NOT NULL,
    "debtSince" DATE,

    CONSTRAINT "PersonalAccount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Meter" (
    "id" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "serialNumber" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "zones" "MeterZone"[],
    "digitCapacity" INTEGER NOT NULL,
    "decimalPlaces" INTEGER NOT NULL,
    "installedAt" DATE NOT NULL,
    "verificationDue" DATE NOT NULL,
    "automated" BOOLEAN NOT NULL DEFAULT false,
    "faulty" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "Meter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Reading" (
    "id" UUID NOT NULL,
    "meterId" UUID NOT NULL,
    "takenAt" TIMESTAMPTZ(3) NOT NULL,
    "source" "ReadingSource" NOT NULL,
    "t1" DECIMAL(12,3) NOT NULL,
    "t2" DECIMAL(12,3),
    "t3" DECIMAL(12,3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Reading_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Bill" (
    "id" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "period" DATE NOT NULL,
    "issuedAt" TIMESTAMPTZ(3) NOT NULL,
    "dueDate" DATE NOT NULL,
    "openingKopecks" INTEGER NOT NULL,
    "chargesKopecks" INTEGER NOT NULL,
    "totalKopecks" INTEGER NOT NULL,

    CONSTRAINT "Bill_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BillLine" (
    "id" UUID NOT NULL,
    "billId" UUID NOT NULL,
    "zone" "MeterZone" NOT NULL,
    "kwh" DECIMAL(12,3) NOT NULL,
    "rateKopecks" INTEGER NOT NULL,
    "amountKopecks" INTEGER NOT NULL,

    CONSTRAINT "BillLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Payment" (
    "id" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "paidAt" TIMESTAMPTZ(3) NOT NULL,
    "amountKopecks" INTEGER NOT NULL,
    "status" "PaymentStatus" NOT NULL,
    "channel" "PaymentChannel" NOT NULL,

    CONSTRAINT "Payment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccountLink" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "isPrimary" BOOLEAN NOT NULL DEFAULT false,
    "nickname" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AccountLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ControlQuestionAttempt" (
    "id" BIGSERIAL NOT NULL,
    "userId" UUID NOT NULL,
    "supplierId" TEXT NOT NULL,
    "accountNumber" TEXT NOT NULL,
    "accountId" UUID,
    "question" "ControlQuestionKind" NOT NULL,
    "success" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ControlQuestionAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Tariff_supplierId_plan_zone_validFrom_key" ON "Tariff"("supplierId", "plan", "zone", "validFrom");

-- CreateIndex
CREATE UNIQUE INDEX "PersonalAccount_supplierId_number_key" ON "PersonalAccount"("supplierId", "number");

-- CreateIndex
CREATE INDEX "Meter_accountId_idx" ON "Meter"("accountId");

-- CreateIndex
CREATE INDEX "Reading_meterId_takenAt_idx" ON "Reading"("meterId", "takenAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "Bill_accountId_period_key" ON "Bill"("accountId", "period");

-- CreateIndex
CREATE INDEX "BillLine_billId_idx" ON "BillLine"("billId");

-- CreateIndex
CREATE INDEX "Payment_accountId_paidAt_idx" ON "Payment"("accountId", "paidAt" DESC);

-- CreateIndex
CREATE INDEX "AccountLink_accountId_idx" ON "AccountLink"("accountId");

-- CreateIndex
CREATE UNIQUE INDEX "AccountLink_userId_accountId_key" ON "AccountLink"("userId", "accountId");

-- CreateIndex
CREATE INDEX "ControlQuestionAttempt_userId_supplierId_accountNumber_crea_idx" ON "ControlQuestionAttempt"("userId", "supplierId", "accountNumber", "createdAt");

-- AddForeignKey
ALTER TABLE "Tariff" ADD CONSTRAINT "Tariff_supplierId_fkey" FOREIGN KEY ("supplierId") REFERENCES "Supplier"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PersonalAccount" ADD CONSTRAINT "PersonalAccount_supplierId_fkey" FOREIGN KEY ("supplierId") REFERENCES "Supplier"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meter" ADD CONSTRAINT "Meter_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "PersonalAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reading" ADD CONSTRAINT "Reading_meterId_fkey" FOREIGN KEY ("meterId") REFERENCES "Meter"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Bill" ADD CONSTRAINT "Bill_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "PersonalAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BillLine" ADD CONSTRAINT "BillLine_billId_fkey" FOREIGN KEY ("billId") REFERENCES "Bill"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "PersonalAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccountLink" ADD CONSTRAINT "AccountLink_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccountLink" ADD CONSTRAINT "AccountLink_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "PersonalAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ControlQuestionAttempt" ADD CONSTRAINT "ControlQuestionAttempt_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
