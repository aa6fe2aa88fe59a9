import Link from "next/link";
import { signOutAction } from "@/app/(account)/account/actions";
import { currentSession } from "@/lib/web/current-actor";

/** The signed-in user's corner of the header: who you are and Sign out, or Sign in. */
export async function UserMenu() {
  const session = await currentSession();
  if (!session) {
    return (
      <Link href="/sign-in" className="rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100">
        Sign in
      </Link>
    );
  }
  const isAdmin = session.actor.role === "admin";
  return (
    <div className="flex items-center gap-1">
      {isAdmin ? (
        <Link href="/admin/users" className="rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100">
          Admin
        </Link>
      ) : null}
      <Link href="/account" className="max-w-[12rem] truncate rounded-md px-3 py-2 text-sm font-medium text-slate-900 hover:bg-slate-100" data-testid="user-name">
        {session.user.name || session.user.email}
      </Link>
      <form action={signOutAction}>
        <button type="submit" className="rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100">
          Sign out
        </button>
      </form>
    </div>
  );
}
