// Every REST operation the sandbox serves, keyed by the operationId in GitHub's OpenAPI description.
import type { Routes } from "./handler.js";
import { actionRoutes } from "./handlers/actions.js";
import { appRoutes } from "./handlers/app.js";
import { checkRoutes } from "./handlers/checks.js";
import { commentRoutes } from "./handlers/comments.js";
import { gitDataRoutes } from "./handlers/git-data.js";
import { issueRoutes } from "./handlers/issues.js";
import { labelRoutes } from "./handlers/labels.js";
import { pullRoutes } from "./handlers/pulls.js";
import { reviewRoutes } from "./handlers/reviews.js";

export const ROUTES: Routes = {
  ...appRoutes,
  ...issueRoutes,
  ...labelRoutes,
  ...commentRoutes,
  ...gitDataRoutes,
  ...pullRoutes,
  ...reviewRoutes,
  ...checkRoutes,
  ...actionRoutes,
};
