import { requirePageContext } from "@/modules/auth/server/session";
import { Brand, SidebarNav } from "@/modules/shell/components/sidebar";
import { TopBar } from "@/modules/shell/components/top-bar";
import { ToastProvider } from "@/modules/ui/components/toast";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const ctx = await requirePageContext();
  return (
    <ToastProvider>
    <div className="min-h-dvh lg:grid lg:grid-cols-[15rem_minmax(0,1fr)]">
      <a href="#main" className="sr-only focus:not-sr-only focus:fixed focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:shadow">
        Skip to content
      </a>
      <aside className="sticky top-0 hidden h-dvh flex-col border-r border-zinc-200 bg-zinc-50 lg:flex">
        <div className="flex h-14 items-center border-b border-zinc-200 px-4"><Brand /></div>
        <div className="flex-1 overflow-y-auto"><SidebarNav /></div>
        <div className="border-t border-zinc-200 px-4 py-3 text-xs text-zinc-500">Bulwark · KSPM</div>
      </aside>
      <div className="min-w-0">
        <TopBar
          user={{ email: ctx.user.email, name: ctx.user.name }}
          org={{ id: ctx.org.id, name: ctx.org.name }}
          role={ctx.role}
          orgs={ctx.memberships.map((m) => ({ id: m.org.id, name: m.org.name, role: m.role }))}
        />
        <main id="main" className="mx-auto w-full max-w-7xl px-4 py-6 sm:px-6 lg:px-8">{children}</main>
      </div>
    </div>
    </ToastProvider>
  );
}
