import { IntegrationsPage } from "@/modules/tickets/components/integrations-page";

export const metadata = { title: "Ticket integrations" };
export const dynamic = "force-dynamic";

export default function Page() {
  return <IntegrationsPage />;
}
