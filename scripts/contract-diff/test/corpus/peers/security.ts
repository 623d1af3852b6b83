// Catalogue section 3.9: security requirements and schemes.
import { N, type Pair, section, Y } from "../case.js";
import { type Edit, edit, opSecurity, setScheme } from "../template.js";

export const securityPairs: Pair[] = [];
// ---- 3.9 Security --------------------------------------------------------------------------------
const security = section(securityPairs, "catalogue §3.9 Security");
const noGlobal: Edit = (d) => {
  delete d.security;
};
security(
  "SEC01",
  "security added to an open operation",
  Y,
  opSecurity(null, [{ apiKey: [] }], { extra: noGlobal }),
  { basis: "README", note: "catalogue Y (SEC01 marked ~ but consensus Y)" },
);
security("SEC02", "security: [] -> first requirement", Y, opSecurity([], [{ apiKey: [] }]));
security(
  "SEC03",
  "alternative requirement added",
  N,
  opSecurity([{ apiKey: [] }], [{ apiKey: [] }, { bearerAuth: [] }]),
);
security(
  "SEC04",
  "one alternative removed",
  Y,
  opSecurity([{ apiKey: [] }, { bearerAuth: [] }], [{ bearerAuth: [] }]),
);
security("SEC05", "only requirement removed (public)", N, opSecurity([{ apiKey: [] }], []), {
  basis: "README",
});
security(
  "SEC06",
  "scheme added to an AND requirement",
  Y,
  opSecurity([{ apiKey: [] }], [{ apiKey: [], oauth: [] }]),
);
security(
  "SEC07",
  "scheme dropped from an AND requirement",
  N,
  opSecurity([{ apiKey: [], oauth: [] }], [{ apiKey: [] }]),
);
security("SEC08", "requirement swapped apiKey -> oauth", Y, opSecurity([{ apiKey: [] }], [{ oauth: [] }]));
security(
  "SEC09",
  "OAuth scope added",
  Y,
  opSecurity([{ oauth: ["pets:read"] }], [{ oauth: ["pets:read", "pets:write"] }]),
);
security(
  "SEC10",
  "OAuth scope removed",
  N,
  opSecurity([{ oauth: ["pets:read", "pets:write"] }], [{ oauth: ["pets:read"] }]),
  { bump: "minor" },
);
security(
  "SEC11a",
  "global scope added",
  Y,
  edit(
    (d) => {
      d.security = [{ oauth: ["pets:read", "pets:write"] }];
    },
    {
      common: (d) => {
        d.security = [{ oauth: ["pets:read"] }];
      },
    },
  ),
);
security(
  "SEC11b",
  "global alternative removed",
  Y,
  edit(
    (d) => {
      d.security = [{ bearerAuth: [] }];
    },
    {
      common: (d) => {
        d.security = [{ apiKey: [] }, { bearerAuth: [] }];
      },
    },
  ),
);
security("SEC12", "op security removed, identical global", N, opSecurity([{ bearerAuth: [] }], null));
security("SEC13", "op security removed, different global", Y, opSecurity([{ apiKey: [] }], null));
security("SEC14", "op security set to [{}] (optional auth)", N, opSecurity([{ apiKey: [] }], [{}]));
security(
  "SEC15",
  "securityScheme type apiKey -> http",
  Y,
  opSecurity([{ apiKey: [] }], [{ apiKey: [] }], {
    headExtra: setScheme("apiKey", { type: "http", scheme: "basic" }),
  }),
);
security(
  "SEC16a",
  "apiKey name changed",
  Y,
  opSecurity([{ apiKey: [] }], [{ apiKey: [] }], {
    headExtra: setScheme("apiKey", { type: "apiKey", in: "header", name: "X-Key" }),
  }),
);
security(
  "SEC16b",
  "apiKey in changed",
  Y,
  opSecurity([{ apiKey: [] }], [{ apiKey: [] }], {
    headExtra: setScheme("apiKey", { type: "apiKey", in: "query", name: "X-Api-Key" }),
  }),
);
security(
  "SEC17",
  "http scheme basic -> bearer",
  Y,
  opSecurity([{ basic: [] }], [{ basic: [] }], {
    extra: setScheme("basic", { type: "http", scheme: "basic" }),
    headExtra: setScheme("basic", { type: "http", scheme: "bearer" }),
  }),
);
security(
  "SEC18",
  "bearerFormat changed",
  N,
  edit((d) => {
    d.components.securitySchemes.bearerAuth.bearerFormat = "opaque";
  }),
  { basis: "lean" },
);
security(
  "SEC20",
  "OAuth tokenUrl changed",
  Y,
  opSecurity([{ oauth: [] }], [{ oauth: [] }], {
    headExtra: (d) => {
      d.components.securitySchemes.oauth.flows.clientCredentials.tokenUrl = "https://id.example.com/token";
    },
  }),
  { basis: "lean" },
);
security(
  "SEC22a",
  "referenced security scheme removed from components",
  Y,
  opSecurity([{ apiKey: [] }], [{ apiKey: [] }], {
    headExtra: (d) => {
      delete d.components.securitySchemes.apiKey;
    },
  }),
);
security(
  "SEC22b",
  "unused security scheme removed",
  N,
  edit((d) => {
    delete d.components.securitySchemes.apiKey;
  }),
  { basis: "README" },
);
security(
  "SEC23",
  "security scheme added",
  N,
  edit(
    setScheme("openId", {
      type: "openIdConnect",
      openIdConnectUrl: "https://id.example.com/.well-known/openid-configuration",
    }),
  ),
);
