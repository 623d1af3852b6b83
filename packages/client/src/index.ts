// Every named type of the contract, so that an app needs one import.
export type * from "@calldesk/api-types";
export {
  type CalldeskClient,
  type ClientOptions,
  type CreatedCall,
  createCalldeskClient,
  type Fetch,
  type LastResponse,
  type Logger,
  type LogLevel,
  type RequestOptions,
} from "./client.js";
export {
  AbortError,
  APIError,
  AuthenticationError,
  BadRequestError,
  CalldeskError,
  ConflictError,
  ConnectionError,
  type ErrorDetails,
  InternalServerError,
  OutcomeUnknownError,
  PermissionDeniedError,
  RateLimitError,
  TimeoutError,
  UnprocessableEntityError,
} from "./errors.js";
