import { mkdir, symlink, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { detectProjectDir, detectProjectType, readProjectFiles } from "../../src/config/index.js";
import { makeTempDir, type TempDir } from "../support/tmp.js";

const dirs: TempDir[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => d.remove()));
});

async function repo(files: Record<string, string>): Promise<string> {
  const dir = await makeTempDir("lanes-detect");
  dirs.push(dir);
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir.path, path)), { recursive: true });
    await writeFile(join(dir.path, path), text);
  }
  return dir.path;
}

const pkg = (deps: Record<string, string>): string =>
  JSON.stringify({ name: "app", dependencies: deps }, null, 2);

describe("detectProjectDir", () => {
  it("detects a web application from a package.json with react and next", async () => {
    const detection = await detectProjectDir(
      await repo({
        "package.json": pkg({ react: "^19", next: "^15" }),
        "app/page.tsx": "export default 1",
        Dockerfile: "FROM node",
      }),
    );
    expect(detection.type).toBe("web_application");
    expect(detection.evidence).toContainEqual({
      type: "web_application",
      weight: 3,
      what: "package.json depends on react, next",
      files: ["package.json"],
    });
    expect(detection.scores.system_deployment).toBe(1);
    expect(detection.confidence).toBeGreaterThan(0.7);
  });

  it("detects a web application from an express backend or a Django requirements file", async () => {
    expect((await detectProjectDir(await repo({ "package.json": pkg({ express: "^5" }) }))).type).toBe(
      "web_application",
    );
    expect((await detectProjectDir(await repo({ "requirements.txt": "Django==5.1\npsycopg2\n" }))).type).toBe(
      "web_application",
    );
  });

  it("does not mistake a dependency that merely starts with a framework's name for it", () => {
    const detection = detectProjectType({
      paths: ["package.json"],
      contents: { "package.json": pkg({ "react-icons": "1", "express-validator": "1" }) },
    });
    expect(detection.evidence.map((e) => e.what)).toEqual(["a Node.js package"]);
  });

  it("detects a system deployment from compose files, systemd units and ansible playbooks", async () => {
    const detection = await detectProjectDir(
      await repo({
        "docker-compose.yml": "services: {}\n",
        "deploy/app.service": "[Unit]\n",
        "ansible/playbooks/site.yml": "- hosts: all\n",
        "k8s/web.yaml": "apiVersion: apps/v1\nkind: Deployment\n",
      }),
    );
    expect(detection.type).toBe("system_deployment");
    expect(detection.evidence.map((e) => e.what)).toEqual([
      "Docker Compose files",
      "systemd units",
      "Ansible configuration",
      "Kubernetes manifests: kind: Deployment",
    ]);
    expect(detection.confidence).toBe(1);
  });

  it("detects a data pipeline from Airflow DAGs, a dbt project and pyspark", async () => {
    const detection = await detectProjectDir(
      await repo({
        "dags/daily_load.py": "from airflow import DAG\n",
        "dbt_project.yml": "name: warehouse\n",
        "pyproject.toml": '[project]\ndependencies = ["pyspark>=3.5", "apache-airflow==2.9"]\n',
        "pipelines/clean.py": "",
      }),
    );
    expect(detection.type).toBe("data_pipeline");
    expect(detection.evidence).toContainEqual({
      type: "data_pipeline",
      weight: 3,
      what: "data pipeline tools: apache-airflow, pyspark",
      files: ["pyproject.toml"],
    });
  });

  it("detects infrastructure as code from Terraform, Pulumi or CloudFormation", async () => {
    const tf = await detectProjectDir(
      await repo({ "main.tf": 'resource "x" "y" {}\n', "modules/vpc/vpc.tf": "", Dockerfile: "FROM x" }),
    );
    expect(tf.type).toBe("infrastructure_as_code");
    expect(tf.evidence[0]).toMatchObject({ what: "a Dockerfile" });
    expect(tf.evidence).toContainEqual({
      type: "infrastructure_as_code",
      weight: 3,
      what: "Terraform files",
      files: ["main.tf", "modules/vpc/vpc.tf"],
    });
    expect((await detectProjectDir(await repo({ "Pulumi.yaml": "name: infra\n" }))).type).toBe(
      "infrastructure_as_code",
    );
    expect(
      (
        await detectProjectDir(
          await repo({ "stack/template.yaml": "AWSTemplateFormatVersion: '2010-09-09'\n" }),
        )
      ).type,
    ).toBe("infrastructure_as_code");
  });

  it("falls back to generic with confidence 0 when there is no evidence", async () => {
    const detection = await detectProjectDir(await repo({ "README.md": "# notes\n", "notes.txt": "" }));
    expect(detection).toMatchObject({ type: "generic", confidence: 0, evidence: [] });
  });

  it("reports low confidence when only weak evidence is found", () => {
    expect(detectProjectType({ paths: ["Dockerfile"], contents: {} })).toMatchObject({
      type: "system_deployment",
      confidence: 0.33,
    });
  });

  it("breaks ties towards the more specific project type", () => {
    const detection = detectProjectType({ paths: ["main.tf", "app.service"], contents: {} });
    expect(detection.scores).toMatchObject({ infrastructure_as_code: 3, system_deployment: 3 });
    expect(detection.type).toBe("infrastructure_as_code");
    expect(detection.confidence).toBe(0.5);
  });
});

describe("readProjectFiles", () => {
  it("skips node_modules and .git, never follows symlinks, and reads only manifests", async () => {
    const dir = await repo({
      "package.json": pkg({}),
      "node_modules/react/package.json": pkg({}),
      ".git/config": "",
      "src/index.ts": "",
    });
    await symlink(join(dir, "src"), join(dir, "linked"));
    const files = await readProjectFiles(dir);
    expect(files.paths).toEqual(["package.json", "src/index.ts"]);
    expect(Object.keys(files.contents)).toEqual(["package.json"]);
  });

  it("stops at the depth and file-count bounds and skips manifests that are too large", async () => {
    const dir = await repo({
      "a/b/c/d.tf": "",
      "one.txt": "",
      "two.txt": "",
      "big/package.json": pkg({ react: "1" }),
    });
    expect((await readProjectFiles(dir, { maxDepth: 2 })).paths).not.toContain("a/b/c/d.tf");
    expect((await readProjectFiles(dir, { maxFiles: 2 })).paths).toHaveLength(2);
    const small = await readProjectFiles(dir, { maxContentBytes: 10 });
    expect(small.paths).toContain("big/package.json");
    expect(small.contents).toEqual({});
  });

  it("returns nothing for a directory that does not exist", async () => {
    expect(await readProjectFiles("/nonexistent/lanes-detect")).toEqual({ paths: [], contents: {} });
  });
});
