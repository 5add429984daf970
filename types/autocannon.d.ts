/** The part of autocannon's API the benches use (the package ships no types). */
declare module 'autocannon' {
  interface Histogram {
    average: number;
    mean: number;
    stddev: number;
    min: number;
    max: number;
    p50: number;
    p90: number;
    p97_5: number;
    p99: number;
    total: number;
  }
  export interface Result {
    latency: Histogram;
    /** Per second; `total` counts the requests answered, `sent` those sent, answered or not. */
    requests: Histogram & { sent: number };
    throughput: Histogram;
    errors: number;
    timeouts: number;
    non2xx: number;
    duration: number;
    [key: `${number}xx`]: number;
    /** By status code, as a string: `{ "200": { count: 500 } }`. */
    statusCodeStats: Record<string, { count: number }>;
  }
  /** A request as autocannon is about to send it, with the defaults filled in. */
  export interface RawRequest {
    method: string;
    path: string;
    headers: Record<string, string>;
    body: string | Buffer;
    hostname: string;
    port: number | string;
    host?: string;
  }
  /**
   * One step of the sequence each connection loops through. The context is the connection's own, reset to
   * `initialContext` (or `{}`) each time it starts the sequence over.
   */
  export interface RequestStep<Context extends object> {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
    /** Returns the request to send; a falsy value starts the sequence over. */
    setupRequest?: (request: RawRequest, context: Context) => RawRequest | null | undefined | false;
    onResponse?: (status: number, body: string, context: Context, headers: Record<string, string>) => void;
  }
  export interface Options<Context extends object = Record<string, unknown>> {
    url: string;
    connections?: number;
    duration?: number;
    amount?: number;
    pipelining?: number;
    headers?: Record<string, string>;
    method?: string;
    body?: string;
    initialContext?: Context;
    requests?: RequestStep<Context>[];
    timeout?: number;
    workers?: number;
  }
  function autocannon<Context extends object = Record<string, unknown>>(options: Options<Context>): Promise<Result>;
  export default autocannon;
}
