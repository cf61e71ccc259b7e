// Holds the fault the mock applies to the next generation requests, for N requests or until cleared.
import type { MockFault } from './types';

export class FaultSchedule {
  private active?: { fault: MockFault; remaining?: number };

  set(fault: MockFault): void {
    if (fault.times !== undefined && (!Number.isInteger(fault.times) || fault.times < 1)) {
      throw new RangeError(`fault.times must be a positive integer, got ${fault.times}`);
    }
    this.active = { fault: { ...fault }, remaining: fault.times };
  }

  clear(): void {
    this.active = undefined;
  }

  get current(): MockFault | undefined {
    return this.active?.fault;
  }

  /** The fault for this request, counting it against `times`. */
  take(): MockFault | undefined {
    const active = this.active;
    if (!active) return undefined;
    if (active.remaining !== undefined && --active.remaining <= 0) this.active = undefined;
    return active.fault;
  }
}
