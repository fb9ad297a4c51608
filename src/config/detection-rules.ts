// What counts as evidence of each project type. Weight 3 is decisive on its own (a framework, a DAG
// tool, Terraform); weight 1–2 is supporting (a Dockerfile is common in any kind of project).
import type { TemplateName } from "./templates.js";

export interface ProjectFiles {
  /** Repository-relative paths with forward slashes. */
  paths: readonly string[];
  /** Contents of the files `wantsContent` selected, by path. */
  contents: Readonly<Record<string, string>>;
}

export interface DetectionRule {
  type: TemplateName;
  weight: number;
  /** Returns what was found (for the evidence line), or undefined when the rule does not fire. */
  match: (files: ProjectFiles) => { what: string; files: string[] } | undefined;
}

const base = (path: string): string => path.slice(path.lastIndexOf("/") + 1);
const segments = (path: string): string[] => path.split("/").slice(0, -1);

/** Files whose text the reader must load for the rules below (manifests and YAML). */
export function wantsContent(path: string): boolean {
  const name = base(path).toLowerCase();
  return (
    ["package.json", "pyproject.toml", "pipfile", "gemfile", "go.mod", "setup.py"].includes(name) ||
    /^requirements.*\.txt$/.test(name) ||
    /\.(ya?ml|json)$/.test(name)
  );
}

function byPath(what: string, test: (path: string) => boolean) {
  return (files: ProjectFiles) => {
    const found = files.paths.filter(test);
    return found.length > 0 ? { what, files: found.slice(0, 5) } : undefined;
  };
}

function byContent(
  describe: string,
  fileTest: (path: string) => boolean,
  words: readonly string[],
  asWord = true,
) {
  return (files: ProjectFiles) => {
    const hits = new Set<string>();
    const where: string[] = [];
    for (const [path, text] of Object.entries(files.contents)) {
      if (!fileTest(path)) continue;
      const found = words.filter((word) =>
        asWord ? dependencyPattern(word).test(text) : text.includes(word),
      );
      if (found.length === 0) continue;
      found.forEach((word) => hits.add(word));
      where.push(path);
    }
    return hits.size > 0
      ? { what: `${describe} ${[...hits].join(", ")}`, files: where.slice(0, 5) }
      : undefined;
  };
}

/** A dependency name as a whole word: "react" matches `"react":` and `react==18`, not `react-icons`. */
function dependencyPattern(word: string): RegExp {
  const escaped = word.replace(/[.*+?^${}()|[\]\\/@-]/g, "\\$&");
  return new RegExp(`(^|["'\\s/=])${escaped}(?![\\w-])`, "im");
}

const isPackageJson = (p: string) => base(p) === "package.json";
const isPythonManifest = (p: string) =>
  /^(requirements.*\.txt|pyproject\.toml|pipfile|setup\.py)$/.test(base(p).toLowerCase());
const isYaml = (p: string) => /\.ya?ml$/i.test(p);

export const DETECTION_RULES: readonly DetectionRule[] = [
  {
    type: "web_application",
    weight: 3,
    match: byContent("package.json depends on", isPackageJson, [
      "react",
      "next",
      "vue",
      "nuxt",
      "@angular/core",
      "svelte",
      "@sveltejs/kit",
      "express",
      "fastify",
      "koa",
      "@nestjs/core",
      "@hapi/hapi",
      "@remix-run/react",
      "astro",
      "gatsby",
      "solid-js",
    ]),
  },
  {
    type: "web_application",
    weight: 3,
    match: byContent("Python web framework", isPythonManifest, [
      "django",
      "flask",
      "fastapi",
      "starlette",
      "tornado",
      "aiohttp",
    ]),
  },
  {
    type: "web_application",
    weight: 3,
    match: byContent("Ruby/Go web framework", (p) => ["Gemfile", "go.mod"].includes(base(p)), [
      "rails",
      "sinatra",
      "github.com/gin-gonic/gin",
      "github.com/labstack/echo",
      "github.com/gofiber/fiber",
    ]),
  },
  { type: "web_application", weight: 1, match: byPath("a Node.js package", isPackageJson) },
  {
    type: "web_application",
    weight: 1,
    match: byPath("frontend sources", (p) => /\.(tsx|jsx|vue|svelte|html)$/.test(p)),
  },
  {
    type: "system_deployment",
    weight: 1,
    match: byPath("a Dockerfile", (p) => /^(dockerfile|containerfile)(\..+)?$/i.test(base(p))),
  },
  {
    type: "system_deployment",
    weight: 2,
    match: byPath("Docker Compose files", (p) => /^(docker-)?compose(\..+)?\.ya?ml$/i.test(base(p))),
  },
  {
    type: "system_deployment",
    weight: 3,
    match: byPath("systemd units", (p) => /\.(service|timer|socket)$/.test(p)),
  },
  {
    type: "system_deployment",
    weight: 3,
    match: byPath(
      "Ansible configuration",
      (p) =>
        base(p) === "ansible.cfg" ||
        /(^|\/)(playbooks?\/.*|playbook[^/]*)\.ya?ml$/.test(p) ||
        /(^|\/)roles\/[^/]+\/tasks\/[^/]+\.ya?ml$/.test(p),
    ),
  },
  {
    type: "system_deployment",
    weight: 2,
    match: byContent(
      "Kubernetes manifests:",
      isYaml,
      ["kind: Deployment", "kind: StatefulSet", "kind: DaemonSet"],
      false,
    ),
  },
  {
    type: "system_deployment",
    weight: 2,
    match: byPath("a Helm chart or Vagrantfile", (p) => ["Chart.yaml", "Vagrantfile"].includes(base(p))),
  },
  {
    type: "system_deployment",
    weight: 2,
    match: byPath("deployment specs", (p) => /deploy(ment)?[^/]*\.md$/i.test(base(p))),
  },
  {
    type: "data_pipeline",
    weight: 3,
    match: byContent("data pipeline tools:", isPythonManifest, [
      "apache-airflow",
      "pyspark",
      "dbt-core",
      "luigi",
      "prefect",
      "dagster",
      "kedro",
      "apache-beam",
    ]),
  },
  {
    type: "data_pipeline",
    weight: 3,
    match: byPath(
      "Airflow DAGs or a dbt project",
      (p) => base(p) === "dbt_project.yml" || (segments(p).includes("dags") && p.endsWith(".py")),
    ),
  },
  {
    type: "data_pipeline",
    weight: 2,
    match: byPath("pipeline or ETL code", (p) =>
      segments(p).some((s) => /^(pipelines?|etl|jobs|transformations)$/i.test(s)),
    ),
  },
  { type: "data_pipeline", weight: 1, match: byPath("notebooks or SQL", (p) => /\.(ipynb|sql)$/.test(p)) },
  {
    type: "infrastructure_as_code",
    weight: 3,
    match: byPath("Terraform files", (p) => /\.tf(\.json)?$/.test(p) || base(p) === "terragrunt.hcl"),
  },
  {
    type: "infrastructure_as_code",
    weight: 3,
    match: byPath(
      "Pulumi, CDK or Bicep projects",
      (p) => /^Pulumi(\..+)?\.ya?ml$/.test(base(p)) || base(p) === "cdk.json" || p.endsWith(".bicep"),
    ),
  },
  {
    type: "infrastructure_as_code",
    weight: 3,
    match: byContent(
      "CloudFormation templates:",
      (p) => isYaml(p) || p.endsWith(".json"),
      ["AWSTemplateFormatVersion"],
      false,
    ),
  },
];
