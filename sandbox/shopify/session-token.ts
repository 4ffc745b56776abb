// Session tokens (id_tokens) exactly as Shopify's admin issues them to an embedded app: HS256 signed
// with the app secret, iss https://{shop}/admin, dest https://{shop}, aud = API key, sub = user id.
import { randomBytes, randomUUID } from "node:crypto";
import { jwtVerify, SignJWT, type JWTPayload } from "jose";

export interface MintSessionTokenOptions {
  shop?: string;
  userId?: string | number;
  expiresInSeconds?: number;
  /** Override the signing secret (tests: a token signed with the wrong secret). */
  secret?: string;
  apiKey?: string;
  now?: Date;
}

export interface SessionTokenClaims extends JWTPayload {
  iss: string;
  dest: string;
  aud: string;
  sub: string;
  exp: number;
  nbf: number;
  iat: number;
  jti: string;
  sid: string;
}

const key = (secret: string) => new TextEncoder().encode(secret);

export async function mintSessionToken(defaults: { apiKey: string; apiSecret: string; shop: string }, options: MintSessionTokenOptions = {}): Promise<string> {
  const shop = options.shop ?? defaults.shop;
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  return new SignJWT({
    iss: `https://${shop}/admin`,
    dest: `https://${shop}`,
    aud: options.apiKey ?? defaults.apiKey,
    sub: String(options.userId ?? 1),
    exp: now + (options.expiresInSeconds ?? 60),
    nbf: now,
    iat: now,
    jti: randomUUID(),
    sid: randomBytes(16).toString("hex"),
  })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .sign(key(options.secret ?? defaults.apiSecret));
}

/** Verifies a subject token as Shopify's token endpoint does; throws with the reason. */
export async function verifySessionToken(token: string, apiKey: string, apiSecret: string, now?: Date): Promise<SessionTokenClaims> {
  const { payload } = await jwtVerify(token, key(apiSecret), {
    algorithms: ["HS256"],
    audience: apiKey,
    clockTolerance: 10,
    currentDate: now,
  });
  for (const claim of ["iss", "dest", "sub", "exp", "nbf", "jti", "sid"] as const) {
    if (payload[claim] === undefined) throw new Error(`Session token is missing the ${claim} claim`);
  }
  const claims = payload as SessionTokenClaims;
  if (claims.iss !== `${claims.dest}/admin`) throw new Error("Session token iss does not match dest");
  return claims;
}
