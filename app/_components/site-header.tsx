import Link from "next/link";
import { signOutAction } from "@/app/(account)/account/actions";
import { can } from "@/lib/domain/auth";
import { currentSession, type WebSession } from "@/lib/web/current-actor";
import { MobileMenu } from "./mobile-menu";

type NavItem = { href: string; label: string };

/**
 * Links follow the visitor's role: attendees never see a Dashboard that would only tell them
 * analytics are for organizers, and only admins see Admin.
 */
function navFor(session: WebSession | null): NavItem[] {
  const items: NavItem[] = [{ href: "/", label: "Browse events" }];
  if (!session) return items;
  items.push({ href: "/orders", label: "My orders" });
  if (can(session.actor, "analytics:read")) items.push({ href: "/dashboard", label: "Dashboard" });
  if (session.actor.role === "admin") items.push({ href: "/admin/users", label: "Admin" });
  items.push({ href: "/account", label: "Account" });
  return items;
}

const LINK = "block whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100";

function SignOutButton({ className }: { className: string }) {
  return (
    <form action={signOutAction}>
      <button type="submit" className={className}>
        Sign out
      </button>
    </form>
  );
}

/**
 * Wide screens show the links in a row; under the md breakpoint they fold into a disclosure
 * menu (a native <details>, so it opens by keyboard and without JavaScript).
 */
export async function SiteHeader() {
  const session = await currentSession();
  const nav = navFor(session);
  const name = session ? session.user.name || session.user.email : null;

  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3">
        <Link href="/" className="flex shrink-0 items-center gap-2 text-lg font-bold tracking-tight text-brand-700">
          <span aria-hidden className="inline-block h-6 w-6 rounded-md bg-brand-600" />
          Evently
        </Link>
        <nav aria-label="Main" className="hidden flex-1 items-center gap-1 md:flex">
          {nav.map((item) => (
            <Link key={item.href} href={item.href} className={LINK}>
              {item.label}
            </Link>
          ))}
        </nav>
        <div className="hidden min-w-0 items-center gap-1 md:flex">
          {session ? (
            <>
              <Link href="/account" className="max-w-[16rem] truncate rounded-md px-3 py-2 text-sm font-medium text-slate-900 hover:bg-slate-100" data-testid="user-name" title={name ?? undefined}>
                {name}
              </Link>
              <SignOutButton className={LINK} />
            </>
          ) : (
            <Link href="/sign-in" className={LINK}>
              Sign in
            </Link>
          )}
        </div>
        <MobileMenu>
          {name ? (
            <p className="break-words px-3 pb-2 text-sm font-semibold text-slate-900" data-testid="mobile-user-name">
              {name}
            </p>
          ) : null}
          <nav aria-label="Main" className="space-y-1">
            {nav.map((item) => (
              <Link key={item.href} href={item.href} className={LINK}>
                {item.label}
              </Link>
            ))}
          </nav>
          <div className="mt-2 border-t border-slate-100 pt-2">
            {session ? (
              <SignOutButton className={`${LINK} w-full text-left`} />
            ) : (
              <Link href="/sign-in" className={LINK}>
                Sign in
              </Link>
            )}
          </div>
        </MobileMenu>
      </div>
    </header>
  );
}
