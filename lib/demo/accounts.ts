// The demo accounts ("tài khoản dùng thử"), as plain data: the sign-in page and the README list
// them, and lib/demo/load.ts creates them. Keep this module free of server-only imports (no
// argon2, no database): it is bundled into client components.
import type { Role } from "../generated/prisma/enums";

/** The password of every demo account. */
export const DEMO_PASSWORD = "demo-2026";

export interface DemoAccount {
  username: string;
  role: Role;
  fullName: string;
  /** Code of the unit the account works for ("VN", a province "31", a commune "10804"), or null. */
  unitCode: string | null;
  unitName: string | null;
  /** Code of the province (tenant) whose data the account sees, or null for national accounts. */
  tenantCode: string | null;
  /** What to try with this account, in Vietnamese. */
  description: string;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    username: "admin",
    role: "ADMIN",
    fullName: "Quản trị hệ thống",
    unitCode: null,
    unitName: null,
    tenantCode: null,
    description: "Quản trị hệ thống: quản lý tài khoản, danh mục đơn vị hành chính và cài đặt.",
  },
  {
    username: "lanhdao.quocgia",
    role: "NATIONAL_LEADER",
    fullName: "Lãnh đạo BHXH Việt Nam",
    unitCode: "VN",
    unitName: "Việt Nam",
    tenantCode: null,
    description: "Xem báo cáo tổng hợp và xếp hạng các tỉnh, thành phố trên toàn quốc.",
  },
  {
    username: "bhxh.haiphong",
    role: "CITY_STAFF",
    fullName: "Cán bộ BHXH Hải Phòng",
    unitCode: "31",
    unitName: "Thành phố Hải Phòng",
    tenantCode: "31",
    description: "Giao chỉ tiêu cho 114 xã, phường, đặc khu; duyệt số liệu quý; đôn đốc đơn vị chưa báo cáo quý III/2026.",
  },
  {
    username: "lanhdao.haiphong",
    role: "CITY_LEADER",
    fullName: "Lãnh đạo UBND Hải Phòng",
    unitCode: "31",
    unitName: "Thành phố Hải Phòng",
    tenantCode: "31",
    description: "Xem bảng điều hành và xếp hạng các xã, phường của Hải Phòng theo Kế hoạch 149/KH-UBND.",
  },
  {
    username: "xa.kimthanh",
    role: "COMMUNE_OFFICER",
    fullName: "Cán bộ VH-XH xã Kim Thành",
    unitCode: "10804",
    unitName: "Xã Kim Thành",
    tenantCode: "31",
    description: "Nhập số liệu quý III/2026 (chưa nhập) và phân bổ chỉ tiêu năm 2026 cho các thôn.",
  },
  {
    username: "xa.nguyenluongbang",
    role: "COMMUNE_OFFICER",
    fullName: "Cán bộ VH-XH xã Nguyễn Lương Bằng",
    unitCode: "11242",
    unitName: "Xã Nguyễn Lương Bằng",
    tenantCode: "31",
    description: "Xem số liệu các quý đã gửi, kết quả so với chỉ tiêu; phân bổ chỉ tiêu cho các thôn.",
  },
  {
    username: "bhxh.hue",
    role: "CITY_STAFF",
    fullName: "Cán bộ BHXH Huế",
    unitCode: "46",
    unitName: "Thành phố Huế",
    tenantCode: "46",
    description: "Theo dõi chỉ tiêu năm 2026 theo Kế hoạch 141/KH-UBND và duyệt số liệu của 40 xã, phường.",
  },
];
