/**
 * What a homeserver measures: {@link org.pubky.core.homeserver.metrics.HomeserverMetrics} names
 * every metric (the reference's names where the reference has one) and offers one typed method
 * per event, so callers never build metric names or label values themselves.
 */
package org.pubky.core.homeserver.metrics;
