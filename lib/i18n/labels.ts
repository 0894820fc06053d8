// Labels of metrics and indicators in the interface language.
import { METRIC_LABELS_VI, METRIC_LABELS_EN, INDICATOR_LABELS_VI, INDICATOR_LABELS_EN } from "../domain/figures-validation";
import { INDICATOR_KEYS, METRIC_KEYS, type IndicatorKey, type MetricKey } from "../domain/metrics";
import type { Locale } from "./config";

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

/** A metric or indicator key's label. */
export function keyLabel(key: string, locale: Locale): string {
  if (isIndicatorKey(key)) return indicatorLabel(key, locale);
  if (isMetricKey(key)) return metricLabel(key, locale);
  return key;
}
