import { escapeHtml as h } from "./html-escape.js";

type JsonObject = Record<string, unknown>;

const obj = (v: unknown): JsonObject =>
  v !== null && typeof v === "object" && !Array.isArray(v) ? (v as JsonObject) : {};
const str = (v: unknown): string => (typeof v === "string" ? v : "");

/** A short type label of a JSON Schema: `string`, `integer | null`, `"1h" | "1d"`, `Meta`. */
function typeLabel(schema: JsonObject): string {
  const ref = str(schema["$ref"]);
  if (ref !== "") return ref.slice(ref.lastIndexOf("/") + 1);
  if (Array.isArray(schema["enum"]))
    return schema["enum"].map((e) => JSON.stringify(e)).join(" | ");
  if (schema["const"] !== undefined) return JSON.stringify(schema["const"]);
  if (Array.isArray(schema["anyOf"]))
    return schema["anyOf"].map((s) => typeLabel(obj(s))).join(" | ");
  const t = schema["type"];
  if (Array.isArray(t)) return t.join(" | ");
  if (t === "array") return `${typeLabel(obj(schema["items"]))}[]`;
  return str(t) + (schema["format"] !== undefined ? ` (${str(schema["format"])})` : "");
}

function constraints(schema: JsonObject): string {
  const parts: string[] = [];
  if (schema["pattern"] !== undefined) parts.push(`pattern ${str(schema["pattern"])}`);
  if (schema["maxLength"] !== undefined)
    parts.push(`≤ ${JSON.stringify(schema["maxLength"])} chars`);
  return parts.join(", ");
}

function parametersTable(params: readonly JsonObject[]): string {
  const rows = params.map((p) => {
    const s = obj(p["schema"]);
    return `<tr><td><code>${h(str(p["name"]))}</code></td><td>${h(str(p["in"]))}</td><td>${h(typeLabel(s))}</td><td>${h(str(p["description"]))}${constraints(s) === "" ? "" : `<br><small>${h(constraints(s))}</small>`}</td></tr>`;
  });
  return `<table><thead><tr><th>Parameter</th><th>In</th><th>Type</th><th>Description</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

function tryForm(path: string, params: readonly JsonObject[]): string {
  const inputs = params
    .filter((p) => p["in"] === "query")
    .map((p) => {
      const name = h(str(p["name"]));
      const hint = h(str(p["example"]));
      return `<label>${name} <input name="${name}" placeholder="${hint}"></label>`;
    });
  return `<form class="try" method="get" action="${h(path)}">${inputs.join("")}<button type="submit">GET ${h(path)}</button></form>`;
}

function responsesList(responses: JsonObject): string {
  const items = Object.entries(responses).map(
    ([status, r]) => `<li><b>${h(status)}</b> ${h(str(obj(r)["description"]))}</li>`,
  );
  return `<ul>${items.join("")}</ul>`;
}

function schemaSection(name: string, schema: JsonObject): string {
  const props = obj(schema["properties"]);
  const required = new Set(
    Array.isArray(schema["required"]) ? (schema["required"] as string[]) : [],
  );
  const rows = Object.entries(props).map(([field, s]) => {
    const fs = obj(s);
    return `<tr><td><code>${h(field)}</code>${required.has(field) ? "" : " <small>(optional)</small>"}</td><td>${h(typeLabel(fs))}</td><td>${h(str(fs["description"]))}</td></tr>`;
  });
  return `<section id="schema-${h(name)}"><h3>${h(name)}</h3><p>${h(str(schema["description"]))}</p><table><thead><tr><th>Field</th><th>Type</th><th>Description</th></tr></thead><tbody>${rows.join("")}</tbody></table></section>`;
}

function operationSection(path: string, op: JsonObject): string {
  const params = (Array.isArray(op["parameters"]) ? op["parameters"] : []).map(obj);
  return `<section class="op" id="op-${h(str(op["operationId"]))}"><h2><span class="method">GET</span> <code>${h(path)}</code></h2><p><b>${h(str(op["summary"]))}</b></p><p>${h(str(op["description"]))}</p>${params.length > 0 ? parametersTable(params) + tryForm(path, params) : ""}<h4>Responses</h4>${responsesList(obj(op["responses"]))}</section>`;
}

const STYLE = `body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:72rem;padding:1rem 2rem;color:#1d232a}
code{font:13px ui-monospace,monospace;background:#f1f3f5;padding:0 .2em;border-radius:3px}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}th,td{border-bottom:1px solid #dde1e5;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f7f8f9}.method{background:#2f7d32;color:#fff;border-radius:4px;padding:0 .4em;font-size:80%}
section.op{border-top:2px solid #dde1e5;margin-top:2rem}nav a{margin-right:1rem}
form.try{display:flex;flex-wrap:wrap;gap:.4rem .8rem;background:#f7f8f9;padding:.6rem;border-radius:6px}
form.try input{width:11rem}small{color:#5c6670}`;

/**
 * The browsable API reference at `/docs`: a self-contained HTML page rendered on the server from
 * the OpenAPI document (every operation, its parameters with a "try it" form, its responses, and
 * every schema's fields). No external resources; `/docs/try.js` only drops empty form fields.
 */
export function docsPage(doc: JsonObject): string {
  const info = obj(doc["info"]);
  const paths = obj(doc["paths"]);
  const schemas = obj(obj(doc["components"])["schemas"]);
  const ops = Object.entries(paths).map(([p, item]) => operationSection(p, obj(obj(item)["get"])));
  const nav = Object.keys(paths).map(
    (p) => `<a href="#op-${h(str(obj(obj(paths[p])["get"])["operationId"]))}">${h(p)}</a>`,
  );
  const defs = Object.entries(schemas).map(([n, s]) => schemaSection(n, obj(s)));
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${h(str(info["title"]))} — reference</title><link rel="icon" href="data:,"><style>${STYLE}</style></head>
<body><header><h1>${h(str(info["title"]))} <small>v${h(str(info["version"]))}</small></h1>
<p>${h(str(info["description"]))}</p>
<nav>${nav.join("")}<a href="/openapi.json">openapi.json</a><a href="/">dashboard</a></nav></header>
<main>${ops.join("")}<section><h2>Schemas</h2>${defs.join("")}</section></main>
<script src="/docs/try.js"></script></body></html>`;
}

/** Script of the "try it" forms: submit only the fields that were filled in. */
export const DOCS_SCRIPT = `document.querySelectorAll("form.try").forEach(function (f) {
  f.addEventListener("submit", function () {
    f.querySelectorAll("input").forEach(function (i) { if (i.value === "") i.disabled = true; });
    setTimeout(function () { f.querySelectorAll("input").forEach(function (i) { i.disabled = false; }); }, 0);
  });
});
`;
