import Link from "next/link";
import { buttonClass } from "@/components/ui/Button";

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
        <Link href="/" className={buttonClass({ size: "lg" })}>
          {homeLabel}
        </Link>
      </div>
    </div>
  );
}
