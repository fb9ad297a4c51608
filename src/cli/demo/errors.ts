import { LanesError } from "../../errors.js";

/** A step of the demo failed: names the step and what its command said. */
export class DemoStepError extends LanesError {
  override name = "DemoStepError";
}
