// `lanes stack up | supervise | keep | resume | add-roles`: the commands that start or restart a stack
// (`up` itself is in stack-up-command.ts).
import type { Command } from "commander";
import * as z from "zod";
import { prpLaneReporter } from "../../app/index.js";
import { RoleNameSchema } from "../../domain/role-names.js";
import { UsageError } from "../../errors.js";
import { briefMessage } from "../../runner/lane-brief.js";
import { listLanes } from "../../runner/lane-record.js";
import { openStack } from "../../runner/stack-control.js";
import { launchStack, restartSupervisor } from "../../runner/stack-launch.js";
import { stackNameFor } from "../../runner/stack-paths.js";
import { writeStackRecord } from "../../runner/stack-record.js";
import { ensureManagedRedis } from "../../runner/stack-redis-url.js";
import { needsHumanNote, requeueNeedsHuman } from "../../runner/stack-requeue.js";
import { superviseProcess } from "../../runner/supervise-process.js";
import { keepSupervisor } from "../../runner/supervisor-keeper.js";
import { action, emit, type CliDeps } from "../cli-deps.js";
import { registerStackUp } from "./stack-up-command.js";

export function registerStackRun(stack: Command, ctx: CliDeps): void {
  registerStackUp(stack, ctx);

  stack
    .command("supervise", { hidden: true })
    .description("run the supervisor of a stack (started by `stack up` inside the stack)")
    .requiredOption("--name <name>", "stack name")
    .action(
      action(ctx, (opts: { name: string }) =>
        superviseProcess(ctx.env, opts.name, {
          reporterFor: ({ hostName, ...deps }) => prpLaneReporter(deps, `supervisor@${hostName}`),
        }),
      ),
    );

  stack
    .command("keep", { hidden: true })
    .description("restart the stack's supervisor whenever it dies (the stack's keeper window)")
    .requiredOption("--name <name>", "stack name")
    .action(
      action(ctx, async (opts: { name: string }) => {
        const stop = new AbortController();
        for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"] as const)
          process.once(signal, () => stop.abort());
        await keepSupervisor(ctx.env, opts.name, stop.signal);
        return 0;
      }),
    );

  stack
    .command("resume")
    .description(
      "after a reboot or crash: restart the stack; dead agents resume their session, lost jobs are requeued",
    )
    .option("--name <name>", "stack name (default: from the repository directory)")
    .option("--rebrief-all", "paste the brief again into every live agent")
    .option("--requeue", "run the jobs that wait for a human (needs-human) again")
    .option("--json", "print the result as JSON")
    .action(
      action(
        ctx,
        async (opts: { name?: string; rebriefAll?: boolean; requeue?: boolean; json?: boolean }) => {
          const handle = await openStack(ctx.env, stackNameFor(ctx.cwd, opts.name));
          await ensureManagedRedis(handle.record, handle.paths);
          const needsHuman = await requeueNeedsHuman(handle.record, opts.requeue ?? false, ctx.log);
          const running = await handle.tmux.hasSession(handle.record.name);
          if (!running) await launchStack(handle.record, handle.paths, handle.tmux, ctx.env);
          else {
            const supervisor = (await handle.tmux.listPanes(handle.record.name)).find(
              (p) => p.windowName === "supervisor",
            );
            if (!supervisor || supervisor.dead)
              await restartSupervisor(handle.record, handle.paths, handle.tmux, ctx.env);
          }
          const rebriefed: string[] = [];
          if (opts.rebriefAll) {
            for (const lane of await listLanes(handle.paths.lanes)) {
              if (!["working", "idle"].includes(lane.state)) continue;
              const sent = await handle.tmux.sendText(lane.paneId, briefMessage(lane, true)).then(
                () => true,
                () => false,
              );
              if (sent) rebriefed.push(lane.window);
            }
          }
          emit(
            ctx,
            { name: handle.record.name, relaunched: !running, rebriefed, ...needsHuman },
            {
              json: opts.json,
              human: (r) =>
                [
                  `${r.relaunched ? `stack ${r.name} relaunched` : `stack ${r.name} was running`}${r.rebriefed.length > 0 ? `; rebriefed ${r.rebriefed.join(", ")}` : ""}`,
                  ...needsHumanNote(r),
                ].join("\n"),
            },
          );
          return 0;
        },
      ),
    );

  stack
    .command("add-roles")
    .description("add roles to a running stack (its supervisor restarts and keeps its lanes)")
    .argument("<roles>", "roles, comma-separated")
    .option("--name <name>", "stack name (default: from the repository directory)")
    .action(
      action(ctx, async (list: string, opts: { name?: string }) => {
        const roles = list
          .split(",")
          .map((r) => r.trim())
          .filter(Boolean);
        const parsed = z.array(RoleNameSchema).safeParse(roles);
        if (!parsed.success || roles.length === 0)
          throw new UsageError(`add-roles ${list}: expected roles such as developer,tester`);
        const handle = await openStack(ctx.env, stackNameFor(ctx.cwd, opts.name));
        const record = await writeStackRecord(handle.paths.record, {
          ...handle.record,
          roles: [...new Set([...handle.record.roles, ...parsed.data])],
        });
        await restartSupervisor(record, handle.paths, handle.tmux, ctx.env);
        ctx.io.stdout(`stack ${record.name} now serves ${record.roles.join(", ")}\n`);
        return 0;
      }),
    );
}
