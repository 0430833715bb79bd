/**
 * The project's public home: the one place its address is written. package.json's `repository`, `bugs`
 * and `homepage` (and the CLI package's) are derived from it by `node scripts/project-home.mjs`, which a
 * unit test keeps in step, and the CLI's SARIF output links each rule to its page from it (`helpUri`).
 * Until the project has a public home it is undefined: the manifests carry no such field, SARIF rules
 * carry no `helpUri`, and packaging warns only that `repository` is missing.
 */

/**
 * The repository's web address (`https://github.com/<owner>/<name>`, no trailing slash), or undefined
 * while the project has no public home. Setting it, then running `node scripts/project-home.mjs`, is
 * all publishing needs.
 */
export const PROJECT_HOME: string | undefined = undefined;

/** The branch whose files the links point to. */
const BRANCH = 'main';

/** The manifest fields that name the project's home, as npm and vsce read them. */
export interface ProjectLinks {
  readonly repository: { readonly type: 'git'; readonly url: string; readonly directory?: string };
  readonly bugs: { readonly url: string };
  readonly homepage: string;
}

/**
 * The `repository`, `bugs` and `homepage` of a package whose repository is at `home` (a web address
 * as {@link PROJECT_HOME}), in the repository's `directory` (a relative path with `/`; omitted for the
 * root). Follows npm's package.json conventions (`git+https://….git`, `/issues`, the README's anchor),
 * which vsce reads too; the home is the README, at the root or in the directory.
 */
export function projectLinks(home: string, directory?: string): ProjectLinks {
  return {
    repository: { type: 'git', url: `git+${home}.git`, ...(directory ? { directory } : {}) },
    bugs: { url: `${home}/issues` },
    homepage: directory ? `${home}/tree/${BRANCH}/${directory}#readme` : `${home}#readme`,
  };
}

/**
 * The web page of a lint rule's documentation (`docs/rules/<code>.md`) in the repository at `home`,
 * or undefined when there is no home.
 */
export function ruleDocsUrl(code: string, home: string | undefined = PROJECT_HOME): string | undefined {
  return home === undefined ? undefined : `${home}/blob/${BRANCH}/docs/rules/${code}.md`;
}
