// The Claude models an agent can run on; roles have a default, config can override per role.
import * as z from "zod";

export const MODELS = ["opus", "sonnet", "haiku"] as const;
export const ModelSchema = z.enum(MODELS);
export type Model = z.infer<typeof ModelSchema>;
