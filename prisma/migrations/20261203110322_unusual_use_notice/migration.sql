-- AlterEnum
ALTER TYPE "OutboxKind" ADD VALUE 'UNUSUAL_USE';
