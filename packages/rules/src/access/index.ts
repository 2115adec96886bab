// The access model: who can do what in a cluster and how (see types.ts for the contract).
export * from "./types";
