import { describe, expect, it } from "vitest";
import { compareVersions, isVersion, versionIndexHtml, versionsScript } from "../src/versions.js";

describe("versions", () => {
  it("recognises the folder names it owns", () => {
    expect(["0.1.0", "1.2.3-beta.1", "10.0.0"].every(isVersion)).toBe(true);
    expect(["latest", "lib", "index.html", "1.2", "v1.2.3"].some(isVersion)).toBe(false);
  });

  it("orders by semver precedence, not by text", () => {
    const sorted = ["0.10.0", "0.2.0", "1.0.0", "1.0.0-rc.10", "1.0.0-rc.2"].sort(compareVersions);
    expect(sorted).toEqual(["0.2.0", "0.10.0", "1.0.0-rc.2", "1.0.0-rc.10", "1.0.0"]);
  });

  it("names the bad value", () => {
    expect(() => compareVersions("1.0.0", "next")).toThrow(/next/);
  });

  it("lists the versions with latest marked, escaping the title", () => {
    const html = versionIndexHtml("A <b> API", ["1.1.0", "1.0.0"], "1.1.0");
    expect(html).toContain("<title>A &lt;b&gt; API: API reference versions</title>");
    expect(html).toContain(
      '<li><a href="./1.1.0/index.html">1.1.0</a> <span class="latest">(latest)</span></li>',
    );
    expect(html).toContain('<li><a href="./1.0.0/index.html">1.0.0</a></li>');
  });

  it("writes the switcher's list as a script a page opened from disk can load", () => {
    expect(versionsScript(["1.1.0", "1.0.0"], "1.1.0")).toBe(
      'window.calldeskDocsVersions = {"latest":"1.1.0","versions":["1.1.0","1.0.0"]};\n',
    );
  });
});
