// `bulwark fix` (helper H1 implements).
import type { Io } from "./cli";

export async function fixCommand(io: Io): Promise<number> {
  void io;
  throw new Error("bulwark fix: not implemented yet");
}
