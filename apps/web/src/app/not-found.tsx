import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col items-center justify-center px-4 text-center">
      <p className="text-sm font-medium text-indigo-700">404</p>
      <h1 className="mt-2 text-xl font-semibold text-zinc-900">Page not found</h1>
      <Link href="/overview" className="mt-6 text-sm font-medium text-indigo-700 underline-offset-4 hover:underline">Go to Bulwark</Link>
    </main>
  );
}
