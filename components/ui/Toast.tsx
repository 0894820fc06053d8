// Feedback placed next to the control that was used: success (a polite status) or failure (an
// alert read at once). Renders nothing without a message.
export interface ToastMessage {
  ok: boolean;
  text: string;
}

export function Toast({ message, testId, className = "" }: { message: ToastMessage | null; testId?: string; className?: string }) {
  if (!message) return null;
  return (
    <p
      role={message.ok ? "status" : "alert"}
      data-testid={testId}
      data-ok={message.ok}
      className={`rounded px-3 py-2 text-sm ${message.ok ? "bg-emerald-50 text-emerald-900" : "bg-red-50 text-red-800"} ${className}`}
    >
      {message.text}
    </p>
  );
}
