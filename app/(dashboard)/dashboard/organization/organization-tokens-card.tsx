import { TokenSummary } from "@/app/_components/api-tokens/token-summary";
import { Card } from "@/app/_components/ui/card";
import { API_SCOPE_LABELS, API_SCOPES } from "@/lib/domain/auth";
import type { Ctx } from "@/lib/domain/context";
import { listOrganizationTokens } from "@/lib/domain/organizations";
import { CreateOrganizationTokenForm, RevokeOrganizationTokenButton } from "./token-forms";

/** The organization's API tokens, for its owners: create one, see where each was last used, revoke. */
export async function OrganizationTokensCard({ ctx, organizationId, names }: { ctx: Ctx; organizationId: string; names: Map<string, string> }) {
  const { data: tokens } = await listOrganizationTokens({ ctx, input: { organizationId } });
  const now = ctx.now();
  return (
    <Card title="API tokens">
      <p className="mb-4 text-sm text-slate-600">
        Tokens that belong to the organization, not to you: they act as a manager of this organization (never as an owner), limited to what you allow, and keep
        working if you leave. See the{" "}
        <a className="underline" href="/api/docs/guide">
          API guide
        </a>
        .
      </p>
      <div className="grid gap-6 md:grid-cols-2">
        <CreateOrganizationTokenForm organizationId={organizationId} scopes={API_SCOPES.map((value) => ({ value, label: API_SCOPE_LABELS[value] }))} />
        {tokens.length === 0 ? (
          <p className="text-sm text-slate-500">This organization has no API tokens.</p>
        ) : (
          <ul className="divide-y divide-slate-200" aria-label="Organization API tokens">
            {tokens.map((t) => (
              <li key={t.id} className="flex flex-wrap items-center justify-between gap-4 py-3" data-testid="organization-token">
                <TokenSummary token={t} now={now}>
                  <p className="text-slate-600">Created by {t.createdBy ? (names.get(t.createdBy) ?? "a former member") : "Evently"}</p>
                </TokenSummary>
                <RevokeOrganizationTokenButton organizationId={organizationId} tokenId={t.id} name={t.name} />
              </li>
            ))}
          </ul>
        )}
      </div>
    </Card>
  );
}
