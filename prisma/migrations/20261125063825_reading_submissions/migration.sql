-- CreateEnum
CREATE TYPE "ReadingStatus" AS ENUM ('ACTIVE', 'REPLACED');

-- AlterTable
ALTER TABLE "Reading" ADD COLUMN     "contactPhone" TEXT,
ADD COLUMN     "idempotencyKey" UUID,
ADD COLUMN     "status" "ReadingStatus" NOT NULL DEFAULT 'ACTIVE',
ADD COLUMN     "submittedById" UUID;

-- CreateIndex
CREATE UNIQUE INDEX "Reading_submittedById_idempotencyKey_key" ON "Reading"("submittedById", "idempotencyKey");

-- AddForeignKey
ALTER TABLE "Reading" ADD CONSTRAINT "Reading_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
