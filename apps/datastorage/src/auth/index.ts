export {
  hashToken,
  parseTokensFile,
  SCOPES,
  type Scope,
  type TokenEntry,
  type TokenSet,
  TokensFileError,
} from './tokens-file.js'
