// Contract of ticket integrations (helper H4 implements the functions in this folder).
export type TTicketKind = "jira" | "github";

export interface TTicketIntegrationView {
  id: string;
  name: string;
  kind: TTicketKind;
  baseUrl: string;
  project: string;
  issueType: string | null;
  username: string | null;
  doneTransition: string | null;
  enabled: boolean;
  /** the token itself never leaves the database layer */
  tokenSet: true;
  lastSyncAt: Date | null;
  lastStatus: string | null;
  lastError: string | null;
  createdAt: Date;
}

export interface TTicketView {
  id: string;
  integrationId: string;
  integrationName: string;
  kind: TTicketKind;
  source: "finding" | "risk" | "rule";
  title: string;
  status: "pending" | "open" | "closed" | "failed";
  externalKey: string | null;
  url: string | null;
  remoteStatus: string | null;
  lastError: string | null;
  findingIds: string[];
  riskId: string | null;
  ruleId: string | null;
  clusterId: string | null;
  createdAt: Date;
  closedAt: Date | null;
}
