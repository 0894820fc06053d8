// Labels of metrics, indicators and target keys in the interface language.
import { METRIC_LABELS_VI, METRIC_LABELS_EN, INDICATOR_LABELS_VI, INDICATOR_LABELS_EN } from "../domain/figures-validation";
import { INDICATOR_KEYS, METRIC_KEYS, type IndicatorKey, type MetricKey } from "../domain/metrics";
import { isDerivedCountTargetKey, type DerivedCountTargetKey, type TargetKey } from "../domain/targets";
import type { Locale } from "./config";

/** Target keys that are neither a reported figure nor an indicator: a sum of figures. */
export const DERIVED_TARGET_LABELS: Record<Locale, Record<DerivedCountTargetKey, string>> = {
  vi: { bhxhParticipants: "Số người tham gia BHXH (bắt buộc + tự nguyện)" },
  en: { bhxhParticipants: "Social insurance participants (compulsory + voluntary)" },
};

export function metricLabel(key: MetricKey, locale: Locale): string {
  return (locale === "en" ? METRIC_LABELS_EN : METRIC_LABELS_VI)[key].label;
}

export function indicatorLabel(key: IndicatorKey, locale: Locale): string {
  return (locale === "en" ? INDICATOR_LABELS_EN : INDICATOR_LABELS_VI)[key];
}

export function isIndicatorKey(k: string): k is IndicatorKey {
  return (INDICATOR_KEYS as readonly string[]).includes(k);
}

export function isMetricKey(k: string): k is MetricKey {
  return (METRIC_KEYS as readonly string[]).includes(k);
}

/** A target key's label: the label of its indicator, its figure, or its sum of figures. */
export function targetLabel(key: TargetKey, locale: Locale): string {
  return keyLabel(key, locale);
}

/** A metric, indicator or target key's label (the key itself when unknown). */
export function keyLabel(key: string, locale: Locale): string {
  if (isIndicatorKey(key)) return indicatorLabel(key, locale);
  if (isMetricKey(key)) return metricLabel(key, locale);
  if (isDerivedCountTargetKey(key)) return DERIVED_TARGET_LABELS[locale][key];
  return key;
}
