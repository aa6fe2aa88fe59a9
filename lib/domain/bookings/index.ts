export { upsertEventInventory, upsertEventInventoryInput } from "./upsert-event-inventory";
export { getSeatsAvailable, getSeatsAvailableInput } from "./get-seats-available";
export { bookingEvents } from "./events";
