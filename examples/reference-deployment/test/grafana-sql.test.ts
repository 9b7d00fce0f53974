import { describe, expect, it } from "vitest";
import { expandPanelSql, UnsupportedSqlError, type QueryContext } from "./support/grafana-sql.js";

const ctx = (orchestrator: "all" | string[]): QueryContext => ({
  fromMs: 1_771_977_600_123,
  toMs: 1_772_064_000_456,
  intervalS: 3600,
  variables: new Map([["orchestrator", orchestrator]]),
  allValues: new Map([["orchestrator", ["0xa", "0xb"]]]),
});

describe("Grafana + ClickHouse plugin expansion", () => {
  it("expands the plugin's time macros", () => {
    expect(expandPanelSql("WHERE $__timeFilter(ts)", ctx("all"))).toBe(
      "WHERE ts >= toDateTime(1771977600) AND ts <= toDateTime(1772064000)",
    );
    expect(expandPanelSql("$__timeFilter_ms(ts)", ctx("all"))).toBe(
      "ts >= fromUnixTimestamp64Milli(1771977600123) AND ts <= fromUnixTimestamp64Milli(1772064000456)",
    );
    expect(expandPanelSql("$__timeInterval(ts) $__interval_s $__fromTime", ctx("all"))).toBe(
      "toStartOfInterval(toDateTime(ts), INTERVAL 3600 second) 3600 toDateTime(1771977600)",
    );
    expect(expandPanelSql("$__dateFilter(d)", ctx("all"))).toBe(
      "d >= toDate('2026-02-25') AND d <= toDate('2026-02-26')",
    );
  });

  it("conditionalAll: 1=1 on All, the condition with quoted values otherwise", () => {
    const sql = "$__conditionalAll(o IN (${orchestrator:singlequote}),$orchestrator)";
    expect(expandPanelSql(sql, ctx("all"))).toBe("1=1");
    expect(expandPanelSql(sql, ctx(["0xa", "it's"]))).toBe("o IN ('0xa','it\\'s')");
    expect(expandPanelSql("o IN (${orchestrator:singlequote})", ctx("all"))).toBe(
      "o IN ('0xa','0xb')",
    );
    expect(expandPanelSql("$__conditionalAll(f(a, b) = 1,$orchestrator)", ctx(["x"]))).toBe(
      "f(a, b) = 1",
    );
  });

  it("refuses what it does not know", () => {
    expect(() => expandPanelSql("$__unixEpochFilter(ts)", ctx("all"))).toThrow(UnsupportedSqlError);
    expect(() => expandPanelSql("${nope:singlequote}", ctx("all"))).toThrow(UnsupportedSqlError);
    expect(() => expandPanelSql("${orchestrator:regex}", ctx("all"))).toThrow(UnsupportedSqlError);
    expect(() => expandPanelSql("$nope", ctx("all"))).toThrow(UnsupportedSqlError);
  });
});
