import { ButtonLink } from "./_components/ui/button";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-md py-16 text-center">
      <p className="text-sm font-semibold text-brand-600">404</p>
      <h1 className="mt-2 text-2xl font-bold">We couldn&apos;t find that page</h1>
      <p className="mt-2 text-slate-600">It may have moved, or the event is no longer public.</p>
      <div className="mt-6">
        <ButtonLink href="/">Browse events</ButtonLink>
      </div>
    </div>
  );
}
