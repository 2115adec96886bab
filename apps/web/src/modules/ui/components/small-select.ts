// A compact select for toolbars and table rows (the form Select is full width with form padding).
export const smallSelectClass =
  "h-8 rounded-md border-0 bg-white pl-2 pr-7 text-xs text-zinc-900 shadow-xs ring-1 ring-inset ring-zinc-300 focus:ring-2 focus:ring-inset focus:ring-indigo-500 focus:outline-none disabled:bg-zinc-50";
