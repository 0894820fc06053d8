"use server";
// Notification actions for the /notifications page's forms. Both mark only the signed-in user's
// own notifications: the user comes from the session, never from the form, and markRead filters
// by that user's id, so an id of someone else's notification changes nothing.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { currentUser } from "../auth/session.server";
import { prisma } from "../db.server";
import { markRead } from "../notifications/service";

const idSchema = z.coerce.number().int().positive().max(2_147_483_647);

/** Marks one notification (form field "id") as read. */
export async function markNotificationReadAction(formData: FormData): Promise<void> {
  const user = await currentUser();
  if (!user) return;
  const id = idSchema.safeParse(formData instanceof FormData ? formData.get("id") : null);
  if (!id.success) return;
  await markRead(await prisma(), user.id, [id.data]);
  // The header's badge is in the layout: refresh it with the page.
  revalidatePath("/", "layout");
}

/** Marks all of the user's notifications as read. */
export async function markAllNotificationsReadAction(): Promise<void> {
  const user = await currentUser();
  if (!user) return;
  await markRead(await prisma(), user.id, "all");
  revalidatePath("/", "layout");
}
