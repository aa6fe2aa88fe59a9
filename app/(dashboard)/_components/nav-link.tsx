"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** A sidebar link that marks itself current on its own page and the pages below it. */
export function NavLink({ href, exact = false, children }: { href: string; exact?: boolean; children: string }) {
  const pathname = usePathname();
  const current = exact ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link
      href={href}
      aria-current={current ? "page" : undefined}
      className="block rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100 aria-[current=page]:bg-brand-50 aria-[current=page]:text-brand-700"
    >
      {children}
    </Link>
  );
}
