/** fresh ships no types; its one function, which server.mjs answers If-None-Match with. */
declare module 'fresh' {
  /**
   * Whether the response those headers describe is still fresh for the request's If-None-Match or If-Modified-Since.
   */
  function fresh(
    reqHeaders: Readonly<Record<string, string | string[] | undefined>>,
    resHeaders: Readonly<Record<string, string | number | string[] | undefined>>,
  ): boolean;
  export = fresh;
}
