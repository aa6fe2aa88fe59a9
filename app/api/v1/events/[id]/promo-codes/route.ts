import { createPromoCodeRoute, listPromoCodesRoute } from "@/app/api/v1/_contracts/ticket-types";
import { checkEventManager, createPromoCode, listPromoCodes } from "@/lib/domain/bookings";
import type { Ctx } from "@/lib/domain/context";
import { apiMethods } from "@/lib/http/api-methods";
import { json, withApi } from "@/lib/http/with-api";

const managerOnly = { authorize: ({ ctx, params }: { ctx: Ctx; params: { id: string } }) => checkEventManager({ ctx, input: { eventId: params.id } }) };

const post = withApi(createPromoCodeRoute, async ({ ctx, params, body }) => json(await createPromoCode({ ctx, input: { ...body, eventId: params.id } }), 201), managerOnly);

const get = withApi(listPromoCodesRoute, async ({ ctx, params, query }) => json(await listPromoCodes({ ctx, input: { ...query, eventId: params.id } })), managerOnly);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiMethods({ GET: get, POST: post });
