import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { EVENT_FAMILIES } from "../../src/arbitraries/expected-outcome.js";
import type { RecordCase } from "../../src/arbitraries/expected-outcome.js";
import {
  familyEnvelope,
  unknownTypeEnvelope,
  validEnvelope,
} from "../../src/arbitraries/valid-envelope.js";
import {
  badTimestampCase,
  emptyArrayCase,
  invalidDataShapeCase,
  missingDataCase,
  missingFieldCase,
  missingTypeCase,
  nonJsonCase,
  nullPayloadCase,
  rootNotObjectCase,
  unsupportedVersionCase,
  wrongTypeAcceptedCase,
} from "../../src/arbitraries/malformed-record.js";
import {
  deepNestingCase,
  hugeStringCase,
  oddUnicodeCase,
  utf8BytesCase,
} from "../../src/arbitraries/edge-case-records.js";
import {
  anyRecord,
  anyRecordCase,
  malformedCase,
  malformedRecord,
} from "../../src/arbitraries/any-record.js";
import { checkRecord } from "../support/record-checker.js";

const matches = (c: RecordCase): void => {
  expect(checkRecord(c.record), c.label).toEqual(c.expected);
};

describe("valid envelopes", () => {
  it("validEnvelope() passes every §4 check", () => {
    fc.assert(
      fc.property(validEnvelope(), (env) => {
        expect(checkRecord(JSON.stringify(env))).toEqual({ kind: "accepted" });
      }),
      { numRuns: 500 },
    );
  });

  it.each(EVENT_FAMILIES)("familyEnvelope(%s) has that type and is accepted", (family) => {
    fc.assert(
      fc.property(familyEnvelope(family), (env) => {
        expect(env["type"]).toBe(family);
        expect(Object.keys(env).slice(0, 3)).toContain("type");
        expect(checkRecord(JSON.stringify(env))).toEqual({ kind: "accepted" });
      }),
      { numRuns: 150 },
    );
  });

  it("stream_trace always carries a non-empty id; other families sometimes have none", () => {
    fc.assert(
      fc.property(familyEnvelope("stream_trace"), (env) => {
        expect(typeof env["id"] === "string" && env["id"] !== "").toBe(true);
      }),
      { numRuns: 200 },
    );
    const ids = fc
      .sample(familyEnvelope("ai_stream_status"), { numRuns: 300, seed: 1 })
      .map((e) => e["id"]);
    expect(ids.some((id) => id === undefined)).toBe(true);
    expect(ids.some((id) => typeof id === "string" && id.length === 36)).toBe(true);
  });

  it("unknownTypeEnvelope() is accepted as unknown", () => {
    fc.assert(
      fc.property(unknownTypeEnvelope(), (env) => {
        expect(checkRecord(JSON.stringify(env))).toEqual({ kind: "unknown" });
      }),
      { numRuns: 300 },
    );
  });
});

describe("malformed records produce exactly their tagged outcome", () => {
  const arbs: ReadonlyArray<
    readonly [string, fc.Arbitrary<RecordCase>, RecordCase["expected"]["kind"]]
  > = [
    ["null_payload", nullPayloadCase(), "rejected"],
    ["json_parse_error", nonJsonCase(), "rejected"],
    ["root_not_object", rootNotObjectCase(), "rejected"],
    ["missing_type", missingTypeCase(), "rejected"],
    ["missing_timestamp", badTimestampCase(), "rejected"],
    ["missing_data", missingDataCase(), "rejected"],
    ["unsupported_version", unsupportedVersionCase(), "rejected"],
    ["missing_field", missingFieldCase(), "rejected"],
    ["empty_array", emptyArrayCase(), "rejected"],
    ["invalid_data_shape", invalidDataShapeCase(), "rejected"],
    ["wrong types", wrongTypeAcceptedCase(), "accepted"],
    ["odd unicode", oddUnicodeCase(), "accepted"],
    ["deep nesting", deepNestingCase({ nestingDepth: 300 }), "accepted"],
    ["utf8 bytes", utf8BytesCase(), "accepted"],
  ];
  it.each(arbs)("%s", (_name, arb, kind) => {
    fc.assert(
      fc.property(arb, (c) => {
        expect(c.expected.kind).toBe(kind);
        matches(c);
      }),
      { numRuns: 200 },
    );
  });

  it("rejected cases name their reason in the label", () => {
    fc.assert(
      fc.property(malformedCase(), (c) => {
        if (c.expected.kind === "rejected")
          expect(c.label.startsWith(c.expected.reason)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("missing_field covers every required path of §4", () => {
    const details = new Set(
      fc
        .sample(missingFieldCase(), { numRuns: 2000, seed: 7 })
        .map((c) =>
          c.expected.kind === "rejected" ? (c.expected.detail ?? c.expected.reason) : "",
        ),
    );
    for (const p of [
      "id",
      "data",
      "data.stream_id",
      "data.request_id",
      "data.pipeline",
      "data.type",
      "data.sessionID",
      "data.winProb",
      "missing_data",
    ]) {
      expect(details.has(p), p).toBe(true);
    }
  });

  it("malformedCase() mixes everything and matches the checker", () => {
    fc.assert(fc.property(malformedCase(), matches), { numRuns: 1000 });
  });

  it("huge strings (≥ 1 MB) are tagged record_too_large", () => {
    fc.assert(
      fc.property(hugeStringCase(), (c) => {
        expect(typeof c.record === "string" && c.record.length > 1_000_000).toBe(true);
        matches(c);
      }),
      { numRuns: 4 },
    );
  });

  it("odd unicode reaches lone surrogates, U+0000, U+FEFF and U+00A0", () => {
    const labels = fc.sample(oddUnicodeCase(), { numRuns: 400, seed: 3 }).map((c) => c.label);
    for (const u of ["U+D800", "U+DFFF", "U+0000", "U+FEFF", "U+00A0"])
      expect(
        labels.some((l) => l.includes(u)),
        u,
      ).toBe(true);
  });
});

describe("anyRecord", () => {
  it("anyRecordCase() matches the checker and yields every kind", () => {
    fc.assert(fc.property(anyRecordCase(), matches), { numRuns: 600 });
    const kinds = new Set(
      fc.sample(anyRecordCase(), { numRuns: 300, seed: 5 }).map((c) => c.expected.kind),
    );
    expect([...kinds].sort()).toEqual(["accepted", "rejected", "unknown"]);
  });

  it("untagged forms are strings, bytes or null", () => {
    const ok = (r: unknown): boolean =>
      r === null || typeof r === "string" || r instanceof Uint8Array;
    fc.assert(
      fc.property(anyRecord(), (r) => ok(r)),
      { numRuns: 200 },
    );
    const sample = fc.sample(malformedRecord(), { numRuns: 500, seed: 11 });
    expect(sample.every(ok)).toBe(true);
    expect(sample.some((r) => r === null)).toBe(true);
    expect(sample.some((r) => r instanceof Uint8Array)).toBe(true);
  });
});
