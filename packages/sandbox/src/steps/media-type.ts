// The body's media type: one the contract's request body documents, in UTF-8.
import { NEXT, problem, type Step } from "../step.js";

export const mediaType: Step = {
  name: "media-type",
  check: "`Content-Type` not `application/json` (UTF-8)",
  answer: "415 `unsupported_media_type`",
  run(exchange, { contract, mediaTypes }) {
    const contentType = exchange.req.headers["content-type"] ?? "";
    // The bare media type is what nearly every client sends: no need to parse parameters.
    if (mediaTypes.has(contentType) || acceptsWithParameters(contentType, mediaTypes)) {
      return NEXT;
    }
    return problem(
      415,
      "unsupported_media_type",
      `Send the body as Content-Type: ${contract.mediaTypes.join(" or ")} (UTF-8)${contentType ? `, not ${contentType.slice(0, 100)}` : ""}.`,
    );
  },
};

function acceptsWithParameters(contentType: string, mediaTypes: ReadonlySet<string>): boolean {
  const [mediaType = "", ...parameters] = contentType.split(";").map((part) => part.trim().toLowerCase());
  const charset = parameters
    .find((parameter) => parameter.startsWith("charset="))
    ?.slice(8)
    .replace(/"/g, "");
  return mediaTypes.has(mediaType) && (charset === undefined || charset === "utf-8");
}
