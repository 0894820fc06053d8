// A commune's officer accounts ("Cán bộ VH-XH xã Kim Thành (xa.kimthanh)"), or a note that it has none.
import type { Officer } from "@/lib/completeness/service";

export function Officers({ officers, empty }: { officers: Officer[]; empty: string }) {
  if (officers.length === 0)
    return (
      <span className="text-xs italic text-slate-500" data-officers="none">
        {empty}
      </span>
    );
  return (
    <ul className="space-y-0.5" data-officers={officers.map((o) => o.username).join(" ")}>
      {officers.map((o) => (
        <li key={o.username} translate="no">
          {o.name} <span className="text-xs text-slate-500">({o.username})</span>
        </li>
      ))}
    </ul>
  );
}
