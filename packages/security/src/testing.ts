// Test-only exports (fixed TLS material for local servers); never imported by production code.
export { CA_PEM, CLIENT_CERT_PEM, CLIENT_KEY_PEM, SERVER_CERT_PEM, SERVER_KEY_PEM } from "./tls.fixtures";
