import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditSource, inTransaction, requireActor } from '../../kernel/context.js';
import { sendWorkbook, xlsxResponse } from '../../kernel/figures.js';
import { errorResponses, langOf, ZId, ZIdParams, zPage, ZPageQuery } from '../../kernel/http.js';
import { ZDate } from '../member/index.js';
import { SETTLEMENT_STATES } from './settlement.schema.js';
import {
  approveSettlement,
  createSettlement,
  exportSettlement,
  getSettlement,
  listSettlements,
} from './settlement.service.js';

export const ZSettlement = z
  .object({
    id: z.number().int(),
    merchantId: z.number().int(),
    merchantName: z.string(),
    orgId: z.number().int(),
    periodStart: z.string(),
    periodEnd: z.string(),
    state: z.enum(SETTLEMENT_STATES),
    vouchers: z.number().int(),
    faceValueFen: z.number().int(),
    subsidyDueFen: z.number().int(),
    createdAt: z.iso.datetime(),
    confirmedAt: z.iso.datetime().nullable(),
    approvedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'VoucherSettlement' });

const ZSettlementDetail = ZSettlement.extend({
  lines: z.array(
    z.object({
      voucherId: z.number().int(),
      code: z.string(),
      campaignId: z.number().int(),
      campaignName: z.string(),
      faceValueFen: z.number().int(),
      subsidyFen: z.number().int(),
      redeemedAt: z.iso.datetime(),
    }),
  ),
  budgets: z.array(
    z.object({
      campaignId: z.number().int(),
      name: z.string(),
      budgetFen: z.number().int(),
      committedFen: z.number().int(),
      spentFen: z.number().int(),
      leftFen: z.number().int(),
    }),
  ),
}).meta({ id: 'VoucherSettlementDetail' });

export async function settlementRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { deps } = app;
  const tags = ['voucher'];

  r.post(
    '/api/voucher-settlements',
    {
      schema: {
        tags,
        summary: "Draw up a merchant's statement for a period: its redeemed vouchers not settled before (state draft)",
        body: z
          .strictObject({ merchantId: ZId, periodStart: ZDate, periodEnd: ZDate })
          .refine((b) => b.periodStart <= b.periodEnd, { message: 'settlement.period', path: ['periodEnd'] }),
        response: { 201: ZSettlementDetail, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req, 'staff');
      const id = await inTransaction(deps, req, (tx, env) => createSettlement(tx, env, actor, req.body));
      return reply.code(201).send(await getSettlement(deps.db, actor, id));
    },
  );

  r.get(
    '/api/voucher-settlements',
    {
      schema: {
        tags,
        summary: 'Settlement statements in scope, newest first',
        querystring: z.strictObject({
          merchantId: ZId.optional(),
          state: z.enum(SETTLEMENT_STATES).optional(),
          ...ZPageQuery,
        }),
        response: { 200: zPage(ZSettlement), ...errorResponses },
      },
    },
    async (req) => {
      const { page, pageSize, ...f } = req.query;
      return {
        ...(await listSettlements(deps.db, requireActor(req, 'staff'), { ...f, page, pageSize })),
        page,
        pageSize,
      };
    },
  );

  r.get(
    '/api/voucher-settlements/:id',
    {
      schema: {
        tags,
        summary: 'One statement with its lines and the budget used and left of its campaigns',
        params: ZIdParams,
        response: { 200: ZSettlementDetail, ...errorResponses },
      },
    },
    async (req) => getSettlement(deps.db, requireActor(req, 'staff'), req.params.id),
  );

  r.post(
    '/api/voucher-settlements/:id/approve',
    {
      schema: {
        tags,
        summary: 'Approve a statement the merchant confirmed',
        params: ZIdParams,
        response: { 200: ZSettlementDetail, ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req, 'staff');
      await inTransaction(deps, req, (tx, env) => approveSettlement(tx, env, actor, req.params.id));
      return getSettlement(deps.db, actor, req.params.id);
    },
  );

  r.get(
    '/api/voucher-settlements/:id/export',
    {
      schema: {
        tags,
        summary: 'The statement as .xlsx for the finance office (audited)',
        params: ZIdParams,
        response: { 200: xlsxResponse, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req, 'staff');
      const { file } = await exportSettlement(
        deps.db,
        deps.crypto,
        auditSource(req, deps.clock),
        actor,
        req.params.id,
        langOf(req),
      );
      const raw: FastifyReply = reply;
      return sendWorkbook(raw, file, `settlement-${req.params.id}`, `商户结算单-${req.params.id}`, deps.clock.now());
    },
  );
}
