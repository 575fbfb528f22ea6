-- AlterEnum
ALTER TYPE "AutoPaymentStatus" ADD VALUE 'AWAITING_CARD';

-- AlterTable
ALTER TABLE "AutoPayment" ADD COLUMN     "bindingRef" TEXT,
ALTER COLUMN "cardToken" DROP NOT NULL,
ALTER COLUMN "cardMask" DROP NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "AutoPayment_bindingRef_key" ON "AutoPayment"("bindingRef");
