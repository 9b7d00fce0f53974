// Node-only entry `@livepeer-analytics/testkit/services`: real services for integration tests
// (child processes, node:crypto, kafkajs), kept out of the main entry. Explicit named exports only.

export type { KafkaBrokerOptions, KafkaBroker } from "./kafka-broker.js";
export { startKafkaBroker } from "./kafka-broker.js";
export type { S3ServerOptions, S3Server } from "./s3-server.js";
export { S3_TEST_CREDENTIALS, startS3Server } from "./s3-server.js";
export type { S3Endpoint, S3RequestInit } from "./s3-client.js";
export { s3Fetch, createBucket, putObject, listKeys } from "./s3-client.js";
export type { SigV4Credentials, SigV4Request } from "./sigv4.js";
export { EMPTY_PAYLOAD_SHA256, encodeRfc3986, sha256Hex, signSigV4 } from "./sigv4.js";
export { freePorts } from "./free-ports.js";
