import Link from "next/link";
import { buttonClass } from "@/modules/ui/components/button";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-md py-20 text-center">
      <p className="text-sm font-medium text-indigo-700">404</p>
      <h1 className="mt-2 text-xl font-semibold text-zinc-900">Not found</h1>
      <p className="mt-2 text-sm text-zinc-500">It does not exist, or it belongs to an organization you are not viewing. Switch organization from the top bar if you followed a colleague&apos;s link.</p>
      <Link href="/overview" className={buttonClass("secondary", "md", "mt-6")}>Back to overview</Link>
    </div>
  );
}
