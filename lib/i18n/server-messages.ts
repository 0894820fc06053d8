// Server messages in the user's language (issue 13, item 7). Services speak Vietnamese, the
// language of the product and of its records (audit reasons, report texts). At the edge — the JSON
// API's error frame and the server actions' — each message is looked up here: it gets a stable
// `code` (for programs) and, for an English user, its English text. Parameters (unit names, periods,
// numbers) are carried over. A message not in the catalogue keeps its Vietnamese text and the code
// "message"; the catalogue test lists every fixed message of lib/figures/errors.ts and the permission
// table, so new ones cannot be forgotten.
import { PERMISSIONS, type Permission } from "../auth/permissions";
import { LOCALE_COOKIE, LOCALES, type Locale } from "./config";
import { keyLabel } from "./labels";
import { INDICATOR_KEYS, METRIC_KEYS } from "../domain/metrics";
import { TARGET_KEYS } from "../domain/targets";

interface Entry {
  code: string;
  pattern: RegExp;
  en: string;
  names: string[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A figure, indicator or target's Vietnamese label → its English label ("{label}" of a message). */
const LABELS_EN = new Map([...METRIC_KEYS, ...INDICATOR_KEYS, ...TARGET_KEYS].map((k) => [keyLabel(k, "vi"), keyLabel(k, "en")]));

/** "{field}": the Vietnamese label of a figure, indicator or target (only those), given in English. */
let fieldPattern: string | null = null;
const fieldSource = () =>
  (fieldPattern ??= `(${[...LABELS_EN.keys()]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join("|")})`);

/** An entry from a Vietnamese template with {placeholders} and its English template. */
function entry(code: string, vi: string, en: string): Entry {
  const names: string[] = [];
  const source = vi
    .split(/(\{[a-z]+\})/)
    .map((part) => {
      const m = /^\{([a-z]+)\}$/.exec(part);
      if (!m) return escape(part);
      names.push(m[1]);
      return m[1] === "field" ? fieldSource() : "(.+?)";
    })
    .join("");
  return { code, pattern: new RegExp(`^${source}$`, "s"), en, names };
}

const ACTIONS_EN: Record<string, string> = { gửi: "submit", duyệt: "approve", "trả lại": "return", "mở lại": "reopen" };
const STATUS_EN: Record<string, string> = {
  "bản nháp": "draft",
  "đang nhập": "a draft",
  "đã gửi": "submitted",
  "đã gửi, chờ duyệt": "submitted, awaiting approval",
  "đã duyệt": "approved",
  "bị trả lại": "returned",
};

const PERMISSION_EN: Record<Permission, string> = {
  "unit.view": "Your account may not see this unit.",
  "figures.enter": "Your account may not enter figures for this unit: only a commune's officer enters the commune's figures.",
  "report.review": "Only the city's social-insurance staff approve, return or reopen the reports of the city's communes.",
  "targets.set": "Your account may not set targets for this unit.",
  "villages.manage": "Only the commune's officer creates, renames or retires its villages and residential groups.",
  "villages.figures": "Only the commune's officer records the figures of the commune's villages and residential groups.",
  "report.edit": "Only the unit's own staff write and edit its report and report settings.",
  "completeness.view": "The reporting-progress board is for city and national staff and leaders.",
  "quality.view": "The data-quality page is for the city's staff and leaders.",
  "city.settings": "Only the city's social-insurance staff change the city's settings (deadline, check threshold, ranking bands).",
  "figures.import":
    "Your account may not import figures from a file for this unit: city staff import for their city's communes, a commune's officer for the commune.",
  "employers.view": "The register of employers paying late is for the staff and leaders of a city or province and national staff.",
  "employers.manage": "Only the city's social-insurance staff enter the employers paying late and publish the city's list.",
  "figures.monthly": "Only the city's social-insurance staff enter the monthly figures of their city and its communes.",
  "users.manage": "Only the system administrator manages accounts.",
  "audit.search": "Only the system administrator searches the system audit trail.",
};

const CATALOGUE: Entry[] = [
  ...(Object.keys(PERMISSIONS) as Permission[]).map((p) => entry(`forbidden.${p}`, PERMISSIONS[p].denied, PERMISSION_EN[p])),
  entry("unauthenticated", "Bạn chưa đăng nhập hoặc phiên làm việc đã hết hạn.", "You are not signed in, or your session has ended."),
  entry("unit.notFound", "Không có đơn vị nào mang mã «{code}».", "No unit has the code «{code}»."),
  entry("invalid", "Dữ liệu gửi lên không hợp lệ.", "The data sent is not valid."),
  entry("invalidJson", "Nội dung gửi lên không phải JSON hợp lệ.", "The body sent is not valid JSON."),
  entry("tooLarge", "Nội dung gửi lên quá lớn (tối đa 100.000 ký tự).", "The body sent is too large (at most 100,000 characters)."),
  entry("tooLarge.short", "Nội dung quá lớn.", "The body is too large."),
  entry(
    "version.required",
    "Cần gửi version của bản đang sửa (đọc bằng GET trước): không có version, một thay đổi của người khác có thể bị ghi đè. Không có gì được lưu.",
    "Send the version you are editing (read it with GET first): without it, someone else's change could be overwritten. Nothing was saved.",
  ),
  entry("period.future", "Quý {q}/{y} chưa bắt đầu: chưa thể nhập số liệu.", "Quarter {q}/{y} has not started: figures cannot be entered yet."),
  entry(
    "period.notEnded",
    "Quý {q}/{y} chưa kết thúc (số liệu tính đến ngày {date}): chưa thể nhập số liệu thực hiện hay đánh giá, xếp hạng kỳ này.",
    "Quarter {q}/{y} has not ended (figures as of {date}): its actual figures cannot be entered, judged or ranked yet.",
  ),
  entry("estimate.quarter", "Ước thực hiện là số liệu đến 31/12: dùng quý 4.", "An estimate is the figure to 31/12: use quarter 4."),
  entry("estimate.closed", "Ước thực hiện năm {y} chỉ nhập được từ quý 3/{z}.", "The estimate for {y} can be entered from quarter 3/{z} only."),
  entry("figures.checksFailed", "Số liệu chưa hợp lệ: vui lòng sửa các lỗi được đánh dấu.", "Some figures are not valid: please correct the marked errors."),
  entry("figures.needsConfirmation", "Có số liệu bất thường cần xác nhận trước khi lưu.", "Some figures are unusual and need confirming before saving."),
  entry("figures.missingForSubmit", "Cần nhập đủ tất cả chỉ tiêu trước khi gửi báo cáo.", "Enter every figure before submitting the report."),
  entry("figures.required", "Chưa nhập số liệu này.", "This figure has not been entered."),
  entry("figures.noVillageFigures", "Thôn, tổ dân phố không có báo cáo số liệu hằng quý.", "Villages and residential groups have no quarterly figures."),
  entry("figures.none", "Chưa có số liệu quý {q}/{y} của {unit}.", "No figures for quarter {q}/{y} of {unit} yet."),
  entry("workflow.role.submit", "Chỉ cán bộ xã được gửi báo cáo của xã.", "Only the commune's officer submits the commune's report."),
  entry("workflow.role.review", "Chỉ cán bộ thành phố được duyệt, trả lại hoặc mở lại báo cáo.", "Only city staff approve, return or reopen reports."),
  entry("workflow.scope", "Tài khoản của bạn không được {action} báo cáo của {unit}.", "Your account may not {action} the report of {unit}."),
  entry(
    "workflow.state",
    "Không thể {action} báo cáo của {unit}: báo cáo đang ở trạng thái «{status}».",
    "Cannot {action} the report of {unit}: it is «{status}».",
  ),
  entry(
    "settings.stale",
    "Thiết lập báo cáo đã được người khác sửa: hãy tải lại trang, không có gì được lưu.",
    "Someone else changed the report settings: reload the page; nothing was saved.",
  ),
  entry(
    "milestones.stale",
    "Mốc kế hoạch đã được người khác sửa trong lúc bạn nhập: hãy tải lại trang, không có gì được lưu.",
    "Someone else changed the milestones while you were typing: reload the page; nothing was saved.",
  ),
  entry(
    "targets.stale",
    "Có người khác đã thay đổi các chỉ tiêu này trong lúc bạn sửa: chưa lưu gì. Hãy tải lại bảng.",
    "Someone else changed these targets while you were editing: nothing was saved. Reload the grid.",
  ),
  entry("explanation.stale", "Giải trình này vừa được sửa ở nơi khác: hãy tải lại trang.", "This explanation was just changed elsewhere: reload the page."),
  entry("villages.notVillage", "{unit} không phải thôn, tổ dân phố.", "{unit} is not a village or residential group."),
  entry("villages.retired", "«{unit}» đã ngừng hoạt động: không nhập số liệu mới được.", "«{unit}» has been retired: no new figures can be recorded."),
  entry(
    "villages.stale",
    "Số liệu của {unit} quý {q}/{y} đã được người khác lưu sau khi bạn mở trang: chưa lưu gì của bạn. Hãy tải lại trang.",
    "The figures of {unit} for quarter {q}/{y} were saved by someone else after you opened the page: nothing of yours was saved. Reload the page.",
  ),
  entry("villages.concurrent", "Có người vừa thêm thôn cùng lúc: vui lòng thử lại.", "Someone added a village at the same moment: please try again."),
  entry(
    "level.rankings",
    "Bảng xếp hạng có cho thành phố, tỉnh (các xã) và cả nước (các tỉnh).",
    "Rankings exist for a city or province (its communes) and for the nation (its provinces).",
  ),
  entry(
    "level.completeness",
    "Bảng theo dõi tiến độ báo cáo chỉ có cho thành phố, tỉnh (các xã) và cả nước (các tỉnh).",
    "The reporting-progress board exists for a city or province (its communes) and for the nation (its provinces).",
  ),
  entry(
    "level.board",
    "Bảng theo dõi chỉ có cho thành phố, tỉnh (các xã) và cả nước (các tỉnh).",
    "The board exists for a city or province (its communes) and for the nation (its provinces).",
  ),
  entry(
    "level.quality",
    "Kiểm tra chất lượng số liệu có cho một tỉnh, thành phố (các xã, phường của nó).",
    "Data-quality checks exist for a province or city (its communes and wards).",
  ),
  entry("level.deadline", "Hạn báo cáo được đặt cho một tỉnh, thành phố.", "The reporting deadline is set for a province or city."),
  entry("level.threshold", "Ngưỡng kiểm tra biến động được đặt cho một tỉnh, thành phố.", "The change-check threshold is set for a province or city."),
  entry(
    "level.report",
    "Báo cáo có cho xã, phường, đặc khu, tỉnh, thành phố và cả nước; thôn, tổ dân phố không ban hành báo cáo.",
    "Reports exist for communes, wards, special zones, provinces, cities and the nation; villages and residential groups issue none.",
  ),
  entry("crossSite.write", "Yêu cầu thay đổi dữ liệu từ trang web khác bị từ chối.", "A request from another site to change data was refused."),
  entry("crossSite", "Yêu cầu từ trang web khác bị từ chối.", "A request from another site was refused."),
  entry("json.required", "Nội dung gửi lên phải là JSON (Content-Type: application/json).", "The body must be JSON (Content-Type: application/json)."),
  entry("auth.getCallback", "Đăng nhập bằng biểu mẫu (POST), không bằng GET.", "Sign in with the form (POST), not with GET."),
  entry(
    "auth.formOnly",
    "Nội dung đăng nhập phải là biểu mẫu (application/x-www-form-urlencoded).",
    "A sign-in must be a form (application/x-www-form-urlencoded).",
  ),
  entry("system", "Lỗi hệ thống, vui lòng thử lại sau.", "System error, please try again later."),
  entry(
    "system.busy",
    "Hệ thống đang bận, chưa lưu được. Vui lòng thử lại sau ít phút.",
    "The system is busy and nothing was saved. Please try again in a few minutes.",
  ),
  entry("system.notSaved", "Lỗi hệ thống, chưa lưu được. Vui lòng thử lại.", "System error: nothing was saved. Please try again."),
  entry("system.notDone", "Lỗi hệ thống, chưa thực hiện được. Vui lòng thử lại.", "System error: nothing was done. Please try again."),
  entry("system.notSavedShort", "Lỗi hệ thống, chưa lưu được.", "System error: nothing was saved."),
  entry("comment.missing", "Chưa nhập nội dung trao đổi.", "The message is empty."),
  entry("comment.tooShort", "Nội dung trao đổi cần ít nhất {n} ký tự.", "A message needs at least {n} characters."),
  entry("comment.tooLong", "Nội dung trao đổi tối đa {n} ký tự.", "A message has at most {n} characters."),
  entry("comment.invalid", "Nội dung trao đổi chưa hợp lệ: cần từ {min} đến {max} ký tự.", "The message is not valid: it needs {min} to {max} characters."),
  entry(
    "comment.denied",
    "Chỉ cán bộ của xã và cán bộ BHXH thành phố, tỉnh quản lý xã được trao đổi về báo cáo này.",
    "Only the commune's officer and the city's social-insurance staff discuss this report.",
  ),
  entry("comment.noReport", "{unit} chưa có báo cáo quý {q}/{y}: chưa có gì để trao đổi.", "{unit} has no report for quarter {q}/{y} yet: nothing to discuss."),
  entry("explanation.reasonShort", "Nguyên nhân cần ít nhất {n} ký tự.", "The cause needs at least {n} characters."),
  entry("explanation.actionsShort", "Giải pháp cần ít nhất {n} ký tự.", "The remedy needs at least {n} characters."),
  entry("explanation.reasonLong", "Nguyên nhân tối đa {n} ký tự.", "The cause has at most {n} characters."),
  entry("explanation.actionsLong", "Giải pháp tối đa {n} ký tự.", "The remedy has at most {n} characters."),
  entry(
    "explanation.bothShort",
    "Nguyên nhân cần ít nhất {n} ký tự. Giải pháp cần ít nhất {m} ký tự.",
    "The cause needs at least {n} characters. The remedy needs at least {m} characters.",
  ),
  entry("explanation.noTarget", "Chưa có chỉ tiêu năm {y} cho nội dung này: không cần giải trình.", "No {y} target for this item: no explanation needed."),
  // The monthly scenario and monthly figures (lib/domain/scenario.ts, lib/monthly/service.ts).
  entry(
    "scenario.noTargets",
    "Đơn vị chưa có chỉ tiêu năm {y}: hãy giao chỉ tiêu năm trước khi lập kịch bản theo tháng.",
    "This unit has no {y} targets: set the yearly targets before making a monthly scenario.",
  ),
  entry("scenario.missingMonth", "Thiếu tháng {m}: kịch bản cần đủ 12 tháng.", "Month {m} is missing: a scenario needs all 12 months."),
  entry("scenario.badMonth", "Tháng không hợp lệ «{m}»: chỉ từ 1 đến 12.", "Invalid month «{m}»: only 1 to 12."),
  entry(
    "scenario.notTargeted",
    "«{key}» không phải chỉ tiêu năm {y} của đơn vị: kịch bản chỉ gồm các chỉ tiêu đã giao.",
    "«{key}» is not one of the unit's {y} targets: a scenario holds only the targets set.",
  ),
  entry("scenario.missingKey", "Tháng {m} thiếu giá trị của «{label}».", "Month {m} has no value for «{label}»."),
  entry(
    "monthly.bigChange",
    "«{label}»: thay đổi {pct} so với tháng trước ({prev} → {cur}): vui lòng kiểm tra lại.",
    "«{label}»: changed {pct} from the month before ({prev} → {cur}): please check.",
  ),
  entry(
    "monthly.collectedDown",
    "«{label}»: số lũy kế từ đầu năm giảm so với tháng trước ({prev} → {cur}): vui lòng kiểm tra lại.",
    "«{label}»: the year-to-date amount went down from the month before ({prev} → {cur}): please check.",
  ),
  entry("scenario.notWhole", "Tháng {m}, «{label}»: phải là số nguyên.", "Month {m}, «{label}»: must be a whole number."),
  entry(
    "scenario.tooLarge",
    "Tháng {m}, «{label}»: quá lớn, gấp hơn 10 lần chỉ tiêu năm.",
    "Month {m}, «{label}»: too large, more than 10 times the year's target.",
  ),
  entry("scenario.negative", "Tháng {m}, «{label}»: không được âm.", "Month {m}, «{label}»: cannot be negative."),
  entry("scenario.rateOver100", "Tháng {m}, «{label}»: tỷ lệ không được quá 100%.", "Month {m}, «{label}»: a rate cannot exceed 100%."),
  entry(
    "scenario.december",
    "Tháng 12 của «{label}» phải bằng chỉ tiêu năm ({target}): kịch bản kết thúc ở chỉ tiêu năm.",
    "December of «{label}» must equal the year's target ({target}): a scenario ends at the year's target.",
  ),
  entry(
    "scenario.shape",
    'Nội dung phải là { months: { "1": { khóa chỉ tiêu: giá trị }, …, "12": { … } }, version }.',
    'The body must be { months: { "1": { target key: value }, …, "12": { … } }, version }.',
  ),
  entry("scenario.notNumber", "Mỗi giá trị của kịch bản phải là một số.", "Every value of the scenario must be a number."),
  entry(
    "scenario.stale",
    "Kịch bản theo tháng đã được người khác sửa trong lúc bạn nhập: hãy tải lại trang, không có gì được lưu.",
    "Someone else changed the monthly scenario while you were editing: reload the page; nothing was saved.",
  ),
  entry(
    "scenario.ownsMilestone",
    "Mốc quý {q} của «{label}» lấy từ kịch bản theo tháng năm {y} (tháng {m}): hãy sửa kịch bản ở trang Theo tháng.",
    "The Q{q} milestone of «{label}» comes from the {y} monthly scenario (month {m}): edit the scenario on the Monthly page.",
  ),
  entry(
    "monthly.badVersion",
    "version phải là một số nguyên không âm (đọc bằng GET trước).",
    "version must be a whole number, not negative (read it with GET first).",
  ),
  entry(
    "monthly.notEnded",
    "Tháng {m}/{y} chưa kết thúc: chưa thể nhập số liệu của tháng này.",
    "Month {m}/{y} has not ended: its figures cannot be entered yet.",
  ),
  entry("monthly.badMonth", "Tháng phải là số nguyên từ 1 đến 12.", "The month must be a whole number from 1 to 12."),
  entry("monthly.empty", "Chưa nhập số liệu nào cho tháng này.", "No figure was entered for this month."),
  entry("monthly.shape", "Nội dung phải là { figures: { khóa: số }, version }.", "The body must be { figures: { key: number }, version }."),
  entry("monthly.unknownKeys", "Trường không hợp lệ: {keys}. Số liệu tháng chỉ gồm: {list}.", "Invalid fields: {keys}. Monthly figures have only: {list}."),
  entry(
    "monthly.stale",
    "Số liệu tháng {m}/{y} đã được người khác sửa trong lúc bạn nhập: hãy tải lại trang, không có gì được lưu.",
    "Someone else changed the figures of month {m}/{y} while you were editing: reload the page; nothing was saved.",
  ),
  entry("conflict.storedMeanwhile", "{label}: hiện đã lưu {stored} (bạn nhập {sent}).", "{label}: now saved {stored} (you entered {sent})."),
  // The monthly figures from a file (lib/imports/monthly-sheet.ts, lib/monthly/import.ts).
  entry(
    "monthlyFile.noHeader",
    "Không tìm thấy dòng tiêu đề có cột «Tháng» và các cột số liệu tháng (ví dụ «Số người tham gia BHXH bắt buộc»): hãy dùng tệp mẫu tải từ trang Theo tháng.",
    "No header row with the column «Tháng» (month) and the monthly figures' columns (e.g. «Số người tham gia BHXH bắt buộc») was found: use the template from the Monthly page.",
  ),
  entry(
    "monthlyFile.wrongYear",
    "Tiêu đề tệp ghi năm {got}, nhưng đang nhập số liệu tháng năm {want}: hãy chọn đúng năm hoặc dùng đúng tệp.",
    "The file's title says {got}, but monthly figures of {want} are being imported: choose the right year or use the right file.",
  ),
  entry(
    "monthlyFile.badMonth",
    "Cột «Tháng» phải là số tháng từ 1 đến 12 (ô chứa «{text}»).",
    "The «Tháng» (month) column takes a month from 1 to 12 (the cell holds «{text}»).",
  ),
  entry("monthlyFile.otherYear", "Dòng này là tháng {m}/{got}, nhưng tệp đang nhập năm {want}.", "This row is month {m}/{got}, but the file imports {want}."),
  entry("monthlyFile.missingMonth", "Dòng có số liệu nhưng thiếu tháng ở cột «Tháng».", "The row has figures but no month in the «Tháng» (month) column."),
  entry("monthlyFile.duplicateMonth", "Tháng {m} trùng với dòng {row}: mỗi tháng một dòng.", "Month {m} repeats row {row}: one month a row."),
  entry(
    "monthlyImport.stale",
    "Số liệu tháng {months} năm {y} đã thay đổi sau khi bạn xem trước: chưa lưu gì. Hãy tải tệp lên lại để xem số hiện tại.",
    "The figures of month(s) {months} of {y} changed after your preview: nothing was saved. Upload the file again to see the current figures.",
  ),
  entry("monthlyImport.body", "Nội dung phải là một đối tượng JSON (có thể rỗng: {}).", "The body must be a JSON object (it may be empty: {})."),
  entry("monthlyImport.confirmWarnings", "confirmWarnings phải là true hoặc false.", "confirmWarnings must be true or false."),
  entry(
    "import.needsConfirmation",
    "Có số liệu bất thường cần xác nhận trước khi lưu. ({n} cảnh báo)",
    "Some figures are unusual and need confirming before saving ({n} warnings).",
  ),
  // A file upload's common refusals (lib/imports/sheet.ts, lib/imports/service.ts).
  entry(
    "import.notFound",
    "Không tìm thấy lượt nhập này (đã lưu, đã hết hạn sau 6 giờ hoặc không phải của bạn): hãy tải tệp lên lại.",
    "This import was not found (already saved, expired after 6 hours, or not yours): upload the file again.",
  ),
  entry(
    "import.notSpreadsheet",
    "Tệp không phải bảng tính Excel (.xlsx) hay CSV: hãy tải lên tệp mẫu đã điền số liệu.",
    "The file is not an Excel workbook (.xlsx) or a CSV: upload the filled-in template.",
  ),
  entry(
    "import.oldExcel",
    "Tệp Excel 97–2003 (.xls) không đọc được: trong Excel chọn Lưu thành (Save As) → Sổ làm việc Excel (.xlsx) rồi tải lên.",
    "An Excel 97–2003 file (.xls) cannot be read: in Excel choose Save As → Excel Workbook (.xlsx), then upload it.",
  ),
  entry(
    "import.notUtf8",
    "Tệp CSV phải mã hóa UTF-8: trong Excel chọn Lưu thành → CSV UTF-8 (phân tách bằng dấu phẩy).",
    "A CSV file must be UTF-8: in Excel choose Save As → CSV UTF-8 (comma delimited).",
  ),
  entry("import.empty", "Tệp không có dòng số liệu nào.", "The file has no rows of figures."),
  entry("import.emptyFile", "Tệp rỗng.", "The file is empty."),
  entry("import.tooLarge", "Tệp quá lớn (tối đa 10 MB).", "The file is too large (at most 10 MB)."),
  // Employers paying late (issue 15): lib/employers/service.ts, lib/employers/sheet.ts, lib/domain/employers.ts.
  entry("employers.provinceOnly", "Danh sách đơn vị chậm đóng có cho thành phố, tỉnh.", "The register of employers paying late exists for a city or province."),
  entry(
    "employers.lateMonths",
    "Số tháng chậm đóng (lateMonths) phải là số nguyên từ 0 đến 120.",
    "Months late (lateMonths) must be a whole number from 0 to 120.",
  ),
  entry(
    "employers.month",
    "Tháng phải là số nguyên từ 1 đến 12, năm từ 2015 đến 2035 (gửi cả year và month).",
    "The month must be a whole number from 1 to 12 and the year from 2015 to 2035 (send both year and month).",
  ),
  entry(
    "employers.monthNotEnded",
    "Tháng {m}/{y} chưa kết thúc (số liệu tính đến ngày {date}): chưa thể nhập hay công bố.",
    "Month {m}/{y} has not ended (figures as at {date}): nothing can be entered or published for it yet.",
  ),
  entry(
    "employers.noData",
    "Chưa có số liệu đơn vị chậm đóng tại ngày {date}: hãy nhập hoặc tải tệp lên trước khi công bố.",
    "No figures on late-paying employers as at {date}: enter them or upload a file before publishing.",
  ),
  entry(
    "employers.stale",
    "Số liệu của đơn vị này vừa được người khác sửa: hãy tải lại trang, không có gì được lưu.",
    "Someone else just changed this employer's figures: reload the page; nothing was saved.",
  ),
  entry(
    "employers.exists",
    "Mã số thuế {tax} đã có trong danh sách: hãy nhập lại mã số thuế để tải số liệu đang lưu của đơn vị rồi sửa, không có gì được lưu.",
    "Tax code {tax} is already in the register: type the tax code again to load the employer's stored figures and edit them; nothing was saved.",
  ),
  entry(
    "employers.publicationStale",
    "Danh sách tháng này vừa được công bố hoặc công bố lại ở nơi khác: hãy tải lại trang, không có gì được lưu.",
    "This month's list was just published or republished elsewhere: reload the page; nothing was saved.",
  ),
  entry(
    "employers.importStale",
    "Số liệu đơn vị chậm đóng đã thay đổi sau khi bạn kiểm tra tệp: chưa lưu gì. Hãy kiểm tra tệp lại.",
    "The register changed after you checked the file: nothing was saved. Check the file again.",
  ),
  entry("employers.communeUnknown", "Không có xã, phường nào «{text}» trong thành phố, tỉnh này.", "No commune «{text}» in this city or province."),
  entry(
    "file.errors",
    "Tệp có {n} lỗi: chưa lưu gì. Hãy sửa các dòng được liệt kê rồi tải lên lại.",
    "Errors in the file: {n}. Nothing was saved: correct the rows listed and upload it again.",
  ),
  entry("file.error", "Tệp có lỗi ở dòng {row}: {message}", "The file has an error on row {row}: {message}"),
  entry("file.errorFile", "Tệp có lỗi: {message}", "The file has an error: {message}"),
  entry(
    "employers.upload",
    "Gửi tệp bằng biểu mẫu tải lên (multipart/form-data) với trường file, year, month.",
    "Send the file as a form upload (multipart/form-data) with the fields file, year, month.",
  ),
  entry(
    "employers.noHeader",
    "Không tìm thấy dòng tiêu đề có cột «Mã số thuế» và «Tên đơn vị»: hãy dùng tệp mẫu tải từ trang đơn vị chậm đóng.",
    "No header row with the columns «Mã số thuế» and «Tên đơn vị» was found: use the template from the late-paying employers page.",
  ),
  entry("employers.duplicateColumn", "Cột này trùng với cột {col}.", "This column repeats column {col}."),
  entry("employers.missingColumn", "Thiếu cột «{name}».", "The column «{name}» is missing."),
  entry(
    "employers.wrongMonth",
    "Tiêu đề tệp ghi số liệu tại {got}, nhưng đang nhập số liệu tại {want}: hãy chọn đúng tháng hoặc dùng đúng tệp.",
    "The file's title says figures as at {got}, but figures as at {want} are being imported: choose the right month or use the right file.",
  ),
  entry("employers.nameRequired", "Chưa nhập tên đơn vị.", "The employer's name is missing."),
  entry("employers.nameTooLong", "Tên đơn vị tối đa 300 ký tự.", "An employer's name has at most 300 characters."),
  entry("employers.addressTooLong", "Địa chỉ tối đa 500 ký tự.", "An address has at most 500 characters."),
  entry("employers.monthsRequired", "Chưa nhập số tháng chậm đóng.", "Months late is missing."),
  entry("employers.monthsInvalid", "Số tháng chậm đóng là số nguyên từ 0 đến 120.", "Months late is a whole number from 0 to 120."),
  entry("employers.amountRequired", "Chưa nhập số tiền chậm đóng.", "The amount late is missing."),
  entry(
    "employers.amountInvalid",
    "Số tiền chậm đóng là số nguyên không âm (đồng), dấu chấm ngăn cách hàng nghìn, ví dụ 125.400.000.",
    "The amount late is a whole non-negative number of VND, dots between thousands, e.g. 125.400.000.",
  ),
  entry("employers.amountTooLarge", "Số tiền chậm đóng quá lớn, vui lòng kiểm tra lại.", "The amount late is too large: please check it."),
  entry(
    "employers.lateWithoutAmount",
    "Có số tháng chậm đóng nhưng số tiền chậm đóng bằng 0: hãy kiểm tra lại (đơn vị đã đóng đủ thì ghi 0 tháng).",
    "Months late are given but the amount late is 0: please check (an employer that has paid in full has 0 months).",
  ),
  entry("employers.duplicateTaxCode", "Mã số thuế trùng với dòng {row}: mỗi đơn vị một dòng.", "The tax code repeats row {row}: one employer a row."),
  entry("employers.empty", "Tệp không có dòng nào.", "The file has no rows."),
  entry("employers.tooManyRows", "Tệp có quá nhiều dòng (tối đa 5.000).", "The file has too many rows (at most 5,000)."),
  entry("taxCode.required", "Chưa nhập mã số thuế.", "The tax code is missing."),
  entry(
    "taxCode.format",
    "Mã số thuế gồm 10 chữ số, hoặc 10 chữ số, dấu gạch ngang và 3 chữ số của chi nhánh (ví dụ 0101234567-001).",
    "A tax code is 10 digits, or 10 digits, a hyphen and a branch's 3 digits (e.g. 0101234567-001).",
  ),
  entry(
    "taxCode.checkDigit",
    "Mã số thuế không đúng: chữ số kiểm tra (chữ số thứ 10) không khớp, hãy kiểm tra lại.",
    "The tax code is wrong: its check digit (the 10th digit) does not match; please check it.",
  ),
  // The figures' checks (lib/domain/figures-validation.ts), as the server repeats them.
  entry(
    "check.informal",
    "Số nông dân, lao động phi chính thức ({a}) không được lớn hơn số người tham gia BHXH tự nguyện ({b}).",
    "Farmers and informal workers ({a}) cannot exceed voluntary social-insurance participants ({b}).",
  ),
  entry(
    "check.bhtn",
    "Số người tham gia BHTN ({a}) không được lớn hơn số người tham gia BHXH bắt buộc ({b}).",
    "Unemployment-insurance participants ({a}) cannot exceed compulsory social-insurance participants ({b}).",
  ),
  entry(
    "check.late",
    "Số tiền chậm đóng ({a} đồng) không được lớn hơn số phải thu ({b} đồng).",
    "Late payments ({a} VND) cannot exceed the amount due ({b} VND).",
  ),
  entry(
    "check.labourForce",
    "Tổng số người tham gia BHXH bắt buộc và tự nguyện ({a}) lớn hơn lực lượng lao động trong độ tuổi ({b}): vui lòng kiểm tra lại (có thể do lao động nơi khác đến làm việc).",
    "Compulsory and voluntary participants together ({a}) exceed the working-age labour force ({b}): please check (workers from elsewhere may explain it).",
  ),
  entry(
    "check.bhyt",
    "Số người tham gia BHYT ({a}) lớn hơn dân số ({b}): vui lòng kiểm tra lại.",
    "Health-insurance participants ({a}) exceed the population ({b}): please check.",
  ),
  entry("check.drop", "Giảm {p} so với quý trước ({a} → {b}): vui lòng kiểm tra lại.", "Down {p} from the previous quarter ({a} → {b}): please check."),
  entry("check.rise", "Tăng {p} so với quý trước ({a} → {b}): vui lòng kiểm tra lại.", "Up {p} from the previous quarter ({a} → {b}): please check."),
  entry("check.negative", "Số liệu không được âm.", "Figures cannot be negative."),
  // Texts the server records (notification titles, audit reasons) — shown in the reader's language.
  entry("notice.submitted", "{unit} đã gửi báo cáo quý {q}/{y}", "{unit} submitted the report for quarter {q}/{y}"),
  entry("notice.submittedEstimate", "{unit} đã gửi báo cáo ước thực hiện năm {y}", "{unit} submitted the estimate for {y}"),
  entry("notice.approved", "Báo cáo quý {q}/{y} của {unit} đã được duyệt", "The report for quarter {q}/{y} of {unit} was approved"),
  entry("notice.returned", "Báo cáo quý {q}/{y} của {unit} bị trả lại", "The report for quarter {q}/{y} of {unit} was returned"),
  entry("notice.reopened", "Báo cáo quý {q}/{y} của {unit} được mở lại để sửa", "The report for quarter {q}/{y} of {unit} was reopened for correction"),
  entry("notice.approvedEstimate", "Báo cáo ước thực hiện năm {y} của {unit} đã được duyệt", "The estimate for {y} of {unit} was approved"),
  entry("notice.returnedEstimate", "Báo cáo ước thực hiện năm {y} của {unit} bị trả lại", "The estimate for {y} of {unit} was returned"),
  entry("notice.reopenedEstimate", "Báo cáo ước thực hiện năm {y} của {unit} được mở lại để sửa", "The estimate for {y} of {unit} was reopened for correction"),
  entry("notice.signInLocked", "Tạm khóa đăng nhập: {user}", "Sign-in locked: {user}"),
  entry(
    "audit.locked",
    "Tên đăng nhập «{user}» tạm khóa 15 phút: nhiều lần đăng nhập sai từ nhiều địa chỉ khác nhau.",
    "The username «{user}» is locked for 15 minutes: many failed sign-ins from several addresses.",
  ),
  entry("audit.minutes15", "15 phút", "15 minutes"),
  entry("audit.signInFailed", "Sai tên đăng nhập hoặc mật khẩu", "Wrong username or password"),
  entry("audit.wrongPassword", "Sai mật khẩu", "Wrong password"),
  entry("audit.noSuchUser", "Không có tài khoản này", "No such account"),
  entry("audit.accountLocked", "Tài khoản đã bị khóa", "The account is locked"),
  entry("audit.userCreated", "Tạo tài khoản", "Account created"),
  entry("audit.created", "Tạo mới", "Created"),
  entry("audit.retired", "Ngừng hoạt động", "Retired"),
  entry("audit.passwordReset", "Đặt lại mật khẩu", "Password reset"),
  entry("audit.accountReopened", "Mở lại tài khoản", "Account reactivated"),
  entry("audit.accountClosed", "Khóa tài khoản", "Account deactivated"),
  entry("audit.reportSaved", "Lưu nội dung báo cáo {period}, phiên bản {v}", "Report text saved ({period}), version {v}"),
  entry("audit.thread", "Trao đổi về báo cáo quý {q}/{y}", "Discussion of the report for quarter {q}/{y}"),
  // A file's rows and cells (lib/imports/sheet.ts, lib/imports/targets-sheet.ts, lib/imports/workbook.ts).
  entry(
    "import.noHeader",
    "Không tìm thấy dòng tiêu đề có cột «Mã» và các cột số liệu (ví dụ «Số người tham gia BHXH bắt buộc»): hãy dùng tệp mẫu tải từ trang nhập.",
    "No header row with the column «Mã» (code) and the figures' columns (e.g. «Số người tham gia BHXH bắt buộc») was found: use the template from the import page.",
  ),
  entry(
    "import.noMetric",
    "Dòng tiêu đề không có cột số liệu nào khớp với các chỉ tiêu: hãy dùng tệp mẫu tải từ trang nhập.",
    "The header row has no column matching a figure: use the template from the import page.",
  ),
  entry("import.duplicateColumn", "Cột này trùng chỉ tiêu với cột {col}.", "This column repeats the figure of column {col}."),
  entry(
    "import.wrongYear",
    "Tiêu đề tệp ghi năm {got}, nhưng đang nhập chỉ tiêu năm {want}: hãy chọn đúng năm hoặc dùng đúng tệp.",
    "The file's title says {got}, but targets for {want} are being imported: choose the right year or use the right file.",
  ),
  entry(
    "import.wrongPeriod",
    "Tiêu đề tệp ghi số liệu quý {q}/{y}, nhưng đang nhập quý {p}/{z}: hãy chọn đúng kỳ hoặc dùng đúng tệp.",
    "The file's title says quarter {q}/{y}, but quarter {p}/{z} is being imported: choose the right period or use the right file.",
  ),
  entry("import.missingCode", "Dòng có số liệu nhưng thiếu mã đơn vị ở cột «Mã».", "The row has figures but no unit code in the «Mã» (code) column."),
  entry("import.duplicateCode", "Mã đơn vị trùng với dòng {row}: mỗi xã chỉ một dòng.", "The unit code repeats row {row}: one commune a row."),
  entry("import.merged", "Ô gộp (merge) trong vùng số liệu: hãy bỏ gộp ô, mỗi xã một dòng.", "A merged cell among the figures: unmerge it, one commune a row."),
  entry(
    "import.formulaNoValue",
    "Ô có công thức nhưng chưa có giá trị đã tính: mở tệp trong Excel, lưu lại rồi tải lên (hoặc thay công thức bằng số).",
    "The cell has a formula but no computed value: open the file in Excel, save it and upload it again (or replace the formula by a number).",
  ),
  entry("import.formulaError", "Công thức trong ô cho kết quả lỗi {e}.", "The cell's formula gives the error {e}."),
  entry("import.tooManyRows", "Tệp có quá nhiều dòng (tối đa 20.000).", "The file has too many rows (at most 20,000)."),
  entry(
    "import.unknownCommune",
    "Không có xã, phường, đặc khu nào mang mã «{code}» trong {unit}.",
    "No commune, ward or special zone has the code «{code}» in {unit}.",
  ),
  entry("import.unknownCommuneAny", "Không có xã, phường, đặc khu nào mang mã «{code}».", "No commune, ward or special zone has the code «{code}»."),
  entry("import.unknownChild", "Không có đơn vị nào mang mã «{code}» trực thuộc {unit}.", "No unit under {unit} has the code «{code}»."),
  entry("value.notANumber", "Chỉ nhập chữ số, dấu chấm ngăn cách hàng nghìn, ví dụ 13.624.", "Digits only, with dots between thousands, e.g. 13.624."),
  entry("value.notInteger", "Nhập số nguyên, dấu chấm ngăn cách hàng nghìn, ví dụ 13.624.", "Enter a whole number, with dots between thousands, e.g. 13.624."),
  entry("value.tooLarge", "Số quá lớn, vui lòng kiểm tra lại.", "The number is too large, please check it."),
  entry("value.tooBigPeople", "{field}: không được vượt quá {n} người.", "{field}: cannot exceed {n} people."),
  entry("value.tooBigVnd", "{field}: không được vượt quá {n} đồng.", "{field}: cannot exceed {n} VND."),
  entry(
    "value.rate",
    "Tỷ lệ là một số từ 0 đến 100 (%), dấu phẩy trước phần thập phân, ví dụ 53,1.",
    "A rate is a number from 0 to 100 (%), with a decimal comma as in the Vietnamese template, e.g. 53,1.",
  ),
  entry("target.negative", "Chỉ tiêu không được âm.", "A target cannot be negative."),
  entry("target.whole", "Chỉ tiêu số lượng phải là số nguyên.", "A count target must be a whole number."),
  entry("target.tooLarge", "Chỉ tiêu quá lớn (tối đa {n}).", "The target is too large (at most {n})."),
  entry("target.rate", "Chỉ tiêu tỷ lệ là một phân số từ 0 đến 1 (ví dụ 0,43 cho 43%).", "A rate target is a fraction from 0 to 1 (e.g. 0.43 for 43%)."),
  entry(
    "target.revenueCompletion",
    "Chỉ tiêu hoàn thành kế hoạch thu là một phân số từ 0 đến 2 (ví dụ 1 cho 100%).",
    "The revenue-completion target is a fraction from 0 to 2 (e.g. 1 for 100%).",
  ),
  // Rows a file's preview skips (lib/imports/service.ts).
  entry(
    "import.skipTotal",
    "Dòng tổng của đơn vị: không nhập (số của thành phố là tổng các xã).",
    "The unit's total row: not imported (the city's figures are the sum of its communes).",
  ),
  entry(
    "import.skipRetired",
    "Xã này đã ngừng hoạt động (sắp xếp đơn vị hành chính): không nhập.",
    "This commune no longer exists (administrative reorganisation): not imported.",
  ),
  entry("import.skipOutside", "Xã không thuộc phạm vi của {unit}: không nhập.", "The commune is not in {unit}: not imported."),
  entry(
    "import.skipLocked",
    "Báo cáo quý {q}/{y} của xã {state}: không ghi đè (cần trả lại hoặc mở lại trước).",
    "The commune's report for quarter {q}/{y} is {state}: not overwritten (return or reopen it first).",
  ),
  entry(
    "import.skipNotChild",
    "Không phải đơn vị trực thuộc {unit} mà bạn được giao chỉ tiêu năm {y}: không nhập.",
    "Not a unit under {unit} whose {y} targets you set: not imported.",
  ),
  // Last: a message about one cell — what the cell holds, and which figure (its label in English, the message inside too).
  entry("cell.holds", "{message} (ô chứa «{text}»)", "{message} (the cell holds «{text}»)"),
  entry("cell.field", "{field}: {message}", "{field}: {message}"),
];

/** A number written the Vietnamese way ("40.000", "38,8%", "-1.250") written the English way ("40,000", "38.8%"). */
const VI_NUMBER = /^[-−]?\d{1,3}(\.\d{3})*(,\d+)?%?$/;
const enNumber = (v: string) => (VI_NUMBER.test(v) && /[.,]/.test(v) ? v.replace(/[.,]/g, (c) => (c === "." ? "," : ".")) : v);

function fill(template: string, names: string[], values: string[]): string {
  let out = template;
  names.forEach((n, i) => {
    let v = values[i] ?? "";
    if (n === "action") v = ACTIONS_EN[v] ?? v;
    if (n === "status" || n === "state") v = STATUS_EN[v] ?? v;
    if (n === "label" || n === "field") v = LABELS_EN.get(v) ?? v;
    // Numbers in the reader's way; a cell's own text ({text}) is quoted as it is.
    if (n !== "text") v = enNumber(v);
    // A message inside a message ("Tệp có lỗi ở dòng 7: {message}"): in English as well.
    if (n === "message") v = localizeMessage(v, "en").message;
    out = out.split(`{${n}}`).join(v);
  });
  return out;
}

/** The code of a server message and its text in this language. */
export function localizeMessage(message: string, locale: Locale): { code: string; message: string } {
  for (const e of CATALOGUE) {
    const m = e.pattern.exec(message);
    if (m) return { code: e.code, message: locale === "en" ? fill(e.en, e.names, m.slice(1)) : message };
  }
  return { code: "message", message };
}

/** An error body `{ error, issues, errors? }` with its code and every text in this language (a file's per-row `errors` too). */
export function localizeErrorBody<T extends { error: string; issues?: { message: string }[]; errors?: unknown }>(
  body: T,
  locale: Locale,
): T & { code: string } {
  const { code, message } = localizeMessage(body.error, locale);
  const each = <I extends { message: string }>(list: I[]) => list.map((i) => ({ ...i, message: localizeMessage(i.message, locale).message }));
  const rows = Array.isArray(body.errors) && body.errors.every((e) => typeof e?.message === "string") ? (body.errors as { message: string }[]) : null;
  return {
    ...body,
    code,
    error: message,
    ...(body.issues ? { issues: each(body.issues) } : {}),
    ...(rows ? { errors: each(rows) } : {}),
  };
}

type Previewish = {
  changes?: { changes?: { label?: string }[]; warnings?: unknown[] }[];
  warnings?: unknown[];
  skipped?: { reason?: string }[];
};

/**
 * A file's preview (figures, targets or monthly) in the reader's language: the changed figures'
 * labels, each warning and each skipped row's reason. Names and the file's own texts stay as they are.
 */
export function localizePreview<T>(body: T, locale: Locale): T {
  if (locale === "vi" || body === null || typeof body !== "object") return body;
  const b = body as T & Previewish;
  const text = (m: unknown) => (typeof m === "string" ? localizeMessage(m, locale).message : m);
  const withMessage = (w: unknown) =>
    w && typeof w === "object" && typeof (w as { message?: unknown }).message === "string"
      ? { ...w, message: text((w as { message: string }).message) }
      : text(w);
  return {
    ...b,
    ...(Array.isArray(b.changes)
      ? {
          changes: b.changes.map((c) => ({
            ...c,
            ...(Array.isArray(c.changes)
              ? { changes: c.changes.map((ch) => ({ ...ch, ...(ch.label ? { label: LABELS_EN.get(ch.label) ?? ch.label } : {}) })) }
              : {}),
            ...(Array.isArray(c.warnings) ? { warnings: c.warnings.map(withMessage) } : {}),
          })),
        }
      : {}),
    ...(Array.isArray(b.warnings) ? { warnings: b.warnings.map(withMessage) } : {}),
    ...(Array.isArray(b.skipped) ? { skipped: b.skipped.map((x) => ({ ...x, ...(x.reason ? { reason: text(x.reason) } : {}) })) } : {}),
  };
}

/**
 * The language of a request: the NEXT_LOCALE cookie (the interface's switch), else the first
 * supported language of Accept-Language, else Vietnamese.
 */
export function requestLocale(headers: { get(name: string): string | null }): Locale {
  const cookie = headers.get("cookie") ?? "";
  const fromCookie = new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([^;]+)`).exec(cookie)?.[1];
  if (fromCookie && (LOCALES as readonly string[]).includes(fromCookie)) return fromCookie as Locale;
  const accept = headers.get("accept-language") ?? "";
  const ranked = accept
    .split(",")
    .map((part, i) => {
      const [tag, ...params] = part.trim().split(";");
      const q = Number(
        params
          .find((p) => p.trim().startsWith("q="))
          ?.trim()
          .slice(2) ?? "1",
      );
      return { lang: tag.trim().toLowerCase().split("-")[0], q: Number.isFinite(q) ? q : 0, i };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const r of ranked) if ((LOCALES as readonly string[]).includes(r.lang)) return r.lang as Locale;
  return "vi";
}
