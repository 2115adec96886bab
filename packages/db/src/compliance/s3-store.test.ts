// The S3-compatible evidence store: the Signature V4 signer against the AWS documentation's worked
// "GET Object" example, and attestations stored through a local fake S3 server that follows the
// documented path-style PutObject / GetObject / DeleteObject shapes and checks every request's
// Authorization header with its own SigV4 computation. Real Postgres.
import { createHash, createHmac } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { getFramework } from "@bulwark/rules";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dropDatabase, useFreshDatabase } from "../test-db";
import { signV4 } from "./s3";

const DB = "bulwark_be_evidence_s3";
const ACCESS = "AKIDEXAMPLEBULWARK";
const SECRET = "fake/secret+key=for/tests";
const BUCKET = "evidence";
const REGION = "eu-central-1";

describe("signV4", () => {
  it("reproduces the AWS documentation's GET Object example signature", () => {
    // https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html, "Example: GET Object"
    const h = signV4({
      method: "GET",
      url: new URL("https://examplebucket.s3.amazonaws.com/test.txt"),
      headers: { Range: "bytes=0-9" },
      payloadSha256: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
      accessKeyId: "AKIAIOSFODNN7EXAMPLE",
      secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
      region: "us-east-1",
      service: "s3",
      now: new Date("2013-05-24T00:00:00Z"),
    });
    expect(h.authorization).toBe(
      "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41",
    );
    expect(h["x-amz-date"]).toBe("20130524T000000Z");
  });
});

/** The server's own SigV4 check, written from the documentation (not from the client's code). */
function verifySigV4(req: IncomingMessage, body: Buffer, secret: string): string | null {
  const auth = req.headers.authorization ?? "";
  const m = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request,\s*SignedHeaders=([a-z0-9;-]+),\s*Signature=([0-9a-f]{64})$/.exec(auth);
  if (!m) return "malformed Authorization";
  const [, access, day, region, signed, signature] = m;
  if (access !== ACCESS) return "unknown access key";
  if (region !== REGION) return "wrong region";
  const amzDate = String(req.headers["x-amz-date"] ?? "");
  if (!amzDate.startsWith(day!)) return "date mismatch";
  const payloadHash = String(req.headers["x-amz-content-sha256"] ?? "");
  if (payloadHash !== createHash("sha256").update(body).digest("hex")) return "payload hash mismatch";
  const names = signed!.split(";");
  for (const required of ["host", "x-amz-content-sha256", "x-amz-date"]) if (!names.includes(required)) return `${required} not signed`;
  const [rawPath, rawQuery = ""] = (req.url ?? "/").split("?");
  const query = rawQuery
    .split("&")
    .filter(Boolean)
    .map((p) => (p.includes("=") ? p : `${p}=`))
    .sort()
    .join("&");
  const canonical = [req.method, rawPath, query, names.map((n) => `${n}:${String(req.headers[n] ?? "").trim()}\n`).join(""), signed, payloadHash].join("\n");
  const stringToSign = `AWS4-HMAC-SHA256\n${amzDate}\n${day}/${region}/s3/aws4_request\n${createHash("sha256").update(canonical).digest("hex")}`;
  let key: Buffer = createHmac("sha256", `AWS4${secret}`).update(day!).digest();
  for (const part of [region!, "s3", "aws4_request"]) key = createHmac("sha256", key).update(part).digest();
  return createHmac("sha256", key).update(stringToSign).digest("hex") === signature ? null : "SignatureDoesNotMatch";
}

const objects = new Map<string, { body: Buffer; type: string }>();
const requests: Array<{ method: string; path: string; denied: string | null }> = [];
let server: Server;
let endpoint: string;

