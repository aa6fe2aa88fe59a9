import Link from "next/link";

/** The signed-in user's corner of the header. */
export async function UserMenu() {
  return (
    <Link href="/sign-in" className="rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100">
      Sign in
    </Link>
  );
}
