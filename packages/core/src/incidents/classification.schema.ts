import { z } from 'zod';

const count = z.number().int().min(0);
const amount = z.number().min(0).finite();

/**
 * What the entity knows about an ICT-related incident, in the terms of Delegated Regulation (EU) 2024/1772.
 * Every field is optional except the critical-services gate: an unknown value leaves its criterion undetermined.
 */
export const incidentImpactSchema = z.strictObject({
  /** Art. 6(a)-(b): ICT services supporting critical or important functions, or authorised financial services, were affected (a malicious access, Art. 6(c), counts on its own). */
  criticalServicesAffected: z.boolean(),
  clients: z
    .strictObject({
      affected: count.optional(),
      /** All clients using the affected service. */
      total: count.optional(),
      counterpartsAffected: count.optional(),
      counterpartsTotal: count.optional(),
      transactionsAffected: count.optional(),
      transactionsDailyAverage: count.optional(),
      transactionValueAffectedEUR: amount.optional(),
      transactionValueDailyAverageEUR: amount.optional(),
      /** Art. 1(3): clients or counterparts identified as relevant were affected. */
      relevantAffected: z.boolean().optional(),
    })
    .default({}),
  /** Art. 2(1)(a)-(d): the reputational impact conditions. */
  reputational: z
    .strictObject({
      mediaAttention: z.boolean().optional(),
      repetitiveComplaints: z.boolean().optional(),
      regulatoryRequirementsAtRisk: z.boolean().optional(),
      clientLossLikely: z.boolean().optional(),
    })
    .default({}),
  durationHours: amount.optional(),
  /** Downtime of the ICT services that support critical or important functions. */
  criticalServiceDowntimeHours: amount.optional(),
  /** Member states where the incident had an impact, assessed under Art. 4. */
  memberStatesImpacted: z.array(z.string().length(2)).optional(),
  dataLosses: z
    .strictObject({
      /** Art. 9(5)(a): the impact on data availability, authenticity, integrity or confidentiality hits business objectives or regulatory compliance. */
      adverseImpact: z.boolean().optional(),
      /** Art. 9(5)(b): any successful, malicious and unauthorised access to network and information systems that may lead to data losses. */
      maliciousUnauthorisedAccess: z.boolean().optional(),
    })
    .default({}),
  /** Art. 7: direct and indirect costs and losses, incurred or likely, without financial recoveries. */
  economicImpactEUR: amount.optional(),
});

export type IncidentImpact = z.infer<typeof incidentImpactSchema>;
