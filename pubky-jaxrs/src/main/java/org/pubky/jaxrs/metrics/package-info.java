/**
 * Prometheus metrics over HTTP: {@link org.pubky.jaxrs.metrics.MetricsApplication} serves
 * {@code GET /metrics} on its own listener, {@link org.pubky.jaxrs.metrics.RequestMetricsFilter}
 * counts and times the requests of an API by route template and status.
 */
package org.pubky.jaxrs.metrics;
