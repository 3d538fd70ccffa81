/**
 * The consumer app's Next.js config: nothing Rivulet needs. The build cache is off because each
 * test run builds once in a fresh folder, where writing the cache only costs time.
 */
const nextConfig = {
  experimental: { turbopackFileSystemCacheForBuild: false },
};

export default nextConfig;
