// Next calls register() once when the server starts: validate configuration there. NEXT_RUNTIME
// is Next's own build-time constant (not configuration); the check lets the bundler drop the
// Node-only import from the edge build.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { validateEnvAtStartup } = await import("./env");
    validateEnvAtStartup();
    // The socket's address for every request, before Next sees it (lib/client-ip).
    const { installPeerAddressHeader } = await import("./lib/client-ip");
    installPeerAddressHeader();
  }
}
