"use client";

import { useActionState } from "react";
import { Button } from "@/app/_components/ui/button";
import { deleteTicketTypeAction, reorderTicketTypesAction, retireTicketTypeAction } from "./actions";

type Props = {
  eventId: string;
  ticketTypeId: string;
  name: string;
  retired: boolean;
  /** Every type's id in the order each move would leave them; null where the type cannot move. */
  moveUp: string[] | null;
  moveDown: string[] | null;
};

function failure(state: { ok: boolean; formError?: string } | null): string | undefined {
  return state && !state.ok ? (state.formError ?? "That did not work. Reload the page and try again.") : undefined;
}

/** Move, stop or resume sales, delete: each a small form, so they work before any script loads. */
export function TicketTypeActions({ eventId, ticketTypeId, name, retired, moveUp, moveDown }: Props) {
  const [moved, move, moving] = useActionState(reorderTicketTypesAction, null);
  const [retiredState, retire, retiring] = useActionState(retireTicketTypeAction, null);
  const [deleted, remove, removing] = useActionState(deleteTicketTypeAction, null);
  const error = failure(moved) ?? failure(retiredState) ?? failure(deleted);

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        {moveUp ? (
          <form action={move}>
            <input type="hidden" name="eventId" value={eventId} />
            <input type="hidden" name="order" value={moveUp.join(",")} />
            <Button type="submit" variant="secondary" className="px-3 py-1" disabled={moving} aria-label={`Move ${name} up`}>
              ↑ Up
            </Button>
          </form>
        ) : null}
        {moveDown ? (
          <form action={move}>
            <input type="hidden" name="eventId" value={eventId} />
            <input type="hidden" name="order" value={moveDown.join(",")} />
            <Button type="submit" variant="secondary" className="px-3 py-1" disabled={moving} aria-label={`Move ${name} down`}>
              ↓ Down
            </Button>
          </form>
        ) : null}
        <form action={retire}>
          <input type="hidden" name="eventId" value={eventId} />
          <input type="hidden" name="ticketTypeId" value={ticketTypeId} />
          <input type="hidden" name="retired" value={retired ? "false" : "true"} />
          <Button type="submit" variant="secondary" className="px-3 py-1" disabled={retiring} aria-label={`${retired ? "Resume" : "Stop"} sales of ${name}`}>
            {retired ? "Resume sales" : "Stop sales"}
          </Button>
        </form>
        <form action={remove}>
          <input type="hidden" name="eventId" value={eventId} />
          <input type="hidden" name="ticketTypeId" value={ticketTypeId} />
          <Button type="submit" variant="ghost" className="px-3 py-1 text-red-700" disabled={removing} aria-label={`Delete ${name}`}>
            Delete
          </Button>
        </form>
      </div>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
