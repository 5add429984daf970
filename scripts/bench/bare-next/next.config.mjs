/** The bare reference app: Next's defaults, nothing of Sahifa's. */
export default {};
