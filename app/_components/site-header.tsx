import Link from "next/link";
import { UserMenu } from "./user-menu";

const NAV = [
  { href: "/", label: "Browse events" },
  { href: "/bookings", label: "My bookings" },
  { href: "/dashboard", label: "Dashboard" },
  { href: "/account", label: "Account" },
];

export function SiteHeader() {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-6 px-4 py-3">
        <Link href="/" className="flex items-center gap-2 text-lg font-bold tracking-tight text-brand-700">
          <span aria-hidden className="inline-block h-6 w-6 rounded-md bg-brand-600" />
          Evently
        </Link>
        <nav aria-label="Main" className="flex flex-1 items-center gap-1 overflow-x-auto">
          {NAV.map((item) => (
            <Link key={item.href} href={item.href} className="whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100">
              {item.label}
            </Link>
          ))}
        </nav>
        <UserMenu />
      </div>
    </header>
  );
}
