-- AlterTable: throttle rows are keyed by username, by address, or by (username, address)
ALTER TABLE "login_throttle" ALTER COLUMN "username" SET DATA TYPE VARCHAR(200);
ALTER TABLE "login_throttle" ADD COLUMN     "seen_from" VARCHAR(1000);
