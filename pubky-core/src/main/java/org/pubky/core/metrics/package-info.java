/**
 * A small metrics registry with Prometheus text exposition (format 0.0.4): counters, gauges
 * (set or computed at scrape time) and histograms, each with a fixed set of label names.
 * Hand-written rather than taken from Micrometer so that pubky-core stays dependency-light and
 * the exposed names match the reference homeserver's exactly (see {@code docs/admin.md}).
 */
package org.pubky.core.metrics;
