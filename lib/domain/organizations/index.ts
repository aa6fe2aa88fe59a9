// Organizations: the teams organizers work in, their members and roles, invitations and the
// audit log of every membership change. What a role may do is decided in lib/domain/auth/policy.ts.
export { withMemberships } from "./load-memberships";
export { inviteMember, inviteMemberInput } from "./invite-member";
export { acceptInvitation, getInvitation, invitationInput, type InvitationView } from "./accept-invitation";
export { revokeInvitation, revokeInvitationInput } from "./revoke-invitation";
export { changeMemberRole, changeMemberRoleInput, removeMember, removeMemberInput } from "./change-membership";
export { getOrganization, getOrganizationInput, listMyOrganizations, type MemberView, type OpenInvitationView, type MembershipChangeView } from "./get-organization";
export { MEMBER_ROLES, MEMBER_ROLE_LABELS, memberRoleSchema, INVITATION_DAYS } from "./member-roles";
export { organizationEvents } from "./events";
export { authenticateOrganizationToken } from "./authenticate-organization-token";
export {
  createOrganizationToken,
  createOrganizationTokenInput,
  MAX_LIVE_ORGANIZATION_TOKENS,
  type OrganizationTokenView,
} from "./create-organization-token";
export { listOrganizationTokens, listOrganizationTokensInput } from "./list-organization-tokens";
export { revokeOrganizationToken, revokeOrganizationTokenInput } from "./revoke-organization-token";
export { listOwnerIds, listOwnerIdsInput } from "./list-owner-ids";
