"use server";
// Account management actions (administrators only): the services of lib/users/manage.ts, which
// check the role, validate, and audit every change in the same transaction.
import { runAction } from "./run";
import { prisma } from "../db.server";
import { createUserAsAdmin, resetPassword, updateUser, type AdminNewUser, type UserUpdate } from "../users/manage";

const PATH = "/admin/users";

export async function createUserAction(input: AdminNewUser) {
  return runAction(PATH, "users", async (actor) => createUserAsAdmin(await prisma(), actor, input));
}

export async function updateUserAction(username: string, input: UserUpdate) {
  return runAction(PATH, "users", async (actor) => updateUser(await prisma(), actor, username, input));
}

export async function resetPasswordAction(username: string, newPassword: string) {
  return runAction(PATH, "users", async (actor) => resetPassword(await prisma(), actor, username, newPassword));
}
