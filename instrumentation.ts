// Runs once when the server starts (Next.js instrumentation hook).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { installPeerAddressHeader } = await import("./lib/auth/peer-address");
  installPeerAddressHeader();
  // Live co-editing: the app's server (lib/server/server.mjs) hands WebSocket upgrades of /api/collab to this bundle.
  const { registerCollabServer } = await import("./lib/collab/yjs/register");
  registerCollabServer();
}
