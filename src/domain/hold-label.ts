// The label that keeps a lane out of integration (`/lanes hold`): on its PRP issue or its lane PR.
export const HOLD_LABEL_NAME = "lanes-hold";
