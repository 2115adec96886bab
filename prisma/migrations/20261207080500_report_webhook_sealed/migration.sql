-- Report-schedule webhooks are sealed and signed like alert channels. Plaintext URLs of existing
-- schedules are sealed by the worker at start (it holds the keyring), which then clears webhookUrl.
ALTER TABLE "ReportSchedule" ADD COLUMN     "webhookHost" TEXT,
ADD COLUMN     "webhookSecretCipher" TEXT,
ADD COLUMN     "webhookUrlCipher" TEXT;
