/**
 * prom-client looks a labelled series up by hashing its label object on every inc/observe (keys
 * sorted, joined); the /v1 path records several series per request. Children are kept here under
 * one joined string instead. Label values are bounded (catalog ids, upstream ids, statuses), so
 * the map is too.
 */
export class ChildCache<Child> {
  private readonly children = new Map<string, Child>();

  constructor(private readonly make: (...labels: string[]) => Child) {}

  get(...labels: string[]): Child {
    const key = labels.join('\u0001');
    let child = this.children.get(key);
    if (child === undefined) {
      child = this.make(...labels);
      this.children.set(key, child);
    }
    return child;
  }
}
