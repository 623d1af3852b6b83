export type {
  Call,
  CallStatus,
  CreateCallRequest,
  ErrorCode,
  FieldError,
  Problem,
} from "@calldesk/api-types";
export {
  type CalldeskClient,
  type ClientOptions,
  type CreatedCall,
  createCalldeskClient,
  type Fetch,
  type LastResponse,
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
