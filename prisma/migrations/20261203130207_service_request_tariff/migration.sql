-- AlterEnum
ALTER TYPE "ServiceRequestKind" ADD VALUE 'TARIFF';
