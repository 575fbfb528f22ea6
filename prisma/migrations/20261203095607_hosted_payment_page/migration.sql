-- AlterTable
ALTER TABLE "SimulatedAcquirerPayment" ADD COLUMN     "cardMask" TEXT,
ADD COLUMN     "cardOutcome" TEXT,
ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'PAYMENT',
ADD COLUMN     "returnUrl" TEXT NOT NULL DEFAULT '/',
ADD COLUMN     "secureAttempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "token" TEXT;
