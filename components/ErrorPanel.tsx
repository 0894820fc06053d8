import Link from "next/link";

export function ErrorPanel({
  title,
  message,
  homeLabel,
  testId,
  children,
}: {
  title: string;
  message: string;
  homeLabel: string;
  testId: string;
  children?: React.ReactNode;
}) {
  return (
    <div className="mx-auto mt-16 max-w-xl rounded-lg border border-slate-200 bg-white p-6 shadow-sm" data-testid={testId} role="alert">
      <h1 className="text-xl font-semibold">{title}</h1>
      <p className="mt-2 text-slate-700">{message}</p>
      <div className="mt-4 flex gap-3">
        {children}
        <Link href="/" className="rounded bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
          {homeLabel}
        </Link>
      </div>
    </div>
  );
}
