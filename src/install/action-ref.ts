// Where workflows in other repositories find the Lanes action: one repository path, pinned to the
// release of the CLI that wrote them (the release workflow creates the tag `v<version>`).

export const LANES_ACTION = "lanes-dev/lanes/action";

export function actionRef(version: string): string {
  return `${LANES_ACTION}@v${version}`;
}
