import { describe, expect, it } from "vitest";
import {
  EMPTY_PAYLOAD_SHA256,
  encodeRfc3986,
  sha256Hex,
  signSigV4,
} from "../../src/services/sigv4.js";

// The worked examples of the S3 SigV4 documentation ("Examples: Signature calculations",
// https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html).
const credentials = {
  accessKeyId: "AKIAIOSFODNN7EXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
  region: "us-east-1",
  service: "s3",
};
const date = new Date("2013-05-24T00:00:00Z");
const bucket = "https://examplebucket.s3.amazonaws.com";

function signature(headers: Record<string, string>): string | undefined {
  return /Signature=([0-9a-f]{64})$/.exec(headers["authorization"] ?? "")?.[1];
}

describe("signSigV4 (AWS documentation vectors)", () => {
  it("GET object with a range header", () => {
    const headers = signSigV4(
      {
        method: "GET",
        url: new URL(`${bucket}/test.txt`),
        headers: { Range: "bytes=0-9" },
        payloadSha256: EMPTY_PAYLOAD_SHA256,
      },
      credentials,
      date,
    );
    expect(headers["x-amz-date"]).toBe("20130524T000000Z");
    expect(headers["authorization"]).toContain(
      "Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, " +
        "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,",
    );
    expect(signature(headers)).toBe(
      "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41",
    );
    expect(headers["host"]).toBeUndefined();
  });

  it("PUT object: encoded key, extra signed headers, payload hash", () => {
    const body = "Welcome to Amazon S3.";
    const headers = signSigV4(
      {
        method: "PUT",
        url: new URL(`${bucket}/test%24file.text`),
        headers: {
          Date: "Fri, 24 May 2013 00:00:00 GMT",
          "x-amz-storage-class": "REDUCED_REDUNDANCY",
        },
        payloadSha256: sha256Hex(body),
      },
      credentials,
      date,
    );
    expect(headers["x-amz-content-sha256"]).toBe(
      "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072",
    );
    expect(signature(headers)).toBe(
      "98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd",
    );
  });

  it("GET bucket listing: query parameters sorted and encoded", () => {
    const headers = signSigV4(
      {
        method: "GET",
        url: new URL(`${bucket}/?prefix=J&max-keys=2`),
        payloadSha256: EMPTY_PAYLOAD_SHA256,
      },
      credentials,
      date,
    );
    expect(signature(headers)).toBe(
      "34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7",
    );
  });
});

describe("encodeRfc3986", () => {
  it("leaves only unreserved characters bare", () => {
    expect(encodeRfc3986("a-b_c.d~e")).toBe("a-b_c.d~e");
    expect(encodeRfc3986("a b/c!'()*$+")).toBe("a%20b%2Fc%21%27%28%29%2A%24%2B");
    expect(encodeRfc3986("é")).toBe("%C3%A9");
  });
});
