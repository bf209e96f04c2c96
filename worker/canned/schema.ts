// What the API accepts for a canned reply or macro (zod at the edge; unknown fields are refused).
import { z } from 'zod';
import { TICKET_STATUSES } from '../db/schema';
import { ticketTags } from '../tickets/tags';
import { MAX_MESSAGE_CHARS } from '../protocol/limits';
import { unknownVariables, VARIABLES } from './template';

const body = z
  .string()
  .trim()
  .min(1, 'body is empty')
  .max(MAX_MESSAGE_CHARS)
  .superRefine((text, ctx) => {
    for (const name of unknownVariables(text)) {
      ctx.addIssue({
        code: 'custom',
        message: `{{${name}}} is not a variable; use ${VARIABLES.map((v) => `{{${v}}}`).join(', ')}`,
      });
    }
  });

const fields = {
  name: z.string().trim().min(1, 'name is empty').max(80, 'name is longer than 80 characters'),
  body,
  /** A macro sets the ticket's status when its reply is sent (null: leaves it). */
  setStatus: z.enum(TICKET_STATUSES).nullable(),
  /** …and adds these tags. */
  addTags: ticketTags,
};

export const cannedInput = z.strictObject({
  ...fields,
  /** account: everyone in the account sees it (Managers and up edit it); personal: only you. */
  scope: z.enum(['account', 'personal']),
  setStatus: fields.setStatus.default(null),
  addTags: fields.addTags.default([]),
});
export type CannedInput = z.infer<typeof cannedInput>;

/** A change to some fields (not the scope: moving a reply between personal and account-wide is a new one). */
export const cannedPatch = z
  .strictObject(fields)
  .partial()
  .refine((p) => Object.keys(p).length > 0, 'nothing to change');
export type CannedPatch = z.infer<typeof cannedPatch>;
