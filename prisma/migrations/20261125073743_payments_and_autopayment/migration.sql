-- CreateEnum
CREATE TYPE "AutoPaymentStatus" AS ENUM ('APPLIED', 'ACTIVE', 'OFF', 'WITHDRAWN');

-- AlterTable
ALTER TABLE "Payment" ADD COLUMN     "createdById" UUID,
ADD COLUMN     "declineReason" TEXT,
ADD COLUMN     "gatewayRef" TEXT,
ADD COLUMN     "idempotencyKey" UUID,
ADD COLUMN     "updatedAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "AutoPayment" (
    "id" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "status" "AutoPaymentStatus" NOT NULL,
    "termsVersion" TEXT NOT NULL,
    "cardToken" TEXT NOT NULL,
    "cardMask" TEXT NOT NULL,
    "maxAmountKopecks" INTEGER NOT NULL,
    "receiptEmail" TEXT NOT NULL,
    "appliedAt" TIMESTAMPTZ(3) NOT NULL,
    "activatedAt" TIMESTAMPTZ(3),
    "endedAt" TIMESTAMPTZ(3),
    "endReason" TEXT,
    "lastNotice" TEXT,

    CONSTRAINT "AutoPayment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AutoPayment_accountId_status_idx" ON "AutoPayment"("accountId", "status");

-- CreateIndex
CREATE INDEX "Payment_status_idx" ON "Payment"("status");

-- CreateIndex
CREATE UNIQUE INDEX "Payment_createdById_idempotencyKey_key" ON "Payment"("createdById", "idempotencyKey");

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AutoPayment" ADD CONSTRAINT "AutoPayment_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "PersonalAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AutoPayment" ADD CONSTRAINT "AutoPayment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
