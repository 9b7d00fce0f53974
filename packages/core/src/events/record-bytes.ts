/** The part of the WHATWG TextDecoder / TextEncoder this package uses (present in browsers and Node). */
interface Utf8Codec {
  readonly TextDecoder: new (label?: string) => { decode(input: Uint8Array): string };
  readonly TextEncoder: new () => { encode(input: string): Uint8Array };
}

const codec = globalThis as unknown as Utf8Codec;
let decoder: { decode(input: Uint8Array): string } | undefined;
let encoder: { encode(input: string): Uint8Array } | undefined;

/**
 * Decodes record bytes as UTF-8 (events.md §2): malformed sequences become U+FFFD; a leading BOM
 * is dropped (WHATWG decode).
 */
export function decodeUtf8(bytes: Uint8Array): string {
  decoder ??= new codec.TextDecoder("utf-8");
  return decoder.decode(bytes);
}

/** UTF-8 bytes of a string (lone surrogates become U+FFFD). */
export function encodeUtf8(s: string): Uint8Array {
  encoder ??= new codec.TextEncoder();
  return encoder.encode(s);
}

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/**
 * Standard base64 (RFC 4648, padded) of bytes — the `payload_body` of a JSON parse failure
 * (events.md §5.2).
 * @example toBase64(new Uint8Array([110, 111])) === "bm8="
 */
export function toBase64(bytes: Uint8Array): string {
  let out = "";
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out +=
      ALPHABET[n >>> 18]! +
      ALPHABET[(n >>> 12) & 63]! +
      ALPHABET[(n >>> 6) & 63]! +
      ALPHABET[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += ALPHABET[n >>> 18]! + ALPHABET[(n >>> 12) & 63]! + "==";
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += ALPHABET[n >>> 18]! + ALPHABET[(n >>> 12) & 63]! + ALPHABET[(n >>> 6) & 63]! + "=";
  }
  return out;
}
