import { handlers } from "@/lib/web/auth";

export const { GET, POST } = handlers;
