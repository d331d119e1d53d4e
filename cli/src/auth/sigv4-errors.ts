/**
 * What API Gateway answers when IAM (SigV4) authorization fails: the gateway response type (its status and
 * overrides come from the pipeline's table), the message, and the `x-amzn-ErrorType` AWS sends. Every message the
 * SigV4 check produces is here, so a wrong one is corrected in one place.
 *
 * Sources: the AWS knowledge-center article on SigV4 mismatches with API Gateway (missing signature, unknown key,
 * wrong signature), the messages AWS services send for scope, date and header problems (recorded in SDK issues).
 * Uncertain: the response type of the unknown-key, malformed-header and presigned-expiry answers (API Gateway
 * documents no mapping; INVALID_SIGNATURE, whose default status 403 matches what AWS sends, is used).
 */
export const SIGV4_ERRORS = {
  MISSING_SIGNATURE: {
    responseType: 'MISSING_AUTHENTICATION_TOKEN',
    errorType: 'MissingAuthenticationTokenException',
    message: 'Missing Authentication Token',
  },
  UNKNOWN_ACCESS_KEY: {
    responseType: 'INVALID_SIGNATURE',
    errorType: 'UnrecognizedClientException',
    message: 'The security token included in the request is invalid.',
  },
  SIGNATURE_MISMATCH: {
    responseType: 'INVALID_SIGNATURE',
    errorType: 'InvalidSignatureException',
    message: 'The request signature we calculated does not match the signature you provided. '
      + 'Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
  },
  SIGNATURE_EXPIRED: {
    responseType: 'INVALID_SIGNATURE',
    errorType: 'InvalidSignatureException',
    message: 'Signature expired: {signed} is now earlier than {limit} ({now} - {window}.)',
  },
  SIGNATURE_NOT_YET_CURRENT: {
    responseType: 'INVALID_SIGNATURE',
    errorType: 'InvalidSignatureException',
    message: 'Signature not yet current: {signed} is still later than {limit} ({now} + 5 min.)',
  },
  WRONG_REGION: {
    responseType: 'INVALID_SIGNATURE',
    errorType: 'InvalidSignatureException',
    message: "Credential should be scoped to a valid region, not '{region}'. ",
  },
  WRONG_SERVICE: {
    responseType: 'INVALID_SIGNATURE',
    errorType: 'InvalidSignatureException',
    message: "Credential should be scoped to correct service: '{service}'. ",
  },
  WRONG_TERMINATOR: {
    responseType: 'INVALID_SIGNATURE',
    errorType: 'InvalidSignatureException',
    message: "Credential should be scoped with a valid terminator: 'aws4_request', not '{terminator}'. ",
  },
  BAD_DATE: {
    responseType: 'INVALID_SIGNATURE',
    errorType: 'IncompleteSignatureException',
    message: "Date must be in ISO-8601 'basic format'. Got '{date}'. See http://en.wikipedia.org/wiki/ISO_8601",
  },
  INCOMPLETE_SIGNATURE: {
    responseType: 'INVALID_SIGNATURE',
    errorType: 'IncompleteSignatureException',
    message: '{missing} Authorization={authorization}',
  },
  NOT_A_SIGNATURE: {
    responseType: 'INVALID_SIGNATURE',
    errorType: 'IncompleteSignatureException',
    message: "Invalid key=value pair (missing equal-sign) in Authorization header (hashed with SHA-256 and encoded with Base64): '{hash}'.",
  },
  BAD_EXPIRES: {
    responseType: 'INVALID_SIGNATURE',
    errorType: 'IncompleteSignatureException',
    message: "X-Amz-Expires must be an integer from 1 to 604800 seconds, not '{expires}'.",
  },
} as const;

export type SigV4ErrorName = keyof typeof SIGV4_ERRORS;

/** The sentence AWS adds for each part a SigV4 `Authorization` header lacks (`INCOMPLETE_SIGNATURE`'s `{missing}`). */
export const SIGV4_MISSING_PARTS = {
  Credential: "Authorization header requires 'Credential' parameter.",
  Signature: "Authorization header requires 'Signature' parameter.",
  SignedHeaders: "Authorization header requires 'SignedHeaders' parameter.",
  date: "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
} as const;
