import { z } from "zod";

export const MEMBER_ROLES = ["owner", "manager", "checkin", "finance"] as const;
export const memberRoleSchema = z.enum(MEMBER_ROLES);

export const MEMBER_ROLE_LABELS: Record<(typeof MEMBER_ROLES)[number], string> = {
  owner: "Owner",
  manager: "Manager",
  checkin: "Check-in staff",
  finance: "Finance",
};

/** How long an invitation may be accepted. */
export const INVITATION_DAYS = 7;
