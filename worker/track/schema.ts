// The track API's wire format (POST /api/track, POST /api/track/identify). Everything a store's
// server sends is validated here; a failure is a 400 that names each field.
import { z } from 'zod';
import { BATON_EVENT_NAMES, STORE_EVENT } from '../events/names';

/** Properties travel as JSON; this caps what one event may carry. */
export const MAX_PROPERTIES_BYTES = 16 * 1024;
/** Events may be back-filled from the past, but not claim to come from the future (beyond clock skew). */
const MAX_FUTURE_MS = 24 * 60 * 60 * 1000;
const EARLIEST = Date.UTC(2000, 0, 1);

export const profileRef = z
  .object({
    /** Baton's own profile id (as webhooks and exports show it). */
    id: z.uuid().optional(),
    /** The store's customer id: the `sub` of the shopper identity token. */
    externalId: z.string().trim().min(1).max(200).optional(),
    email: z.email().max(254).optional(),
    name: z.string().trim().min(1).max(200).optional(),
  })
  .refine((p) => p.id !== undefined || p.externalId !== undefined || p.email !== undefined, {
    message: 'Identify the profile with id, externalId or email',
    path: ['externalId'],
  });
export type ProfileRef = z.infer<typeof profileRef>;

const time = z
  .union([z.iso.datetime({ offset: true }), z.number().int()])
  .transform((t) => (typeof t === 'number' ? t : Date.parse(t)))
  .refine((t) => t >= EARLIEST, 'Times before 2000 are not accepted')
  .refine((t) => t <= Date.now() + MAX_FUTURE_MS, 'This time is more than a day in the future');

const properties = z
  .record(z.string().min(1).max(100), z.json())
  .refine(
    (p) => JSON.stringify(p).length <= MAX_PROPERTIES_BYTES,
    `Properties must be at most ${MAX_PROPERTIES_BYTES} bytes of JSON`,
  );

export const trackBody = z
  .object({
    /** The store's own id for this event: sending it again (a retry) stores nothing new. */
    id: z.string().trim().min(1).max(200),
    event: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .refine(
        (name) => !BATON_EVENT_NAMES.includes(name),
        'This event is written by Baton itself and cannot be tracked',
      ),
    profile: profileRef,
    properties: properties.default({}),
    time: time.optional(),
  })
  .superRefine((body, ctx) => {
    const schema = PROPERTIES_OF[body.event];
    if (!schema) return;
    const result = schema.safeParse(body.properties);
    if (result.success) return;
    for (const issue of result.error.issues) {
      ctx.addIssue({ code: 'custom', path: ['properties', ...issue.path], message: issue.message });
    }
  });
export type TrackBody = z.infer<typeof trackBody>;

export const orderItem = z.object({
  productId: z.string().max(200).optional(),
  sku: z.string().max(200).optional(),
  title: z.string().trim().min(1).max(300),
  quantity: z.number().int().min(1).max(100_000).default(1),
  price: z.number().nonnegative().max(1e9).optional(),
});

/** Placed Order: `value` in the currency's major unit (12.5 = $12.50), like a storefront shows it. */
export const placedOrderProperties = z.object({
  orderId: z.string().trim().min(1).max(200),
  value: z.number().nonnegative().max(1e9),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'Use a three-letter ISO currency code such as USD')
    .default('USD'),
  status: z.string().trim().min(1).max(50).default('processing'),
  items: z.array(orderItem).max(500).default([]),
});

export const orderStatusProperties = z.object({
  orderId: z.string().trim().min(1).max(200),
  status: z.string().trim().min(1).max(50),
});

const PROPERTIES_OF: Record<string, z.ZodType> = {
  [STORE_EVENT.placedOrder]: placedOrderProperties,
  [STORE_EVENT.orderStatusUpdated]: orderStatusProperties,
};

export const identifyBody = z.object({ profile: profileRef });
