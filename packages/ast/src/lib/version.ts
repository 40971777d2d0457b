/** Version of the tree specification in README.md (semver). */
export const AST_VERSION = '1.0.0'
