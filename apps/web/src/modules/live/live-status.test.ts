import { describe, expect, it } from "vitest";
import { liveStatus, sinceLabel, userIsBusy, type TLiveView } from "./live-status";

const now = new Date("2025-03-01T10:00:00Z");
const view = (over: Partial<TLiveView>): TLiveView => ({ stamp: "s", lastEventAt: "2025-03-01T09:59:48Z", live: 1, clusters: 1, ...over });
const watch = (state: string, error: string | null = null, continuous = true) => ({ watch: { continuous, state, error } });

describe("the live badge's words", () => {
  it("says live with the last change time, in seconds under a minute", () => {
    expect(liveStatus(view(watch("live")), now)).toEqual({ tone: "live", label: "Live · last change 12 s ago" });
    expect(liveStatus(view({ ...watch("live"), lastEventAt: null }), now).label).toBe("Live · no change seen yet");
    expect(sinceLabel("2025-03-01T07:00:00Z", now)).toBe("3 h ago");
  });

  it("says off, scheduled-only with the reason, or the error with retrying", () => {
    expect(liveStatus(view(watch("live", null, false)), now)).toMatchObject({ tone: "off", label: "Continuous scanning off" });
    expect(liveStatus(view(watch("fallback", "may not watch secrets")), now)).toMatchObject({ tone: "fallback", label: "Scheduled scans only: may not watch secrets" });
    expect(liveStatus(view(watch("error", "connection refused")), now)).toMatchObject({ tone: "error", label: "Watch failed: connection refused · retrying" });
    expect(liveStatus(view(watch("starting")), now).tone).toBe("pending");
  });

  it("counts live clusters organization-wide", () => {
    expect(liveStatus(view({ live: 2, clusters: 3 }), now).label).toBe("Live · 2 of 3 clusters · last change 12 s ago");
    expect(liveStatus(view({ live: 3, clusters: 3 }), now).label).toBe("Live · all 3 clusters · last change 12 s ago");
    expect(liveStatus(view({ live: 0, clusters: 3 }), now).tone).toBe("off");
  });
});

describe("userIsBusy", () => {
  const doc = (open: boolean, active: Partial<HTMLInputElement> | null) =>
    ({ querySelector: () => (open ? {} : null), activeElement: active }) as unknown as Document;
  it("is busy while a dialog is open or a text field has focus, not for a checkbox or a link", () => {
    expect(userIsBusy(doc(true, null))).toBe(true);
    expect(userIsBusy(doc(false, { tagName: "INPUT", type: "search" }))).toBe(true);
    expect(userIsBusy(doc(false, { tagName: "TEXTAREA" }))).toBe(true);
    expect(userIsBusy(doc(false, { tagName: "INPUT", type: "checkbox" }))).toBe(false);
    expect(userIsBusy(doc(false, { tagName: "A" }))).toBe(false);
    expect(userIsBusy(doc(false, null))).toBe(false);
  });
});
