import { redirect } from "next/navigation";
import { queueRedirect } from "@/modules/findings/findings.schemas";

/** The remediation queue is the Findings page now; old links (and their filters) land there. */
export default async function QueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  redirect(queueRedirect(await searchParams));
}
