-- AlterEnum
ALTER TYPE "OutboxKind" ADD VALUE 'RECEIPT';
