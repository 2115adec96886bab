// The access pages' tabs (overview, who can, stale, changes, reviews).
import { PageTabs } from "@/modules/ui/components/page-tabs";

const TABS = [
  { href: "/access", label: "Overview" },
  { href: "/access/who-can", label: "Who can" },
  { href: "/access/stale", label: "Stale access" },
  { href: "/access/changes", label: "Changes" },
  { href: "/access/reviews", label: "Reviews" },
] as const;

export function AccessNav({ current }: { current: (typeof TABS)[number]["href"] | null }) {
  return <PageTabs label="Access" tabs={TABS} current={current} />;
}
