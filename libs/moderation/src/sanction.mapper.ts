import type { SanctionDto } from '@harbour/contracts';
import type { Sanction } from './sanction.entity';

/** Every field of a sanction that leaves the server. */
export function toSanctionDto(sanction: Sanction): SanctionDto {
  return {
    id: sanction.id,
    type: sanction.type,
    reason: sanction.reason,
    until: sanction.until?.toISOString() ?? null,
    createdAt: sanction.createdAt.toISOString(),
    liftedAt: sanction.liftedAt?.toISOString() ?? null,
    acknowledgedAt: sanction.acknowledgedAt?.toISOString() ?? null,
    appealedAt: sanction.appealedAt?.toISOString() ?? null,
  };
}
