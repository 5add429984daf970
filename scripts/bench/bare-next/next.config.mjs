/** The bare reference app: Next's defaults, nothing of Sahifa's. */
const nextConfig = {};
export default nextConfig;
