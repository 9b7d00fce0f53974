import { gpuMetricsViewSql, networkDemandViewSql, slaComplianceViewSql } from "./api-views-sql.js";
import {
  capabilityCurrentSql,
  latestLatencySql,
  latestPaymentsSql,
  latestSegmentsSql,
  latestSessionsSql,
  latestStatusSql,
} from "./latest-bases-sql.js";

/** Every view statement, in creation order (a view is created after the views it reads). */
export function viewStatements(db: string): string[] {
  return [
    latestSessionsSql(db),
    latestLatencySql(db),
    latestStatusSql(db),
    latestPaymentsSql(db),
    latestSegmentsSql(db),
    capabilityCurrentSql(db),
    gpuMetricsViewSql(db),
    networkDemandViewSql(db),
    slaComplianceViewSql(db),
  ];
}
