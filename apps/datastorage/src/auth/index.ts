export {
  type AccessControlOptions,
  type AccessMode,
  isLoopbackAddress,
  mountAccessControl,
  ROUTE_SCOPES,
} from './access-control.js'
export { PRINCIPALS, TOKEN_NAME } from './principals.js'
export { isLoopbackHost, resolveAccess } from './startup.js'
export { TokenRegistry, watchTokensFile } from './token-registry.js'
export {
  hashToken,
  parseTokensFile,
  SCOPES,
  type Scope,
  type TokenEntry,
  type TokenSet,
  TokensFileError,
} from './tokens-file.js'
