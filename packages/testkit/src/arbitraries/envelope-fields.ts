import fc from "fast-check";
import type { JsonObject, JsonValue } from "@livepeer-analytics/core";

/** `n` lowercase hex chars. */
export function hexString(n: number): fc.Arbitrary<string> {
  return fc.stringMatching(new RegExp(`^[0-9a-f]{${n}}$`));
}

/** A wallet `0x` + 40 hex chars, lower- or mixed-case (as producers send them). */
export function walletAddress(): fc.Arbitrary<string> {
  return fc
    .tuple(hexString(40), fc.boolean(), fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }))
    .map(
      ([h, mixed, ups]) =>
        "0x" + (mixed ? [...h].map((c, i) => (ups[i] === true ? c.toUpperCase() : c)).join("") : h),
    );
}

/** An event id: a v4 UUID (as every real producer sends). */
export function eventId(): fc.Arbitrary<string> {
  return fc.uuid({ version: 4 });
}

/** A stream id: `aiJobTesterStream-<19 digits>` or `stream-<6>-<8>` (both real shapes). */
export function streamId(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.stringMatching(/^[0-9]{19}$/).map((d) => `aiJobTesterStream-${d}`),
    fc
      .tuple(fc.stringMatching(/^[0-9a-z]{6}$/), fc.stringMatching(/^[0-9a-z]{8}$/))
      .map(([a, b]) => `stream-${a}-${b}`),
  );
}

/** A request id: 8 lowercase hex chars. */
export function requestId(): fc.Arbitrary<string> {
  return hexString(8);
}

/** A gateway name (real ones, plus the empty string real test events carry). */
export function gatewayName(): fc.Arbitrary<string> {
  return fc.constantFrom(
    "",
    "cloud-spe-ai-live-video-tester-fra",
    "cloud-spe-ai-live-video-tester-mdw",
    "cloud-spe-ai-llm-sea",
    "naap-gateway",
  );
}

/** A model label as carried in `pipeline` by status and AI events. */
export function modelLabel(): fc.Arbitrary<string> {
  return fc.constantFrom(
    "streamdiffusion-sdxl",
    "streamdiffusion-sdxl-v2v",
    "streamdiffusion-sdxl-faceid",
    "streamdiffusion",
    "noop",
  );
}

/** An orchestrator service URL. */
export function orchestratorUrl(): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.constantFrom("rtv", "ai", "orch", "node"),
      fc.constantFrom("nullworks.xyz", "nightnode.net", "example.org"),
      fc.integer({ min: 1024, max: 65535 }),
    )
    .map(([h, d, p]) => `https://${h}.${d}:${p}`);
}

/** Epoch ms in a realistic window (2023-11 … 2030-03). */
export function epochMs(): fc.Arbitrary<number> {
  return fc.integer({ min: 1_700_000_000_000, max: 1_900_000_000_000 });
}

/**
 * A `timestamp` value that `ts` (events.md §1.2) accepts: a JSON number (sometimes fractional),
 * a digit string (sometimes padded with spaces or leading zeros), or a range boundary
 * (0 and 9,999,999,999,999).
 */
export function validTimestampValue(): fc.Arbitrary<JsonValue> {
  return fc.oneof(
    { weight: 4, arbitrary: epochMs().map(String) },
    { weight: 3, arbitrary: epochMs() },
    { weight: 1, arbitrary: epochMs().map((t) => t + 0.9) },
    { weight: 1, arbitrary: epochMs().map((t) => ` ${t} `) },
    { weight: 1, arbitrary: epochMs().map((t) => `000${t}`) },
    {
      weight: 1,
      arbitrary: fc.constantFrom<JsonValue>(0, "0", 9_999_999_999_999, "9999999999999"),
    },
  );
}

/** A version the default supported set accepts (`1`, `v1`; numbers truncate: 1.9 → "1"). */
export function supportedVersion(): fc.Arbitrary<JsonValue> {
  return fc.constantFrom<JsonValue>("1", "v1", 1, 1.9);
}

/** Common envelope parts around a family payload. */
export interface EnvelopeParts {
  readonly id: string | undefined;
  readonly timestamp: JsonValue;
  readonly gateway: string | undefined;
  readonly version: JsonValue | undefined;
  readonly replay: boolean | undefined;
}

/**
 * Envelope fields shared by every family: id (always when `idRequired`, else sometimes absent or
 * `""`), valid timestamp, optional gateway, optional supported version, optional `__replay`.
 */
export function envelopeParts(idRequired: boolean): fc.Arbitrary<EnvelopeParts> {
  const id = idRequired
    ? eventId()
    : fc.oneof({ weight: 6, arbitrary: eventId() }, fc.constant(undefined), fc.constant(""));
  return fc.record({
    id,
    timestamp: validTimestampValue(),
    gateway: fc.option(gatewayName(), { nil: undefined }),
    version: fc.option(supportedVersion(), { nil: undefined, freq: 4 }),
    replay: fc.option(fc.boolean(), { nil: undefined, freq: 2 }),
  });
}

/** Assembles an envelope in the real key order: id, type, timestamp, gateway, version, data, __replay. */
export function assembleEnvelope(type: string, parts: EnvelopeParts, data: JsonValue): JsonObject {
  const env: JsonObject = {};
  if (parts.id !== undefined) env["id"] = parts.id;
  env["type"] = type;
  env["timestamp"] = parts.timestamp;
  if (parts.gateway !== undefined) env["gateway"] = parts.gateway;
  if (parts.version !== undefined) env["version"] = parts.version;
  env["data"] = data;
  if (parts.replay !== undefined) env["__replay"] = parts.replay;
  return env;
}

/** Sets `obj[key] = value` unless value is undefined (for optional payload keys). */
export function putOptional(obj: JsonObject, key: string, value: JsonValue | undefined): void {
  if (value !== undefined) obj[key] = value;
}
