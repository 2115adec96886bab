import { z } from "zod";
import { TOKEN_SCOPES } from "./token-scopes";

/** The expiry choices of the form; "never" is allowed but not the default. */
export const TOKEN_EXPIRY_CHOICES = [
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
  { value: "365", label: "1 year" },
  { value: "never", label: "Never" },
] as const;

export const ZCreateToken = z.object({
  name: z.string().trim().min(1, "Name the token after what uses it").max(80, "At most 80 characters"),
  scopes: z.array(z.enum(TOKEN_SCOPES)).min(1, "Choose at least one scope").max(TOKEN_SCOPES.length),
  expires: z.enum(["30", "90", "365", "never"], { error: "Choose when the token expires" }),
});
export type TCreateToken = z.input<typeof ZCreateToken>;

export const ZRevokeToken = z.object({ tokenId: z.string().min(1).max(64) });
