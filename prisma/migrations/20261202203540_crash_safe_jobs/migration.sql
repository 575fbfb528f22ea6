-- AlterTable
ALTER TABLE "Payment" ADD COLUMN     "autoPaymentId" UUID,
ADD COLUMN     "autopayBillId" UUID;

-- CreateTable
CREATE TABLE "SimulatedAcquirerPayment" (
    "gatewayRef" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "amountKopecks" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "reason" TEXT,
    "pendingSince" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SimulatedAcquirerPayment_pkey" PRIMARY KEY ("gatewayRef")
);

-- CreateIndex
CREATE UNIQUE INDEX "SimulatedAcquirerPayment_orderId_key" ON "SimulatedAcquirerPayment"("orderId");

-- CreateIndex
CREATE UNIQUE INDEX "Payment_autopayBillId_key" ON "Payment"("autopayBillId");
