/** Protocol time: microsecond {@link org.pubky.core.time.Timestamp}s and a monotonic source of them. */
package org.pubky.core.time;
