// canonicalPipeline (sessions.md §7.5) in SQL against core's, on blank, case and unicode edges.
import { canonicalPipeline } from "@livepeer-analytics/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canonicalPipelineSql } from "../../src/views/pipeline-sql.js";
import { openServingDb, type ServingDb } from "./serving-db.js";

const VALUES = [
  "",
  " ",
  "\t\n\u0000",
  "\u00a0",
  "live-video-to-video",
  "streamdiffusion-sdxl",
  " STREAMDIFFUSION-SDXL\t",
  "StreamDiffusion-SDXL\u00a0",
  "ÄÖÜ-model",
  "äöü-MODEL",
  "ΣΊΣΥΦΟΣ",
  "σίσυφος",
  "İstanbul",
  "i̇stanbul",
  "straße",
  "STRASSE",
  "😀x",
];

let sdb: ServingDb;
beforeAll(async () => {
  sdb = await openServingDb("pipeline");
});
afterAll(() => sdb.close());

describe("canonicalPipelineSql", () => {
  it("equals core's canonicalPipeline on every pair of edge values (and null models)", async () => {
    const pairs: [string, string | null][] = [];
    for (const p of VALUES) for (const m of [...VALUES, null]) pairs.push([p, m]);
    const rows = await sdb.db.query<{ c: string }>(
      `SELECT ${canonicalPipelineSql("p", "m")} AS c
       FROM (SELECT arrayJoin(arrayZip({ps:Array(String)}, {ms:Array(Nullable(String))})) AS t, t.1 AS p, t.2 AS m)`,
      { params: { ps: pairs.map(([p]) => p), ms: pairs.map(([, m]) => m) } },
    );
    expect(rows.map((r) => r.c)).toEqual(pairs.map(([p, m]) => canonicalPipeline(p, m)));
  });
});
