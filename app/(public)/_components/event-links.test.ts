import { describe, expect, it } from "vitest";
import { googleCalendarUrl, openStreetMapUrl, outlookCalendarUrl } from "./event-links";

const event = { title: "Fado & Friends", venue: "Tasca do Chico, Rua do Diário de Notícias 39, Lisboa", startsAt: new Date("2026-07-15T19:30:00Z"), endsAt: new Date("2026-07-15T22:00:00Z") };
const page = "https://evently.example/events/42";

describe("event links", () => {
  it("searches OpenStreetMap for the venue text, encoded", () => {
    const url = new URL(openStreetMapUrl(event.venue));
    expect(url.origin + url.pathname).toBe("https://www.openstreetmap.org/search");
    expect(url.searchParams.get("query")).toBe(event.venue);
  });

  it("hands Google Calendar the UTC instants, title, place and page", () => {
    const url = new URL(googleCalendarUrl(event, page));
    expect(url.searchParams.get("dates")).toBe("20260715T193000Z/20260715T220000Z");
    expect(url.searchParams.get("text")).toBe("Fado & Friends");
    expect(url.searchParams.get("location")).toBe(event.venue);
    expect(url.searchParams.get("details")).toBe(page);
  });

  it("hands Outlook the UTC instants as ISO 8601", () => {
    const url = new URL(outlookCalendarUrl(event, page));
    expect(url.searchParams.get("startdt")).toBe("2026-07-15T19:30:00.000Z");
    expect(url.searchParams.get("enddt")).toBe("2026-07-15T22:00:00.000Z");
    expect(url.searchParams.get("subject")).toBe("Fado & Friends");
  });
});
