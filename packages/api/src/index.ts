export {
  createApiServer,
  DEFAULT_REQUEST_TIMEOUT_MS,
  type ApiServerOptions,
} from "./server/create-api-server.js";
export {
  ENDPOINTS,
  GPU_METRICS_ENDPOINT,
  NETWORK_DEMAND_ENDPOINT,
  SLA_COMPLIANCE_ENDPOINT,
  type EndpointSpec,
  type ResolvedQuery,
  type ServingRow,
} from "./endpoints/endpoint-spec.js";
export { openApiDocument } from "./openapi/openapi-document.js";
export { resolveQuery, DEFAULT_WINDOW_MS } from "./params/serving-query.js";
export { querySchema, MAX_CURSOR_LENGTH, MAX_FILTER_LENGTH } from "./params/query-schema.js";
export { parseRfc3339, formatRfc3339 } from "./params/rfc3339.js";
export {
  HttpProblem,
  ProblemSchema,
  PROBLEM_CONTENT_TYPE,
  type InvalidParamEntry,
  type Problem,
} from "./http/problem.js";
export { QueryTimeoutError } from "./server/deadline.js";