function errorXml(code: string, message: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>test</RequestId></Error>`;
}

function startFakeS3(): Promise<void> {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const denied = verifySigV4(req, body, SECRET);
      const path = decodeURIComponent((req.url ?? "/").split("?")[0]!);
      requests.push({ method: req.method!, path, denied });
      if (denied) {
        res.writeHead(403, { "Content-Type": "application/xml" }).end(errorXml(denied === "SignatureDoesNotMatch" ? "SignatureDoesNotMatch" : "AccessDenied", denied));
        return;
      }
      // Path-style: /<bucket>/<key>
      const [, bucket, ...rest] = path.split("/");
      const key = rest.join("/");
      if (bucket !== BUCKET) return void res.writeHead(404, { "Content-Type": "application/xml" }).end(errorXml("NoSuchBucket", "The specified bucket does not exist"));
      if (req.method === "PUT") {
        objects.set(key, { body, type: String(req.headers["content-type"] ?? "binary/octet-stream") });
        res.writeHead(200, { ETag: `"${createHash("md5").update(body).digest("hex")}"` }).end();
      } else if (req.method === "GET") {
        const o = objects.get(key);
        if (!o) return void res.writeHead(404, { "Content-Type": "application/xml" }).end(errorXml("NoSuchKey", "The specified key does not exist."));
        res.writeHead(200, { "Content-Type": o.type, "Content-Length": String(o.body.length) }).end(o.body);
      } else if (req.method === "DELETE") {
        objects.delete(key);
        res.writeHead(204).end();
      } else {
        res.writeHead(405).end();
      }
    });
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
}

type Mod = typeof import("../index");
let m: Mod;
let orgId: string;
let otherOrgId: string;
let userId: string;
const S3_ENV = ["BULWARK_S3_ENDPOINT", "BULWARK_S3_BUCKET", "BULWARK_S3_ACCESS_KEY_ID", "BULWARK_S3_SECRET_ACCESS_KEY", "BULWARK_S3_REGION"] as const;

function useS3(secret = SECRET) {
  Object.assign(process.env, { BULWARK_S3_ENDPOINT: endpoint, BULWARK_S3_BUCKET: BUCKET, BULWARK_S3_ACCESS_KEY_ID: ACCESS, BULWARK_S3_SECRET_ACCESS_KEY: secret, BULWARK_S3_REGION: REGION });
}
function usePostgres() {
  for (const k of S3_ENV) delete process.env[k];
}

const manual = () => getFramework("hipaa")!.controls.find((c) => c.manual && !c.notApplicable)!;
const input = (files: Array<{ name: string; bytes: Buffer }>) => ({
  orgId,
  actor: { id: userId },
  framework: "hipaa",
  controlId: manual().id,
  statement: "Backups are restored and checked monthly.",
  owner: "Platform team",
  reviewedAt: new Date(Date.now() - 86_400_000),
  expiresAt: new Date(Date.now() + 30 * 86_400_000),
  files,
});

beforeAll(async () => {
  await startFakeS3();
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await useFreshDatabase(DB);
  m = await import("../index");
  const a = await m.createUserWithOrganization({ email: "s3@example.com", passwordHash: null, orgName: "S3" });
  const b = await m.createUserWithOrganization({ email: "s3-other@example.com", passwordHash: null, orgName: "Other" });
  orgId = a.org.id;
  userId = a.user.id;
  otherOrgId = b.org.id;
});

afterAll(async () => {
  usePostgres();
  await m?.disconnectDb();
  await dropDatabase(DB).catch(() => {});
  await new Promise((r) => server?.close(r));
});

describe("evidence in an S3-compatible store", () => {
  it("puts files under <orgId>/<attestationId>/<fileId> with signed requests and reads them back", async () => {
    useS3();
    try {
      const bytes = Buffer.from("%PDF-1.7\nbackup restore log\n%%EOF\n");
      const a = await m.createAttestation(input([{ name: "restore.pdf", bytes }]));
      const f = a.files[0]!;
      const row = await m.db.attestationFile.findUniqueOrThrow({ where: { id: f.id } });
      expect(row).toMatchObject({ storage: "s3", data: null, objectKey: `${orgId}/${a.id}/${f.id}` });
      expect(objects.get(`${orgId}/${a.id}/${f.id}`)).toEqual({ body: bytes, type: "application/pdf" });
      expect(requests.at(-1)).toEqual({ method: "PUT", path: `/${BUCKET}/${orgId}/${a.id}/${f.id}`, denied: null });

      const back = await m.getAttestationFile({ orgId, fileId: f.id });
      expect(back?.bytes.equals(bytes)).toBe(true);
      expect(requests.at(-1)).toMatchObject({ method: "GET", denied: null });
      // Another organization cannot reach it (no request is even made).
      const before = requests.length;
      expect(await m.getAttestationFile({ orgId: otherOrgId, fileId: f.id })).toBeNull();
      expect(requests.length).toBe(before);

      // Changed in the store behind Bulwark's back: refused, not served.
      objects.set(`${orgId}/${a.id}/${f.id}`, { body: Buffer.from("%PDF-1.7\nedited\n"), type: "application/pdf" });
      await expect(m.getAttestationFile({ orgId, fileId: f.id })).rejects.toThrow(/no longer matches the checksum/);
      // Gone from the store: a clear error naming the S3 code.
      objects.delete(`${orgId}/${a.id}/${f.id}`);
      await expect(m.getAttestationFile({ orgId, fileId: f.id })).rejects.toThrow(/HTTP 404 NoSuchKey/);
    } finally {
      usePostgres();
    }
  });

  it("writes nothing when the store refuses the upload, and says why", async () => {
    useS3("wrong-secret");
    try {
      const count = await m.db.attestation.count({ where: { orgId } });
      await expect(m.createAttestation(input([{ name: "a.txt", bytes: Buffer.from("one") }, { name: "b.txt", bytes: Buffer.from("two") }]))).rejects.toThrow(/HTTP 403 SignatureDoesNotMatch/);
      expect(requests.at(-1)?.denied).toBe("SignatureDoesNotMatch");
      expect(await m.db.attestation.count({ where: { orgId } })).toBe(count);
    } finally {
      usePostgres();
    }
  });

  it("removes uploaded objects when the rows cannot be written", async () => {
    useS3();
    try {
      const size = objects.size;
      // A user who is a member elsewhere only: refused after validation, before any upload.
      await expect(m.createAttestation({ ...input([{ name: "a.txt", bytes: Buffer.from("one") }]), actor: { id: "no-such-user" } })).rejects.toThrow(/member/);
      expect(objects.size).toBe(size);
      // Uploaded, then the transaction fails (a trigger refuses the row): the objects are deleted again.
      await m.db.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION refuse_attestation() RETURNS trigger AS $$ BEGIN IF NEW.statement = 'refuse me' THEN RAISE EXCEPTION 'refused by test trigger'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
      await m.db.$executeRawUnsafe(`CREATE TRIGGER refuse_attestation BEFORE INSERT ON "Attestation" FOR EACH ROW EXECUTE FUNCTION refuse_attestation()`);
      const puts = requests.filter((r) => r.method === "PUT").length;
      await expect(m.createAttestation({ ...input([{ name: "c.txt", bytes: Buffer.from("three") }, { name: "d.txt", bytes: Buffer.from("four") }]), statement: "refuse me" })).rejects.toThrow(/refused by test trigger/);
      await m.db.$executeRawUnsafe(`DROP TRIGGER refuse_attestation ON "Attestation"`);
      expect(requests.filter((r) => r.method === "PUT").length).toBe(puts + 2);
      expect(objects.size).toBe(size);
      expect(requests.filter((r) => r.method === "DELETE" && !r.denied).length).toBe(2);
    } finally {
      usePostgres();
    }
  });

  it("refuses an incomplete S3 configuration with every problem named", () => {
    expect(() => m.evidenceEnv({ BULWARK_S3_ENDPOINT: "http://minio:9000" })).toThrow(/set all of BULWARK_S3_ENDPOINT/);
    expect(() => m.evidenceEnv({ BULWARK_S3_ENDPOINT: "ftp://x", BULWARK_S3_BUCKET: "b_b", BULWARK_S3_ACCESS_KEY_ID: "a", BULWARK_S3_SECRET_ACCESS_KEY: "s" })).toThrow(/https.*bucket name/s);
    expect(m.evidenceEnv({}).s3).toBeNull();
  });
});
