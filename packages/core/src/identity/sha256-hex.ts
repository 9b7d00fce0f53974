import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";

/** A SHA-256 of the UTF-8 bytes of a string, as 64 lowercase hex chars (injectable: Node callers may pass a native one). */
export type Sha256Hex = (utf8: string) => string;

/**
 * `sha256hex(s)` of sessions.md §1 in pure JavaScript (`@noble/hashes`), usable in browsers.
 * @example sha256Hex("") === "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
 */
export const sha256Hex: Sha256Hex = (s) => bytesToHex(sha256(utf8ToBytes(s)));
