// `bulwark admission-policies` (helper H2 implements).
import type { Io } from "./cli";

export async function admissionPoliciesCommand(io: Io): Promise<number> {
  void io;
  throw new Error("bulwark admission-policies: not implemented yet");
}
