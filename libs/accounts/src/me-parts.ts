import { Injectable } from '@nestjs/common';
import type { MeDto } from '@harbour/contracts';

/** What a lib above accounts adds to the member's own `me` (alerts: their regions, their unsubscribe, the team). */
export interface MePart {
  complete(me: MeDto): Promise<Partial<MeDto>>;
}

/**
 * Where those libs register at start-up: accounts builds `me` from its own row (toMeDto, with the others'
 * defaults) and asks each part for its fields, without depending on the libs above it.
 */
@Injectable()
export class MeParts {
  private readonly parts: MePart[] = [];

  register(part: MePart): void {
    this.parts.push(part);
  }

  async complete(me: MeDto): Promise<MeDto> {
    for (const part of this.parts) Object.assign(me, await part.complete(me));
    return me;
  }
}
