-- CreateIndex
CREATE INDEX "ContactCode_kind_value_createdAt_idx" ON "ContactCode"("kind", "value", "createdAt");
