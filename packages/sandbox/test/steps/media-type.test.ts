import { describe, expect, it } from "vitest";
import { NEXT } from "../../src/step.js";
import { mediaType } from "../../src/steps/media-type.js";
import { exchangeFor, stateFor } from "./support.js";

describe("media-type", () => {
  it.each(["application/json", "application/json; charset=UTF-8", 'Application/JSON;charset="utf-8"'])(
    "accepts %s",
    (type) => {
      expect(mediaType.run(exchangeFor({ "Content-Type": type }), stateFor())).toBe(NEXT);
    },
  );

  it.each([
    ["text/plain", "Send the body as Content-Type: application/json (UTF-8), not text/plain."],
    [
      "application/json; charset=latin1",
      "Send the body as Content-Type: application/json (UTF-8), not application/json; charset=latin1.",
    ],
    ["", "Send the body as Content-Type: application/json (UTF-8)."],
  ])("answers %j 415 unsupported_media_type", (type, detail) => {
    const headers = type ? { "Content-Type": type } : {};
    expect(mediaType.run(exchangeFor(headers), stateFor())).toMatchObject({
      status: 415,
      code: "unsupported_media_type",
      detail,
    });
  });
});
