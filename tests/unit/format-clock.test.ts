import { describe, expect, it } from "vitest";
import { formatClock, formatDateTime } from "@/lib/format";

describe("formatClock", () => {
  it("writes the time in Vietnam, whatever the machine's time zone, as the history does", () => {
    const at = new Date("2026-12-04T17:40:00Z"); // 00:40 on 5/12 in Hà Nội
    expect(formatClock(at, "vi")).toBe("00:40");
    expect(formatClock(at, "en")).toBe("00:40");
    expect(formatDateTime(at, "vi")).toContain(formatClock(at, "vi"));
  });
});
