import { describe, expect, it } from "vitest";
import type { Event } from "@/lib/domain/events";
import { eventJsonLd, jsonLdScript } from "./event-json-ld";

const event = {
  id: "5f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f",
  title: "Jazz </script><script>alert(1)</script>",
  venue: "Blue Note, 131 W 3rd St, New York",
  startsAt: new Date("2026-11-01T00:00:00Z"),
  endsAt: new Date("2026-11-01T03:00:00Z"),
  timezone: "America/New_York",
  priceCents: 2500,
  currency: "USD",
  seatsAvailable: 0,
  status: "published",
} as Event;

describe("eventJsonLd", () => {
  it("describes the event with local times and offsets, place, price in major units and availability", () => {
    const ld = eventJsonLd(event, "https://evently.example/events/1", "Late set");
    expect(ld).toMatchObject({
      "@type": "Event",
      startDate: "2026-10-31T20:00:00.000-04:00",
      endDate: "2026-10-31T23:00:00.000-04:00",
      location: { "@type": "Place", name: event.venue },
      offers: { price: "25.00", priceCurrency: "USD", availability: "https://schema.org/SoldOut" },
      eventStatus: "https://schema.org/EventScheduled",
    });
  });

  it("cannot close its script element, whatever the organizer typed", () => {
    const script = jsonLdScript(eventJsonLd(event, "https://evently.example/events/1", ""));
    expect(script).not.toContain("</script>");
    expect(JSON.parse(script).name).toBe(event.title);
  });
});
