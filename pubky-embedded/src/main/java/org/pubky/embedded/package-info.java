/**
 * The embedded runtime: builder, lifecycle and command line on Jetty 12 and Jersey. Filled by the homeserver issue.
 */
package org.pubky.embedded;
