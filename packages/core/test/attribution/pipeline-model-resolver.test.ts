import { describe, expect, it } from "vitest";
import {
  canonicalPipeline,
  parsePipelineModelMode,
  resolvePipelineModel,
} from "../../src/attribution/pipeline-model-resolver.js";

const hints = (p: string, m = p) => ({ pipeline: p, pipelineHint: p, modelHint: m });

describe("pipeline/model resolver (sessions.md §7.5)", () => {
  it("canonicalPipeline examples", () => {
    expect(canonicalPipeline("streamdiffusion-sdxl", "STREAMDIFFUSION-SDXL")).toBe("");
    expect(canonicalPipeline("live-video-to-video", "streamdiffusion-sdxl")).toBe(
      "live-video-to-video",
    );
    expect(canonicalPipeline("", "x")).toBe("");
    expect(canonicalPipeline("  ", null)).toBe("");
    expect(canonicalPipeline("p", null)).toBe("p");
  });

  it("legacy example", () => {
    expect(
      resolvePipelineModel(
        "legacy_misnamed",
        hints("streamdiffusion-sdxl"),
        "",
        null,
        "live-video-to-video",
        "streamdiffusion-sdxl",
      ),
    ).toEqual({
      pipeline: "live-video-to-video",
      model: "streamdiffusion-sdxl",
      hint: "streamdiffusion-sdxl",
    });
  });

  it("native example", () => {
    const signal = {
      pipeline: "text-to-image",
      pipelineHint: "text-to-image",
      modelHint: "SG161222/RealVisXL_V4.0_Lightning",
    };
    expect(
      resolvePipelineModel(
        "native_correct",
        signal,
        "",
        null,
        "live-video-to-video",
        "streamdiffusion-sdxl",
      ),
    ).toEqual({
      pipeline: "text-to-image",
      model: "SG161222/RealVisXL_V4.0_Lightning",
      hint: "SG161222/RealVisXL_V4.0_Lightning",
    });
  });

  it("legacy: a model label never becomes the pipeline (§8.2 example)", () => {
    const r = resolvePipelineModel(
      "legacy_misnamed",
      hints("streamdiffusion-sdxl-v2v"),
      "",
      null,
      "",
      "",
    );
    expect(r.pipeline).toBe("");
    expect(r.model).toBe("streamdiffusion-sdxl-v2v");
  });

  it("legacy: state model is the hint when the signal has none", () => {
    const r = resolvePipelineModel(
      "legacy_misnamed",
      hints(""),
      "live-video-to-video",
      "sd",
      "",
      "",
    );
    expect(r).toEqual({ pipeline: "live-video-to-video", model: "sd", hint: "sd" });
  });

  it("mode parsing", () => {
    expect(parsePipelineModelMode(null)).toBe("legacy_misnamed");
    expect(parsePipelineModelMode("legacy")).toBe("legacy_misnamed");
    expect(parsePipelineModelMode("x")).toBe("legacy_misnamed");
    expect(parsePipelineModelMode(" Native ")).toBe("native_correct");
    expect(parsePipelineModelMode("NATIVE_CORRECT")).toBe("native_correct");
  });
});
