// The sidebar's information architecture (DESIGN.md). `soon` marks pages not built yet.
export interface TNavItem {
  href: string;
  label: string;
  icon: "overview" | "clusters" | "findings" | "compliance" | "reports" | "trends" | "scan" | "members" | "policy" | "audit" | "exceptions" | "alerts" | "tokens" | "signing" | "access" | "images" | "fixes" | "integrations" | "prevention";
  soon?: boolean;
  /** Other path prefixes that belong to this item (a risk page is part of Findings). */
  also?: string[];
}

export const MAIN_NAV: TNavItem[] = [
  { href: "/overview", label: "Overview", icon: "overview" },
  { href: "/clusters", label: "Clusters", icon: "clusters" },
  { href: "/findings", label: "Findings", icon: "findings", also: ["/risks"] },
  { href: "/exceptions", label: "Exceptions", icon: "exceptions" },
  { href: "/fixes", label: "Fixes", icon: "fixes" },
  { href: "/access", label: "Access", icon: "access" },
  { href: "/images", label: "Images", icon: "images", also: ["/vulnerabilities"] },
  { href: "/compliance", label: "Compliance", icon: "compliance" },
  { href: "/reports", label: "Reports", icon: "reports" },
  { href: "/trends", label: "Trends", icon: "trends" },
  { href: "/scan-yaml", label: "Scan YAML", icon: "scan" },
];

export const SETTINGS_NAV: TNavItem[] = [
  { href: "/settings/members", label: "Members", icon: "members" },
  { href: "/settings/policy", label: "Policy", icon: "policy" },
  { href: "/settings/alerts", label: "Alerts", icon: "alerts" },
  { href: "/settings/integrations", label: "Ticket integrations", icon: "integrations" },
  { href: "/settings/prevention", label: "Admission policies", icon: "prevention" },
  { href: "/settings/audit", label: "Audit log", icon: "audit" },
  { href: "/settings/tokens", label: "API tokens", icon: "tokens" },
  { href: "/settings/signing", label: "Report signing", icon: "signing" },
];
