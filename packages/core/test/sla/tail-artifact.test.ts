import { describe, it, expect } from "vitest";
import { dropTailArtifacts } from "../../src/sla/tail-artifact.js";
import { session, status, T } from "./fixtures.js";

const H20 = T; // 2026-02-25T20:00:00Z
const H21 = T + 3_600_000;
const x = session({
  workflow_session_id: "X",
  session_start_ts: H20 - 1_800_000,
  session_end_ts: H21 + 10_000,
});
const loading = (uid: string, ts: number) =>
  status({
    workflow_session_id: "X",
    source_event_uid: uid,
    sample_ts: ts,
    state: "LOADING",
    output_fps: 0,
  });

describe("terminal-tail artifact (serving.md §5.1)", () => {
  it("spec example: the 21:00 group is dropped, the 20:00 group kept", () => {
    const a = loading("a", H21 - 1000); // 20:59:59
    const b = loading("b", H21 + 5000); // 21:00:05
    const kept = dropTailArtifacts([a, b], new Map([["X", x]]));
    expect(kept).toEqual([a]);
  });
  it("kept when the last hour did work (fps > 0, a running state, or ≥ 3 samples)", () => {
    const a = loading("a", H21 - 1000);
    const sessions = new Map([["X", x]]);
    for (const b of [
      status({ ...loading("b", H21 + 5000), output_fps: 1 }),
      status({ ...loading("b", H21 + 5000), state: "DEGRADED_INPUT" }),
    ])
      expect(dropTailArtifacts([a, b], sessions)).toHaveLength(2);
    const three = [loading("b", H21 + 1), loading("c", H21 + 2), loading("d", H21 + 3)];
    expect(dropTailArtifacts([a, ...three], sessions)).toHaveLength(4);
  });
  it("kept when the previous hour did work or has no sample under the same key", () => {
    const sessions = new Map([["X", x]]);
    const b = loading("b", H21 + 5000);
    expect(
      dropTailArtifacts([status({ ...loading("a", H21 - 1000), state: "ONLINE" }), b], sessions),
    ).toHaveLength(2);
    expect(
      dropTailArtifacts([status({ ...loading("a", H21 - 1000), gpu_id: "GPU-B" }), b], sessions),
    ).toHaveLength(2);
    expect(dropTailArtifacts([b], sessions)).toHaveLength(1);
  });
  it("kept when the session started in that hour, did not end in it, or is open or absent", () => {
    const a = loading("a", H21 - 1000);
    const b = loading("b", H21 + 5000);
    for (const s of [
      session({ ...x, session_start_ts: H21 }),
      session({ ...x, session_end_ts: H21 + 3_600_000 }),
      session({ ...x, session_end_ts: null }),
    ])
      expect(dropTailArtifacts([a, b], new Map([["X", s]]))).toHaveLength(2);
    expect(dropTailArtifacts([a, b], new Map())).toHaveLength(2);
  });
});
