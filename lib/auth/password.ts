// Password hashing for sign-in and for the demo accounts: Argon2id (the OWASP recommendation),
// with the library's default costs (19 MiB, 2 passes, 1 lane). The PHC string it returns carries
// the algorithm, costs and salt, so verifyPassword needs nothing else.
import { hash, verify, type Algorithm } from "@node-rs/argon2";

// Algorithm is a `const enum` in the library's typings, which cannot be read at run time under
// isolatedModules: 2 is Algorithm.Argon2id.
const ARGON2ID = 2 as Algorithm;

export async function hashPassword(plain: string): Promise<string> {
  return hash(plain, { algorithm: ARGON2ID });
}

/** True when plain matches the stored hash; false (never throws) for a malformed hash. */
export async function verifyPassword(passwordHash: string, plain: string): Promise<boolean> {
  try {
    return await verify(passwordHash, plain);
  } catch {
    return false;
  }
}
