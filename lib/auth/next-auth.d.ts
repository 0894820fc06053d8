import type { Role } from "../generated/prisma/enums";
import "next-auth";

declare module "next-auth" {
  interface Session {
    user: {
      id: number;
      username: string;
      name?: string | null;
      role: Role;
      tenantId: number | null;
      unitId: number | null;
      /** Session version and sign-in time (lib/auth/session-rules.ts). */
      sv?: number;
      authTime?: number;
    };
  }
}
